package io.modelprint.scheme.metav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.fleet.LearnedVerifier;
import io.modelprint.fleet.VerifierFeatures;
import io.modelprint.model.Classifier;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.Schemes;
import io.modelprint.testing.CopyFleets;
import io.modelprint.testing.LinearModel;
import io.modelprint.verify.Calibrator;
import io.modelprint.verify.Decision;
import io.modelprint.verify.DecisionBasis;
import io.modelprint.verify.FleetReferences;
import io.modelprint.verify.Verdict;
import io.modelprint.verify.Verifier;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetaVerifierSchemeTest {
    /** 4 surrogates; 12 references of one kind: 4 choose queries and teach the verifier, 8 are held out to calibrate. */
    private static FleetSplit split;
    private static Fingerprint fingerprint;

    @BeforeAll
    static void extract() {
        split = FleetSplit.crossFit(CopyFleets.fleet(4, 12), 5);
        fingerprint = CopyFleets.extract(MetaVerifierScheme.NAME, split, Map.of("n", 60, "pool", 300));
    }

    static double similarity(Fingerprint fingerprint, Classifier suspect) {
        return CopyFleets.similarity(fingerprint, suspect);
    }

    @Test
    void theLearnedVerifierScoresCopiesAboveIndependentModelsItNeverSaw() {
        LearnedVerifier verifier = fingerprint.meta().selection().verifier();
        assertNotNull(verifier);
        assertEquals(VerifierFeatures.AGREEMENT, verifier.features());
        assertEquals(60, verifier.weights().length);
        CopyFleets.Separation separation = CopyFleets.separation(fingerprint);
        double lowestCopy = separation.lowestCopy();
        double highestIndependent = separation.highestIndependent();
        System.out.printf("metav: lowest held-out copy %.3f, highest held-out independent %.3f%n", lowestCopy, highestIndependent);
        assertTrue(lowestCopy > highestIndependent, lowestCopy + " vs " + highestIndependent);
        assertTrue(lowestCopy > 0 && highestIndependent < 0, "log-odds 0 (probability 1/2) separates them here");
        try (LinearModel target = CopyFleets.target()) {
            double self = similarity(fingerprint, target);
            assertTrue(self > lowestCopy && fingerprint.scheme().distance().range().contains(self),
                    "a model that gives the target's every answer: " + self);
        }
    }

    @Test
    void calibratedOnTheReferencesHeldOutOfLearningItsVerdictIsAPValue() {
        var references = FleetReferences.heldOut(split, fingerprint, "metav.npz");
        assertEquals(split.calibrationReferences().size(), references.size());
        assertTrue(references.stream().noneMatch(r -> fingerprint.meta().selection().choseWith(r.weightsSha256())),
                "no reference that taught the verifier calibrates it");
        Fingerprint calibrated = Calibrator.calibrate(fingerprint, "metav.npz", references, ProgressListener.NONE, w -> {});
        assertEquals("student-t", Verifier.calibrationModel(calibrated.scheme()));
        try (LinearModel copy = CopyFleets.copy(60); LinearModel independent = CopyFleets.independent(600)) {
            Verifier verifier = new Verifier((Double) null);
            Verdict derived = verifier.verify(calibrated, copy);
            assertEquals(DecisionBasis.P_VALUE, derived.basis());
            assertEquals(Decision.DERIVED, derived.decision(), derived.toString());
            Verdict honest = verifier.verify(calibrated, independent);
            assertEquals(Decision.INDEPENDENT, honest.decision(), honest.toString());
            assertTrue(honest.pValue() > derived.pValue(), honest + " vs " + derived);
        }
    }

    @Test
    void aFleetTooSmallToLearnFromIsRefusedNamingTheMinimumWhatItHasAndWhy() {
        FleetSplit fewSurrogates = FleetSplit.crossFit(CopyFleets.fleet(2, 12), 5);
        InputException e = assertThrows(InputException.class,
                () -> CopyFleets.extract(MetaVerifierScheme.NAME, fewSurrogates, Map.of("n", 10, "pool", 30)));
        assertTrue(e.getMessage().contains("too small for metav") && e.getMessage().contains("needs 3 surrogates and 3 references"
                + " to learn from, plus 8 references held out to calibrate") && e.getMessage().contains("selection part has 2"
                + " surrogates and 4 references") && e.getMessage().contains("learns the quirks"), e.getMessage());
        FleetSplit fewReferences = FleetSplit.crossFit(CopyFleets.fleet(4, 8), 5);
        InputException refs = assertThrows(InputException.class,
                () -> CopyFleets.extract(MetaVerifierScheme.NAME, fewReferences, Map.of("n", 10, "pool", 30)));
        assertTrue(refs.getMessage().contains("has 4 surrogates and 2 references, and 6 of its 8 references are held out"),
                refs.getMessage());
        FleetSplit fewHeldOut = FleetSplit.crossFit(CopyFleets.fleet(4, 9), 5);
        assertThrows(InputException.class, () -> CopyFleets.extract(MetaVerifierScheme.NAME, fewHeldOut, Map.of("n", 10, "pool", 30)),
                "9 references leave 3 to learn from but only 6 to calibrate, below 8");
    }

    @Test
    void withoutAFleetOrWithoutARecordedVerifierTheSchemeRefusesToWork() {
        Scheme<?> unlearned = Schemes.create(MetaVerifierScheme.NAME, Map.of(), "test");
        InputException noFleet = assertThrows(InputException.class,
                () -> CopyFleets.extract(MetaVerifierScheme.NAME, null, Map.of("n", 10)));
        assertTrue(noFleet.getMessage().contains("--fleet"), noFleet.getMessage());
        InputException noVerifier = assertThrows(InputException.class, () -> Schemes.recorded(MetaVerifierScheme.NAME,
                unlearned.parameters().values(), fingerprint.meta().selection().withVerifier(null), "old.npz"));
        assertTrue(noVerifier.getMessage().contains("no learned verifier") && noVerifier.getMessage().contains("--fleet"),
                noVerifier.getMessage());
        assertThrows(InputException.class, () -> unlearned.distance().range());
        assertTrue(Schemes.fleetSelected().contains(MetaVerifierScheme.NAME));
        assertEquals(Access.GRADIENTS, unlearned.queries().targetAccess(), "PGD candidates by default, as fleet-llr");
        assertEquals(Access.LABELS, Schemes.create(MetaVerifierScheme.NAME, Map.of("eps", 0), "t").queries().targetAccess());
    }

    @Test
    void oneHotAnswersGiveOneWeightPerQueryAndClassAndStillRankACopyFirst() {
        Fingerprint answers = CopyFleets.extract(MetaVerifierScheme.NAME, split, Map.of("n", 30, "pool", 150, "features", "answers"));
        LearnedVerifier verifier = answers.meta().selection().verifier();
        assertEquals(VerifierFeatures.ANSWERS, verifier.features());
        assertEquals(30 * 10, verifier.weights().length);
        try (LinearModel copy = CopyFleets.copy(70); LinearModel independent = CopyFleets.independent(700)) {
            double copyScore = similarity(answers, copy);
            double independentScore = similarity(answers, independent);
            assertTrue(copyScore > independentScore, copyScore + " vs " + independentScore);
            assertTrue(answers.scheme().distance().range().contains(copyScore)
                    && answers.scheme().distance().range().contains(independentScore));
        }
    }
}
