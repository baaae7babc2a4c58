package io.modelprint.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.io.Npy;
import io.modelprint.model.weights.NetworkWeights;
import io.modelprint.scheme.LayerActivations;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.Schemes;
import io.modelprint.testing.TinyNetworks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deepjudge-wb fingerprint keeps the target's hidden layer on the test cases in activations.npy and
 * the target's layers (no weights) in meta.json: read back as written, refused when it does not fit.
 */
class LayerActivationsFileTest {
    private static final InputSpec SPEC = InputSpec.unitRange(1, 2, 2);
    private static final int N = 4;
    private static final int UNITS = 3;

    @TempDir
    Path dir;

    private static Fingerprint made(String schemeName, boolean withActivations) {
        Scheme<?> scheme = Schemes.create(schemeName, Map.of("n", N), "test");
        NetworkWeights network = TinyNetworks.mlp(1, SPEC.pixelsPerImage(), new int[] {UNITS}, 3);
        float[] values = new float[N * UNITS];
        Random random = new Random(5);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        LayerActivations activations = withActivations ? new LayerActivations(N, UNITS, values, network.specs()) : null;
        FingerprintMeta meta = FingerprintMeta.builder()
                .setScheme(scheme.name(), scheme.representation().name(), scheme.distance().name(), scheme.suspectAccess().label())
                .setParameters(scheme.parameters().values())
                .setInput(SPEC, 3)
                .setTarget("target", "ab".repeat(32))
                .setSeed(0, "test")
                .optNetwork(withActivations ? network.specs() : null)
                .build();
        float[] scores = scheme.suspectAccess().comparesScores() ? new float[N * 3] : null;
        return new Fingerprint(new Queries(SPEC, new float[N * SPEC.pixelsPerImage()], N), new long[] {0, 1, 2, 0}, scores, meta, null,
                null, activations);
    }

    private Path forged(Fingerprint fingerprint, UnaryOperator<byte[]> change) throws IOException {
        FingerprintCodec.Encoded encoded = FingerprintCodec.encode(fingerprint);
        FingerprintParts old = encoded.parts();
        FingerprintParts parts = new FingerprintParts(old.queries(), old.labels(), old.scores(), old.field(),
                change.apply(old.activations()), old.tensors(), old.meta());
        return ForgedFiles.write(dir.resolve("forged.npz"), parts, encoded.meta());
    }

    @Test
    void theActivationsAndTheTargetsLayersAreWrittenAndReadBackAsTheyWere() {
        Fingerprint fingerprint = made("deepjudge-wb", true);
        Path file = dir.resolve("deepjudge-wb.npz");
        FingerprintFile.write(file, fingerprint);
        Fingerprint read = FingerprintFile.read(file);
        assertEquals("layers", read.meta().access());
        assertArrayEquals(fingerprint.activations().values(), read.activations().values());
        assertEquals(fingerprint.meta().network(), read.meta().network());
        assertNull(read.weights(), "the layers are listed, their weights are not stored");
        assertEquals(1.0, read.scheme().similarity(read.answers(), fingerprint.answers()), 1e-9);
    }

    @Test
    void activationsMissingOfAnotherShapeOrNotFiniteAreRefusedEvenWithAValidHash() throws IOException {
        Fingerprint fingerprint = made("deepjudge-wb", true);
        InputException none = assertThrows(InputException.class, () -> FingerprintFile.read(forged(fingerprint, a -> null)));
        assertTrue(none.getMessage().contains("forged.npz") && none.getMessage().contains("compares hidden layers, but the file holds no"
                + " layer activations"), none.getMessage());
        Path reshaped = forged(fingerprint, a -> Npy.encode(new float[N * UNITS], N * UNITS));
        InputException shape = assertThrows(InputException.class, () -> FingerprintFile.read(reshaped));
        assertTrue(shape.getMessage().contains("activations.npy has shape [12]") && shape.getMessage().contains("expected [4, units]"),
                shape.getMessage());
        float[] nan = fingerprint.activations().values().clone();
        nan[nan.length - 1] = Float.NaN;
        Path notFinite = forged(fingerprint, a -> Npy.encode(nan, N, UNITS));
        InputException finite = assertThrows(InputException.class, () -> FingerprintFile.read(notFinite));
        assertTrue(finite.getMessage().contains("activations.npy holds a non-finite value (test 3)"), finite.getMessage());
    }

    @Test
    void aSchemeThatComparesNoHiddenLayersRefusesAFileWithActivations() throws IOException {
        Fingerprint fingerprint = made("deepjudge", false);
        Path added = forged(fingerprint, a -> Npy.encode(new float[N * UNITS], N, UNITS));
        InputException e = assertThrows(InputException.class, () -> FingerprintFile.read(added));
        assertTrue(e.getMessage().contains("meta.json lists no network"), e.getMessage());
    }
}
