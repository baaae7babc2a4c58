package io.modelprint.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.model.weights.NetworkWeights;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.NetworkSymmetries;
import io.modelprint.testing.TinyNetworks;
import io.modelprint.testing.WeightsOnlyModel;
import io.modelprint.verify.CalibrationReference;
import io.modelprint.verify.Calibrator;
import io.modelprint.verify.Decision;
import io.modelprint.verify.Verdict;
import io.modelprint.verify.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A weights fingerprint: made without queries, stored as numpy arrays, verified, calibrated, refused when tampered. */
class WeightsFingerprintTest {
    private static final InputSpec SPEC = InputSpec.unitRange(1, 4, 4);

    @TempDir
    Path dir;

    private static WeightsOnlyModel model(NetworkWeights weights, String name) {
        return new WeightsOnlyModel(weights, SPEC, 3, name);
    }

    private Path extracted(NetworkWeights target) {
        Fingerprint fingerprint = FingerprintExtractor.extract(model(target, "target"), "target", Schemes.create("weights", Map.of(),
                "test"), SeedSource.uniform(SPEC), 0, ProgressListener.NONE).fingerprint();
        Path file = dir.resolve("weights.npz");
        FingerprintFile.write(file, fingerprint);
        return file;
    }

    @Test
    void theFileHoldsTheTargetsWeightsAsNumpyArraysAndNoQueries() throws IOException {
        NetworkWeights target = TinyNetworks.cnn(1);
        Fingerprint read = FingerprintFile.read(extracted(target));
        assertEquals(0, read.size());
        assertEquals("weights", read.meta().access());
        assertEquals(target.sha256(), read.weights().sha256());
        assertEquals(target.specs(), read.meta().network());
        try (ZipFile zip = new ZipFile(dir.resolve("weights.npz").toFile())) {
            for (String entry : List.of("queries.npy", "labels.npy", "weights/conv1.weight.npy", "weights/conv1.bias.npy",
                    "weights/conv1.norm.npy", "weights/linear2.weight.npy", "meta.json")) {
                assertTrue(zip.getEntry(entry) != null, entry);
            }
        }
    }

    @Test
    void verifiesDisguisedCopiesAsDerivedAndRefusesSuspectsWithoutWeights() {
        NetworkWeights target = TinyNetworks.residual(2);
        Fingerprint fingerprint = FingerprintFile.read(extracted(target));
        Verifier verifier = new Verifier((Double) null);
        NetworkWeights disguised = NetworkSymmetries.permuted(NetworkSymmetries.folded(target, true), 3);
        Verdict copy = verifier.verify(fingerprint, model(disguised, "copy"));
        assertTrue(copy.similarity() >= 0.99 && copy.decision() == Decision.DERIVED, String.valueOf(copy.similarity()));
        try (LinearModel runnable = new LinearModel(SPEC, 3, 1)) {
            InputException e = assertThrows(InputException.class, () -> verifier.verify(fingerprint, runnable));
            assertTrue(e.getMessage().contains("offers gradients only") && e.getMessage().contains("model directories"),
                    e.getMessage());
        }
        InputException other = assertThrows(InputException.class,
                () -> verifier.verify(fingerprint, model(TinyNetworks.cnn(2), "a cnn")));
        assertTrue(other.getMessage().contains("one architecture"), other.getMessage());
    }

    @Test
    void aCalibratedFingerprintGivesAPerturbedCopyASmallPValueAndAnIndependentNetworkNot() {
        NetworkWeights target = TinyNetworks.mlp(10, 16, new int[] {12, 10}, 3);
        Fingerprint fingerprint = FingerprintFile.read(extracted(target));
        List<CalibrationReference> references = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            NetworkWeights reference = TinyNetworks.mlp(100 + i, 16, new int[] {12, 10}, 3);
            references.add(new CalibrationReference("reference-" + i, "same-architecture", reference.sha256(),
                    f -> model(reference, "reference")));
        }
        Fingerprint calibrated = Calibrator.calibrate(fingerprint, "weights.npz", references, ProgressListener.NONE, w -> { });
        FingerprintFile.write(dir.resolve("calibrated.npz"), calibrated);
        Fingerprint reread = FingerprintFile.read(dir.resolve("calibrated.npz"));
        Verifier verifier = new Verifier((Double) null);
        Verdict copy = verifier.verify(reread, model(NetworkSymmetries.perturbed(target, 0.3f, 4), "copy"));
        Verdict independent = verifier.verify(reread, model(TinyNetworks.mlp(99, 16, new int[] {12, 10}, 3), "independent"));
        assertTrue(copy.pValue() <= 0.01 && copy.decision() == Decision.DERIVED, copy.toString());
        assertTrue(independent.pValue() > 0.01 && independent.decision() == Decision.INDEPENDENT, independent.toString());
    }

    @Test
    void aChangedWeightIsRefusedByTheContentHash() throws IOException {
        Path file = extracted(TinyNetworks.mlp(5, 16, new int[] {8}, 3));
        Path tampered = dir.resolve("tampered.npz");
        try (ZipFile zip = new ZipFile(file.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("weights/linear1.weight.npy")) {
                    bytes[bytes.length - 1] ^= 0x01; // one bit of the last weight
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        InputException e = assertThrows(InputException.class, () -> FingerprintFile.read(tampered));
        assertTrue(e.getMessage().contains("content hash mismatch") && e.getMessage().contains("tampered.npz"), e.getMessage());
    }

    /** A file whose hash was recomputed after {@code change} edited its weights entries: only the reader's checks stand. */
    private Path forged(java.util.function.Consumer<Map<String, byte[]>> change) throws IOException {
        Fingerprint fingerprint = FingerprintFile.read(extracted(TinyNetworks.mlp(6, 16, new int[] {8}, 3)));
        FingerprintCodec.Encoded encoded = FingerprintCodec.encode(fingerprint);
        Map<String, byte[]> tensors = new java.util.TreeMap<>(encoded.parts().tensors());
        change.accept(tensors);
        FingerprintParts parts = new FingerprintParts(encoded.parts().queries(), encoded.parts().labels(), null, null, null, tensors,
                encoded.parts().meta());
        return ForgedFiles.write(dir.resolve("forged.npz"), parts, encoded.meta());
    }

    @Test
    void weightsThatDoNotFitTheListedNetworkAreRefusedEvenWithAValidHash() throws IOException {
        Path reshaped = forged(t -> t.put("weights/linear1.weight.npy", io.modelprint.io.Npy.encode(new float[16 * 8], 16, 8)));
        InputException shape = assertThrows(InputException.class, () -> FingerprintFile.read(reshaped));
        assertTrue(shape.getMessage().contains("weights/linear1.weight.npy") && shape.getMessage().contains("[16, 8]")
                && shape.getMessage().contains("expected [8, 16]"), shape.getMessage());
        Path missing = forged(t -> t.remove("weights/linear2.bias.npy"));
        InputException gone = assertThrows(InputException.class, () -> FingerprintFile.read(missing));
        assertTrue(gone.getMessage().contains("no weights/linear2.bias.npy"), gone.getMessage());
        Path extra = forged(t -> t.put("weights/linear9.weight.npy", io.modelprint.io.Npy.encode(new float[2], 2)));
        InputException stray = assertThrows(InputException.class, () -> FingerprintFile.read(extra));
        assertTrue(stray.getMessage().contains("weights/linear9.weight.npy") && stray.getMessage().contains("belong to no layer"),
                stray.getMessage());
        Path infinite = forged(t -> {
            float[] values = new float[8];
            values[3] = Float.POSITIVE_INFINITY;
            t.put("weights/linear1.bias.npy", io.modelprint.io.Npy.encode(values, 8));
        });
        InputException nonFinite = assertThrows(InputException.class, () -> FingerprintFile.read(infinite));
        assertTrue(nonFinite.getMessage().contains("non-finite"), nonFinite.getMessage());
    }
}
