package io.modelprint.scheme.metav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelprint.InputException;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.fingerprint.ForgedFingerprints;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.fleet.LearnedVerifier;
import io.modelprint.scheme.Schemes;
import io.modelprint.testing.CopyFleets;
import io.modelprint.testing.LinearModel;
import io.modelprint.verify.Verdict;
import io.modelprint.verify.Verifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A metav file keeps every parameter and the verifier's weights, and one whose weights were touched is refused. */
class MetaVerifierFileTest {
    @TempDir
    static Path dir;
    private static Fingerprint fingerprint;
    private static Path file;

    @BeforeAll
    static void write() {
        FleetSplit split = FleetSplit.crossFit(CopyFleets.fleet(3, 11), 2);
        // every parameter off its default, so that a file which dropped one would rebuild another scheme
        fingerprint = CopyFleets.extract(MetaVerifierScheme.NAME, split, Map.of("n", 20, "pool", 90, "eps", 0.05f, "shrink", 3f,
                "plain", 0.25f, "maxShare", 0.75f, "l2", 0.5f));
        file = dir.resolve("metav.npz");
        FingerprintFile.write(file, fingerprint);
    }

    @Test
    void theFileRebuildsTheSchemeWithEveryParameterAndTheVerifiersWeights() {
        Fingerprint read = FingerprintFile.read(file);
        assertEquals(MetaVerifierScheme.NAME, read.meta().scheme());
        assertEquals(fingerprint.scheme().parameters(), read.scheme().parameters());
        assertEquals(Map.of("n", 20, "pool", 90, "eps", 0.05f, "shrink", 3f, "plain", 0.25f, "maxShare", 0.75f, "l2", 0.5f,
                "features", "agreement"), read.scheme().parameters().values());
        LearnedVerifier written = fingerprint.meta().selection().verifier();
        LearnedVerifier stored = read.meta().selection().verifier();
        assertArrayEquals(written.weights(), stored.weights(), "weights are stored to the last bit");
        assertEquals(written.intercept(), stored.intercept());
        assertEquals(written.features(), stored.features());
        assertEquals(written.model(), stored.model());
        try (LinearModel copy = CopyFleets.copy(60); LinearModel independent = CopyFleets.independent(600)) {
            for (LinearModel suspect : List.of(copy, independent)) {
                assertEquals(MetaVerifierSchemeTest.similarity(fingerprint, suspect), MetaVerifierSchemeTest.similarity(read, suspect),
                        1e-12);
            }
            Verdict verdict = new Verifier((Double) null).verify(read, copy);
            assertEquals(MetaVerifierScheme.DEFAULT_THRESHOLD, verdict.threshold());
            assertEquals(null, verdict.matches(), "a log-odds counts no matching queries");
            assertTrue(read.scheme().distance().range().contains(verdict.similarity()));
        }
    }

    private static InputException refused(String name, Consumer<ObjectNode> edit, boolean rehash) throws IOException {
        Path out = dir.resolve(name + ".npz");
        if (rehash) {
            ForgedFingerprints.rewriteMeta(file, out, edit);
        } else {
            ForgedFingerprints.editMetaKeepingHash(file, out, edit);
        }
        InputException e = assertThrows(InputException.class, () -> FingerprintFile.read(out));
        assertTrue(e.getMessage().contains(out.toString()), "names the file: " + e.getMessage());
        return e;
    }

    private static ArrayNode weights(ObjectNode meta) {
        return (ArrayNode) meta.get("selection").get("verifier").get("weights");
    }

    @Test
    void aFileWhoseWeightsWereTouchedIsRefused() throws IOException {
        InputException edited = refused("edited", meta -> weights(meta).set(0, weights(meta).get(0).asDouble() + 1), false);
        assertTrue(edited.getMessage().contains("hash mismatch"), edited.getMessage());

        InputException shorter = refused("shorter", meta -> weights(meta).remove(0), true);
        assertTrue(shorter.getMessage().contains("verifier holds 19 weights, but agreement features of 20 queries"),
                shorter.getMessage());
        InputException answers = refused("answers", meta -> ((ObjectNode) meta.get("selection").get("verifier"))
                .put("features", "answers"), true);
        assertTrue(answers.getMessage().contains("need 200"), "one-hot answers need n x classes weights: " + answers.getMessage());
        InputException unknown = refused("unknown", meta -> ((ObjectNode) meta.get("selection").get("verifier"))
                .put("model", "mlp"), true);
        assertTrue(unknown.getMessage().contains("verifier model 'mlp'"), unknown.getMessage());
        InputException removed = refused("removed", meta -> ((ObjectNode) meta.get("selection")).remove("verifier"), true);
        assertTrue(removed.getMessage().contains("no learned verifier"), removed.getMessage());
    }

    @Test
    void aMetavFileRelabelledAsFleetLlrIsRefusedForTheVerifierItCarries() throws IOException {
        InputException e = refused("relabelled", meta -> {
            meta.put("scheme", "fleet-llr");
            meta.put("distance", "log-likelihood-ratio");
            ObjectNode parameters = (ObjectNode) meta.get("parameters");
            parameters.remove("l2");
            parameters.remove("features");
        }, true);
        assertTrue(e.getMessage().contains("fleet-llr uses no learned verifier, but the file holds one")
                && e.getMessage().contains("does not fit"), e.getMessage());
    }

    @Test
    void parametersOutsideTheirRangesAreRefused() {
        for (Map<String, Object> given : List.<Map<String, Object>>of(Map.of("n", 201), Map.of("l2", 0), Map.of("features", "logits"),
                Map.of("pool", 1))) {
            InputException e = assertThrows(InputException.class, () -> Schemes.create(MetaVerifierScheme.NAME, given, "--param"));
            assertTrue(e.getMessage().startsWith("metav: parameter " + given.keySet().iterator().next()), e.getMessage());
        }
    }
}
