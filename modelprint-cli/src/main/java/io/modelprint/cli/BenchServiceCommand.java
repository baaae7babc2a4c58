package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.service.Principals;
import io.modelprint.registry.service.Role;
import io.modelprint.registry.service.ScanJob;
import io.modelprint.registry.service.ScanJobs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "service", mixinStandardHelpOptions = true,
        description = {"Load registry serve (a JVM of its own) with --requests concurrent hub uploads of --suspect, kill -9 it once"
                + " --kill-after scans are done, start it again, and wait for every scan: reports lost jobs, the evidence chain"
                + " (registry log verify), evidence records per job, status-call latency (p50/p99) under load and idle, and peak"
                + " memory. Fill the registry first (bench registry)."})
final class BenchServiceCommand implements Callable<Integer> {
    @Option(names = "--suspect", required = true, description = "the model the hub uploads: .pt, .onnx, or a model directory (zipped here)")
    Path suspect;

    @Option(names = "--requests", defaultValue = "100", description = "concurrent submissions (default ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--kill-after", defaultValue = "10", description = "scans done before kill -9 (default ${DEFAULT-VALUE}; 0: no kill)")
    int killAfter;

    @Option(names = "--workers", defaultValue = "1", description = "the service's scan workers (default ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--status-calls", defaultValue = "1000", description = "idle status calls timed at the end (default ${DEFAULT-VALUE})")
    int statusCalls;

    @Mixin
    DbOption db;

    @Mixin
    RegistryKeyOption registryKey;

    @Mixin
    FormatOption format;

    private final HttpClient client = HttpClient.newHttpClient();

    @Override
    public Integer call() throws Exception {
        Path scratch = Files.createTempDirectory("modelprint-bench-service");
        Path upload = Files.isDirectory(suspect) ? ServiceBenchFiles.zip(suspect, scratch.resolve("suspect.zip")) : suspect;
        byte[] body = Files.readAllBytes(upload);
        String hub;
        long headBefore;
        int fingerprints;
        try (RegistryDatabase database = db.open(OpenIntent.WRITE)) {
            fingerprints = new Registry(database).list().size();
            if (fingerprints == 0) {
                throw new InputException(database.location().describe() + ": no fingerprints; fill it with bench registry first");
            }
            hub = new Principals(database).add("bench-hub-" + Long.toHexString(System.nanoTime()), Role.HUB, null).token();
            headBefore = new EvidenceLog(database).verify().records();
        }
        List<String> args = new ArrayList<>(List.of("--db", db.db == null ? "modelprint-registry.db" : db.db, "--max-queue",
                Integer.toString(requests), "--workers", Integer.toString(workers)));
        if (registryKey.dir != null) {
            args.addAll(List.of("--registry-key", registryKey.dir.toString()));
        }
        Path log = scratch.resolve("service.log");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("fingerprints", fingerprints);
        doc.put("requests", requests);
        List<Long> underLoad = Collections.synchronizedList(new ArrayList<>());
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        long begin = System.nanoTime();
        ServiceChild service = ServiceChild.start(args, log, 0);
        doc.put("startSeconds", (System.nanoTime() - begin) / 1e9);
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = new Thread(() -> poll(ids, hub, underLoad, polling, service.port));
        long start = System.nanoTime();
        Map<Integer, Integer> statuses = submitAll(service.port, hub, body, upload.getFileName().toString(), ids);
        doc.put("submitSeconds", (System.nanoTime() - start) / 1e9);
        doc.put("uploadBytes", body.length);
        doc.put("submitted", statuses);
        poller.start();
        ServiceChild current = service;
        if (killAfter > 0) {
            while (count(hub, ScanJob::status).getOrDefault("done", 0) < killAfter) {
                Thread.sleep(100);
            }
            doc.put("peakResidentMbBeforeKill", service.peakResidentMb());
            service.kill();
            doc.put("atKill", count(hub, ScanJob::status));
            long restart = System.nanoTime();
            current = ServiceChild.start(args, log, service.port); // restarted where hubs know it
            doc.put("restartSeconds", (System.nanoTime() - restart) / 1e9);
        }
        ServiceChild running = current;
        try {
            while (count(hub, ScanJob::status).entrySet().stream().anyMatch(e -> !e.getKey().equals("done") && !e.getKey().equals("failed")
                    && e.getValue() > 0)) {
                Thread.sleep(200);
            }
            doc.put("seconds", (System.nanoTime() - start) / 1e9);
            polling.set(false);
            poller.join();
            doc.put("statusUnderLoad", latency(underLoad));
            List<Long> idle = new ArrayList<>();
            for (int i = 0; i < statusCalls && !ids.isEmpty(); i++) {
                long t = System.nanoTime();
                if (status(running.port, ids.get(i % ids.size()), hub) == 200) {
                    idle.add(System.nanoTime() - t);
                }
            }
            doc.put("statusIdle", latency(idle));
            doc.put("peakResidentMbAfterRestart", running.peakResidentMb());
        } finally {
            running.close();
        }
        doc.put("jobs", count(hub, ScanJob::status));
        doc.putAll(ServiceBenchFiles.evidence(db, registryKey.dir, hub, headBefore));
        doc.put("serviceLog", log.toString());
        if (format.json()) {
            JsonOutput.print(doc);
        } else {
            doc.forEach((k, v) -> System.out.println(k + ": " + v));
        }
        return ExitCode.OK;
    }

    private Map<Integer, Integer> submitAll(int port, String hub, byte[] body, String name, List<String> ids) throws InterruptedException {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        for (int i = 0; i < requests; i++) {
            pool.execute(() -> {
                try {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/scans?filename=" + name)).header("Authorization", "Bearer " + hub)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    if (response.statusCode() == 202) {
                        ids.add(JsonOutput.MAPPER.readTree(response.body()).get("id").asText());
                    }
                } catch (Exception e) {
                    statuses.merge(-1, 1, Integer::sum);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        return statuses;
    }

    private void poll(List<String> ids, String hub, List<Long> latencies, AtomicBoolean polling, int port) {
        for (int i = 0; polling.get(); i++) {
            long t = System.nanoTime();
            if (!ids.isEmpty() && status(port, ids.get(i % ids.size()), hub) == 200) {
                latencies.add(System.nanoTime() - t);
            }
        }
    }

    private int status(int port, String id, String hub) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/scans/" + id))
                    .header("Authorization", "Bearer " + hub).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1; // the service is down (killed) or restarting
        }
    }

    private Map<String, Integer> count(String hub, java.util.function.Function<ScanJob, Object> key) {
        try (RegistryDatabase database = db.open(OpenIntent.READ)) {
            String name = new Principals(database).authenticate(hub, java.time.Instant.now()).principal().name();
            Map<String, Integer> counts = new java.util.TreeMap<>();
            new ScanJobs(database).submittedBy(name, Integer.MAX_VALUE).forEach(job -> counts.merge(key.apply(job).toString()
                    .toLowerCase(java.util.Locale.ROOT), 1, Integer::sum));
            return counts;
        }
    }

    private static Map<String, Object> latency(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return Map.of("calls", sorted.length, "p50Ms", BenchHttpCommand.percentile(sorted, 0.5),
                "p99Ms", BenchHttpCommand.percentile(sorted, 0.99));
    }
}
