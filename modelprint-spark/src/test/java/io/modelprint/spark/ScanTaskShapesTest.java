package io.modelprint.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.engine.ModelLoader;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fingerprint.FingerprintSigner;
import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.RegisteredFingerprint;
import io.modelprint.registry.SuspectScan;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.signature.SigningKey;
import io.modelprint.testing.TinyFingerprints;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An executor's scan of one suspect over a registry of grey 1x28x28 and colour 3x32x32 fingerprints (no Spark session needed). */
class ScanTaskShapesTest {
    private static final Path FIXTURES = Path.of("../modelprint-engine/src/test/resources/fixtures");
    private static final SigningKey OWNER = SigningKey.generate();

    @TempDir
    Path dir;

    private Path fingerprint(String model, InputSpec spec) {
        try (DjlClassifier target = ModelLoader.load(FIXTURES.resolve(model), spec)) {
            var scheme = Schemes.create("ipguard", Map.of("k", 0.1, "lr", 0.05, "init", "random", "n", 10), "test");
            return TinyFingerprints.write(dir, model, FingerprintSigner.sign(FingerprintExtractor.extract(target, model, scheme,
                    SeedSource.uniform(spec), 1, ProgressListener.NONE).fingerprint(), OWNER));
        }
    }

    @Test
    void aColourSuspectGetsItsCheckAndANotCheckedRowForTheGreyFingerprint() {
        List<RegisteredFingerprint> registered;
        try (RegistryDatabase database = RegistryDatabase.open(dir.resolve("registry.db").toString(), OpenIntent.WRITE)) {
            Registry registry = new Registry(database);
            // the grey one first: before scans opened a suspect per input spec, every suspect was opened as 1x28x28
            registry.add(fingerprint("tiny-cnn.pt", InputSpec.fashionMnist()), "grey", null);
            registry.add(fingerprint("rgb32.pt", InputSpec.unitRange(3, 32, 32)), "colour", null);
            registered = registry.loadAll();
        }
        List<ScanRow> rows = ScanTask.scanOne(FIXTURES.resolve("rgb32.pt").toString(), registered, new SuspectScan(null, 0.01));
        assertEquals(2, rows.size(), rows.toString());
        ScanRow colour = rows.stream().filter(r -> "colour".equals(r.getOwner())).findFirst().orElseThrow();
        assertNull(colour.getError());
        assertEquals("derived", colour.getVerdict());
        assertEquals(1.0, colour.getSimilarity(), 1e-9);
        ScanRow grey = rows.stream().filter(r -> "grey".equals(r.getOwner())).findFirst().orElseThrow();
        assertNull(grey.getVerdict());
        assertTrue(grey.getIncompatible().contains("does not take"), grey.getIncompatible());
    }
}
