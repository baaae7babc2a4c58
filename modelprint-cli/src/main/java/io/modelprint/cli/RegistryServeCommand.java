package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.io.Sha256;
import io.modelprint.registry.DatabaseLocation;
import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.service.RegistryService;
import io.modelprint.service.ServiceSettings;
import io.modelprint.signature.Ed25519;
import io.modelprint.signature.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the registry over HTTP to principals with roles (docs/service.md): owners register and remove their"
                + " signed fingerprints and read the verdicts about them; hubs submit suspects (a model file, or with --url-suspects"
                + " an Open Inference Protocol URL) and read the verdicts; auditors read the evidence log and its verification;"
                + " admins create principals. Every call but /api/v1/health, /api/v1/openapi.json and /api/v1/registry-key needs"
                + " Authorization: Bearer TOKEN (make the first admin with: modelprint registry principal add --role admin).",
            "Scans are jobs (queued, running, done, failed) that run as scan runs, with the options below, and append to the"
                    + " evidence log signed by the registry's key; a job a crash interrupted is run again at the next start.",
            "Runs until interrupted (Ctrl-C)."})
final class RegistryServeCommand implements Callable<Integer> {
    @Mixin
    DbOption db;

    @Mixin
    RegistryKeyOption registryKey;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default ${DEFAULT-VALUE}: this machine"
            + " only; put TLS in front with a reverse proxy before binding another)")
    String host;

    @Option(names = "--port", defaultValue = "8100", description = "port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--upload-dir", paramLabel = "DIR", description = {"where uploaded suspects wait for their scan, owner-only"
            + " (default: DB.uploads/ beside an SQLite database, else a directory of this user's in the system's temporary"
            + " directory)"})
    Path uploadDir;

    @Option(names = "--max-upload-mb", defaultValue = "200", description = "largest suspect upload (default ${DEFAULT-VALUE} MB)")
    long maxUploadMb;

    @Option(names = "--max-fingerprint-mb", defaultValue = "64", description = "largest fingerprint file (default ${DEFAULT-VALUE} MB)")
    long maxFingerprintMb;

    @Option(names = "--max-queue", defaultValue = "64", description = "scans queued or running at once; more are refused with 429"
            + " (default ${DEFAULT-VALUE})")
    int maxQueue;

    @Option(names = "--workers", defaultValue = "1", description = "scans running at once (default ${DEFAULT-VALUE}: each uses the"
            + " engine's threads)")
    int workers;

    @Option(names = "--max-attempts", defaultValue = "2", description = "starts of one scan before it is failed, when the service"
            + " stopped while scanning it (default ${DEFAULT-VALUE})")
    int maxAttempts;

    @Option(names = "--url-suspects", description = "let hubs submit Open Inference Protocol URLs: the server at the URL receives"
            + " the queries of every fingerprint it is checked against, so grant this only to hubs trusted with them")
    boolean urlSuspects;

    @Mixin
    VerdictOptions verdictOptions;

    @Mixin
    SuspectOptions suspectOptions;

    private final StopSignal stopSignal = new StopSignal();
    private volatile int boundPort = -1;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new InputException("--port must be in 0..65535, got " + port);
        }
        if (maxUploadMb < 1 || maxFingerprintMb < 1 || maxQueue < 1 || workers < 1 || maxAttempts < 1) {
            throw new InputException("--max-upload-mb, --max-fingerprint-mb, --max-queue, --workers and --max-attempts must be at"
                    + " least 1");
        }
        if (suspectOptions.cacheDir != null) {
            throw new InputException("--cache-dir: registry serve keeps no answers between scans");
        }
        suspectOptions.noCache = true;
        verdictOptions.validateThreshold();
        verdictOptions.validateAlpha();
        suspectOptions.remoteOptions();
        DatabaseLocation location;
        SigningKey key;
        try (RegistryDatabase database = db.open(OpenIntent.WRITE)) {
            location = database.location();
            key = registryKey.forAppend(database);
        }
        ServiceSettings settings = new ServiceSettings(uploadDir != null ? uploadDir : defaultUploadDir(location),
                maxUploadMb << 20, maxFingerprintMb << 20, maxQueue, workers, maxAttempts, urlSuspects);
        try (RegistryService service = new RegistryService(location, key, settings, new ServiceScans(verdictOptions, suspectOptions))) {
            try {
                service.start(host, port);
            } catch (RuntimeException e) {
                throw new InputException("cannot listen on " + host + ":" + port + ": " + ServeCommand.rootMessage(e), e);
            }
            boundPort = service.port();
            System.err.printf("serving the registry %s at http://%s:%d/api/v1 (registry key %s; OpenAPI at /api/v1/openapi.json)%n",
                    location.describe(), host, boundPort, Ed25519.shortId(key.id()));
            if (service.recovered() > 0) {
                System.err.println(service.recovered() + " scan job(s) queued or interrupted before this start are queued again");
            }
            stopSignal.await();
        }
        return ExitCode.OK;
    }

    /** The port being served, once listening (-1 before). */
    int boundPort() {
        return boundPort;
    }

    /** Ends {@link #call()}: stops the service (a scan cut short runs again at the next start). */
    void stop() {
        stopSignal.stop();
    }

    static Path defaultUploadDir(DatabaseLocation location) {
        if (location.dialect() == DatabaseLocation.Dialect.SQLITE) {
            return location.file().toAbsolutePath().resolveSibling(location.file().getFileName() + ".uploads");
        }
        String which = Sha256.hex(location.describe().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        return Path.of(System.getProperty("java.io.tmpdir"), "modelprint-uploads-" + System.getProperty("user.name") + "-" + which);
    }
}
