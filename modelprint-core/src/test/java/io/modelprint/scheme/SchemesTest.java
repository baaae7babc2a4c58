package io.modelprint.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.data.ImageDataset;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.model.Classifier;
import io.modelprint.testing.LabelsOnly;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.SyntheticData;
import io.modelprint.testing.TinyFingerprints;
import io.modelprint.verify.Verdict;
import io.modelprint.verify.Verifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SchemesTest {
    private static final ImageDataset DATA = SyntheticData.bands(500, 10, 10, 10, 2);

    private static Fingerprint extract(String name, LinearModel target, int n) {
        return TinyFingerprints.extract(target, "target", name, DATA, n, 7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"akh", "sac-w", "sac-m", "sac-w-hard", "sac-m-hard", "modeldiff", "zest", "deepfool", "ipguard-multipoint",
        "uap", "deepjudge"})
    void aCopyIsDerivedAndAnIndependentModelIsNot(String name) {
        try (LinearModel target = new LinearModel(DATA.spec(), 10, 1);
                LinearModel copy = LinearModel.perturbed(target, 0.05f, 9);
                LinearModel independent = new LinearModel(DATA.spec(), 10, 2)) {
            Fingerprint fingerprint = extract(name, target, name.equals("zest") ? 4 : 40);
            assertEquals(name, fingerprint.meta().scheme());
            Verifier verifier = new Verifier((Double) null);
            Verdict self = verifier.verify(fingerprint, target);
            Verdict derived = verifier.verify(fingerprint, copy);
            Verdict other = verifier.verify(fingerprint, independent);
            System.out.printf("%s: self %.3f copy %.3f independent %.3f (threshold %.2f)%n", name, self.similarity(),
                    derived.similarity(), other.similarity(), self.threshold());
            assertEquals(1.0, self.similarity(), 1e-6, "the target is itself");
            assertTrue(derived.decision() == io.modelprint.verify.Decision.DERIVED, name + " copy: " + derived);
            assertTrue(other.decision() == io.modelprint.verify.Decision.INDEPENDENT, name + " independent: " + other);
            assertTrue(derived.similarity() > other.similarity());
        }
    }

    @Test
    void akhQueriesAreInputsTheTargetGetsWrong() {
        try (LinearModel target = new LinearModel(DATA.spec(), 10, 1)) {
            Fingerprint fingerprint = extract("akh", target, 30);
            long[] labels = fingerprint.labels();
            // every query is a data image (no augmentation needed here) whose true label differs from the target's answer
            int wrongImages = 0;
            float[] image = new float[DATA.spec().pixelsPerImage()];
            for (int q = 0; q < fingerprint.size(); q++) {
                for (int i = 0; i < DATA.size(); i++) {
                    DATA.copyImage(i, image, 0);
                    if (java.util.Arrays.equals(image, java.util.Arrays.copyOfRange(fingerprint.queries().values(),
                            q * image.length, (q + 1) * image.length))) {
                        wrongImages += DATA.label(i) != labels[q] ? 1 : 0;
                        break;
                    }
                }
            }
            assertEquals(30, wrongImages);
        }
    }

    @Test
    void tooFewMistakesAreRefusedWithTheNumberThatExists() {
        try (LinearModel target = new LinearModel(DATA.spec(), 10, 1)) {
            InputException e = assertThrows(InputException.class,
                    () -> TinyFingerprints.extract(target, "target", "akh", Map.of("n", 2000, "augment", false), DATA, 2000, 7));
            assertTrue(e.getMessage().contains("wrong") && e.getMessage().contains("--n"), e.getMessage());
            Fingerprint augmented = extract("akh", target, 600);
            assertEquals(600, augmented.size(), "mirrored and CutMix copies of wrong images fill up the queries");
        }
    }

    @Test
    void aScoreSchemeRefusesALabelOnlySuspectNamingTheVariantsThatWork() {
        try (LinearModel target = new LinearModel(DATA.spec(), 10, 1)) {
            Fingerprint fingerprint = extract("sac-w", target, 20);
            Classifier labelsOnly = new LabelsOnly(target);
            InputException e = assertThrows(InputException.class, () -> new Verifier((Double) null).verify(fingerprint, labelsOnly));
            assertTrue(e.getMessage().contains("labels only") && e.getMessage().contains("sac-w-hard")
                    && e.getMessage().contains("akh"), e.getMessage());
        }
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        InputException e = assertThrows(InputException.class, () -> Schemes.require("sacc", "--method"));
        assertTrue(e.getMessage().contains("--method") && e.getMessage().contains("sac-m-hard"), e.getMessage());
        assertEquals(List.of("ipguard", "cw-l2", "fgsm", "igsm", "random", "akh", "sac-w-hard", "sac-m-hard", "deepfool",
                "ipguard-multipoint", "fleet-llr", "cae", "metav", "ssf-hard"),
                Schemes.usableWith(Access.LABELS));
    }
}
