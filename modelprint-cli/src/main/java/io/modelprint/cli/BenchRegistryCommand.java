package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.engine.ModelLoader;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "registry", mixinStandardHelpOptions = true,
        description = {"Fill a registry with --count fingerprints of one model for the scan benchmarks (docs/registry.md):",
            "scheme random (uniform points labelled by the model; seeds 1..count, so every fingerprint asks other queries),"
                    + " one owner each. Entries already there are kept: rerun it to grow a registry."})
final class BenchRegistryCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "the model the fingerprints are made of")
    Path model;

    @Option(names = "--count", required = true, description = "fingerprints the registry should hold")
    int count;

    @Option(names = "--n", defaultValue = "100", description = "queries per fingerprint (default ${DEFAULT-VALUE})")
    int n;

    @Mixin
    FormatOption format;

    @Mixin
    DbOption db;

    @Mixin
    InputSpecOptions inputSpec;

    @Override
    public Integer call() throws IOException {
        if (count < 1 || n < 1) {
            throw new InputException("--count and --n must be at least 1");
        }
        Path scratch = Files.createTempDirectory("modelprint-bench-registry");
        long start = System.nanoTime();
        int added = 0;
        double addSeconds = 0;
        try (RegistryDatabase database = db.open(OpenIntent.WRITE); DjlClassifier target = ModelLoader.load(model,
                        inputSpec.forModel(model, InputSpec.unitRange(1, 28, 28)));
                Progress progress = Progress.start("bench registry")) {
            Registry registry = new Registry(database);
            int present = registry.list().size();
            Scheme<?> scheme = Schemes.create("random", Map.of("n", n), "--method");
            SeedSource seeds = SeedSource.uniform(target.inputSpec());
            // the registry takes signed fingerprints: one key of the bench's for its owners
            io.modelprint.signature.SigningKey owner = io.modelprint.signature.SigningKey.generate();
            for (int i = present + 1; i <= count; i++) {
                Path file = scratch.resolve("random-" + i + ".npz");
                FingerprintFile.write(file, io.modelprint.fingerprint.FingerprintSigner.sign(FingerprintExtractor.extract(target,
                        model.toString(), scheme, seeds, i, ProgressListener.NONE).fingerprint(), owner));
                long t = System.nanoTime();
                added += registry.add(file, "bench-owner-" + i, "random-" + i).added() ? 1 : 0;
                addSeconds += (System.nanoTime() - t) / 1e9;
                Files.delete(file);
                progress.update(i - present, count - present, "fingerprints");
            }
            long t = System.nanoTime();
            int listed = registry.list().size();
            double listSeconds = (System.nanoTime() - t) / 1e9;
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("db", database.location().describe());
            doc.put("fingerprints", listed);
            doc.put("added", added);
            doc.put("seconds", (System.nanoTime() - start) / 1e9);
            doc.put("addMillisecondsEach", added == 0 ? null : 1000 * addSeconds / added);
            doc.put("listMilliseconds", 1000 * listSeconds);
            if (format.json()) {
                JsonOutput.print(doc);
            } else {
                System.out.printf("registry %s holds %d fingerprints (%d added in %.1f s; add %.1f ms each in process, list %.1f ms)%n",
                        database.location().describe(), listed, added, (Double) doc.get("seconds"),
                        added == 0 ? 0.0 : 1000 * addSeconds / added, 1000 * listSeconds);
            }
        } finally {
            Files.deleteIfExists(scratch);
        }
        return ExitCode.OK;
    }
}
