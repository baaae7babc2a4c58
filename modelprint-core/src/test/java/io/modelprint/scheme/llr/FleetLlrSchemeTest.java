package io.modelprint.scheme.llr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.fleet.QuerySelection;
import io.modelprint.model.Classifier;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.Schemes;
import io.modelprint.testing.CopyFleets;
import io.modelprint.testing.LinearModel;
import io.modelprint.verify.Verdict;
import io.modelprint.verify.Verifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetLlrSchemeTest {
    /** 4 surrogates; 12 references of one kind: 4 choose queries, 8 are held out to calibrate. */
    private static FleetSplit split;
    private static Fingerprint fingerprint;

    @BeforeAll
    static void extract() {
        split = FleetSplit.crossFit(CopyFleets.fleet(4, 12), 5);
        fingerprint = CopyFleets.extract(FleetLlrScheme.NAME, split, Map.of("n", 60, "pool", 300));
    }

    private static double similarity(Fingerprint fingerprint, Classifier suspect) {
        return CopyFleets.similarity(fingerprint, suspect);
    }

    @Test
    void heldOutCopiesScoreAboveEveryHeldOutIndependentModel() {
        CopyFleets.Separation separation = CopyFleets.separation(fingerprint);
        double lowestCopy = separation.lowestCopy();
        double highestIndependent = separation.highestIndependent();
        System.out.printf("fleet-llr: lowest held-out copy %.3f, highest held-out independent %.3f%n", lowestCopy, highestIndependent);
        assertTrue(lowestCopy > highestIndependent, lowestCopy + " vs " + highestIndependent);
        assertTrue(lowestCopy > 0 && highestIndependent < 0, "the default threshold 0 separates them here");
        try (LinearModel target = CopyFleets.target()) {
            double self = similarity(fingerprint, target);
            assertTrue(self >= lowestCopy && fingerprint.scheme().distance().range().contains(self), "the target itself: " + self);
        }
    }

    @Test
    void chosenQueriesAreAnsweredAsTheTargetDoesMoreOftenBySurrogatesThanByReferences() {
        QuerySelection selection = fingerprint.meta().selection();
        assertNotNull(selection);
        assertEquals(60, selection.queries());
        double p1 = Arrays.stream(selection.surrogateAgreement()).average().orElseThrow();
        double p0 = Arrays.stream(selection.referenceAgreement()).average().orElseThrow();
        System.out.printf("fleet-llr: mean p1 %.3f, mean p0 %.3f%n", p1, p0);
        assertTrue(p1 > p0 + 0.2, p1 + " vs " + p0);
        assertEquals(split.surrogates().size() + split.selectionReferences().size(), selection.chosenBy().size());
        assertTrue(split.calibrationReferences().stream().noneMatch(m -> selection.choseWith(m.sha256())),
                "references held out to calibrate did not choose");
        assertEquals(split.fleet().sha256(), selection.fleetSha256());
    }

    @Test
    void theFileRebuildsTheSchemeWithItsRatesAndGivesTheSameScores(@TempDir Path dir) {
        Path file = dir.resolve("llr.npz");
        FingerprintFile.write(file, fingerprint);
        Fingerprint read = FingerprintFile.read(file);
        assertEquals(FleetLlrScheme.NAME, read.meta().scheme());
        assertTrue(Arrays.equals(fingerprint.meta().selection().surrogateAgreement(), read.meta().selection().surrogateAgreement()));
        try (LinearModel copy = CopyFleets.copy(60); LinearModel independent = CopyFleets.independent(600)) {
            assertEquals(similarity(fingerprint, copy), similarity(read, copy), 1e-12);
            assertEquals(similarity(fingerprint, independent), similarity(read, independent), 1e-12);
            Verdict verdict = new Verifier((Double) null).verify(read, copy);
            assertEquals(0.0, verdict.threshold());
            assertTrue(read.scheme().distance().range().contains(verdict.similarity()));
            assertEquals(null, verdict.matches());
            assertEquals("student-t", Verifier.calibrationModel(read.scheme()));
        }
    }

    @Test
    void aFleetTooSmallIsRefusedNamingWhatTheSchemeNeeds() {
        FleetSplit small = FleetSplit.crossFit(CopyFleets.fleet(2, 12), 5);
        InputException e = assertThrows(InputException.class,
                () -> CopyFleets.extract(FleetLlrScheme.NAME, small, Map.of("n", 10, "pool", 30)));
        assertTrue(e.getMessage().contains("too small for fleet-llr") && e.getMessage().contains("needs 3 surrogates")
                && e.getMessage().contains("2 references to choose") && e.getMessage().contains("8"), e.getMessage());
        FleetSplit fewReferences = FleetSplit.crossFit(CopyFleets.fleet(4, 9), 5);
        assertThrows(InputException.class, () -> CopyFleets.extract(FleetLlrScheme.NAME, fewReferences, Map.of("n", 10, "pool", 30)),
                "9 references leave 3 to choose and 6 to calibrate, below 8");
    }

    @Test
    void withoutAFleetOrWithoutARecordedSelectionTheSchemeRefusesToWork() {
        Scheme<?> unselected = Schemes.create(FleetLlrScheme.NAME, Map.of(), "test");
        InputException noFleet = assertThrows(InputException.class,
                () -> CopyFleets.extract(FleetLlrScheme.NAME, null, Map.of("n", 10)));
        assertTrue(noFleet.getMessage().contains("--fleet"), noFleet.getMessage());
        InputException noSelection = assertThrows(InputException.class,
                () -> Schemes.recorded(FleetLlrScheme.NAME, unselected.parameters().values(), null, "old.npz"));
        assertTrue(noSelection.getMessage().contains("no fleet selection") && noSelection.getMessage().contains("--fleet"),
                noSelection.getMessage());
        assertThrows(InputException.class, () -> unselected.distance().range());
    }

    @Test
    void parametersOutsideTheirRangesAreRefused() {
        for (Map<String, Object> given : java.util.List.<Map<String, Object>>of(Map.of("n", 201), Map.of("eps", -0.1),
                Map.of("plain", 1.5), Map.of("maxShare", 0), Map.of("shrink", 0), Map.of("pool", 1))) {
            InputException e = assertThrows(InputException.class, () -> Schemes.create(FleetLlrScheme.NAME, given, "--param"));
            assertTrue(e.getMessage().startsWith("fleet-llr: parameter " + given.keySet().iterator().next()), e.getMessage());
        }
        InputException pool = assertThrows(InputException.class,
                () -> CopyFleets.extract(FleetLlrScheme.NAME, split, Map.of("n", 100, "pool", 150)));
        assertTrue(pool.getMessage().contains("pool >= 200"), pool.getMessage());
        assertEquals(Access.GRADIENTS, Schemes.create(FleetLlrScheme.NAME, Map.of(), "t").queries().targetAccess());
        assertEquals(Access.LABELS, Schemes.create(FleetLlrScheme.NAME, Map.of("eps", 0), "t").queries().targetAccess(),
                "without PGD candidates the target's labels suffice");
    }
}
