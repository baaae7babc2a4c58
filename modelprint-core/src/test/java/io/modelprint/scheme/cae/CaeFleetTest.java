package io.modelprint.scheme.cae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.fleet.FleetMember;
import io.modelprint.fleet.FleetRole;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.fleet.QuerySelection;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.LabelsOnly;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.TinyFingerprints;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What CAE asks of the fleet, what it records, and what it refuses. */
class CaeFleetTest {
    @TempDir
    Path dir;

    @Test
    void theFingerprintRoundTripsWithItsSelectionAndNeverOpensACalibrationReference() {
        try (CaeFleetFixture world = new CaeFleetFixture()) {
            Fingerprint made = CaeTransferTest.cae(world, Map.of("n", 8, "steps", 10, "threshold", 0.8));
            Path file = dir.resolve("cae.npz");
            FingerprintFile.write(file, made);
            Fingerprint read = FingerprintFile.read(file);

            Scheme<?> scheme = read.scheme();
            assertEquals("cae", scheme.name());
            assertEquals(made.scheme().parameters(), scheme.parameters());
            assertEquals(0.5, scheme.parameters().real("share"), 1e-6, "the share of members per step is in the file");
            assertEquals(0.8, scheme.defaultThreshold(), 1e-6);
            assertEquals(Access.LABELS, scheme.suspectAccess());
            assertArrayEquals(made.labels(), read.labels());
            assertArrayEquals(made.queries().values(), read.queries().values());

            QuerySelection selection = read.meta().selection();
            FleetSplit split = world.split();
            assertEquals(world.fleet.sha256(), selection.fleetSha256());
            assertEquals(split.surrogates().size() + split.selectionReferences().size(), selection.chosenBy().size());
            assertArrayEquals(made.meta().selection().surrogateAgreement(), selection.surrogateAgreement());
            assertArrayEquals(made.meta().selection().referenceAgreement(), selection.referenceAgreement());
            for (int q = 0; q < read.size(); q++) {
                double p1 = selection.surrogateAgreement()[q];
                double p0 = selection.referenceAgreement()[q];
                assertTrue(p1 > 0 && p1 < 1 && p0 > 0 && p0 < 1, "smoothed into (0,1): " + p1 + ", " + p0);
            }
            for (FleetMember calibration : split.calibrationReferences()) {
                assertFalse(world.opened.contains(calibration.name()), calibration.name() + " calibrates: selection must not use it");
                assertFalse(selection.choseWith(calibration.sha256()));
            }
            split.selectionReferences().forEach(m -> assertTrue(world.opened.contains(m.name()), m.name()));
        }
    }

    @Test
    void aFleetMemberWithoutGradientsIsRefusedByName() {
        try (CaeFleetFixture world = new CaeFleetFixture(); LinearModel inner = LinearModel.perturbed(world.target, 0.1f, 99)) {
            world.add("label-api", FleetRole.SURROGATE, "label-student", () -> new LabelsOnly(inner));
            InputException e = assertThrows(InputException.class, () -> CaeTransferTest.cae(world, Map.of("n", 5, "steps", 2)));
            assertTrue(e.getMessage().contains("label-api") && e.getMessage().contains("gradients"), e.getMessage());
        }
    }

    @Test
    void aFleetTooSmallIsRefusedSayingTheMinimum() {
        try (CaeFleetFixture world = new CaeFleetFixture()) {
            FleetSplit full = world.split();
            FleetSplit small = new FleetSplit(world.fleet, full.surrogates().subList(0, 1), full.selectionReferences(),
                    full.calibrationReferences());
            InputException e = assertThrows(InputException.class, () -> new ConferrableExamples(0.025f, 0.005f, 2, 2, 0.5f)
                    .generate(world.target, SeedSource.fromData(CaeFleetFixture.DATA), 5, 1, small, ProgressListener.NONE));
            assertTrue(e.getMessage().contains("too small for cae") && e.getMessage().contains("needs 2 surrogates"), e.getMessage());
            assertTrue(world.opened.isEmpty(), "refused before any model is opened");
        }
    }

    @Test
    void withoutAFleetExtractionSaysToGiveOne() {
        try (LinearModel target = TinyFingerprints.target(1)) {
            InputException e = assertThrows(InputException.class,
                    () -> TinyFingerprints.extract(target, "target", "cae", TinyFingerprints.DATA, 5, 1));
            assertTrue(e.getMessage().contains("--fleet"), e.getMessage());
        }
    }

    @Test
    void aSeedGivesTheSameQueriesAndTheShareOfMembersPerStepChangesThem() {
        try (CaeFleetFixture world = new CaeFleetFixture()) {
            float[] half = CaeTransferTest.cae(world, Map.of("n", 8, "steps", 10)).queries().values();
            assertArrayEquals(half, CaeTransferTest.cae(world, Map.of("n", 8, "steps", 10)).queries().values());
            float[] all = CaeTransferTest.cae(world, Map.of("n", 8, "steps", 10, "share", 1)).queries().values();
            assertTrue(!java.util.Arrays.equals(half, all), "a step through every member moves the candidates otherwise");
        }
    }

    @Test
    void parametersOutsideTheirRangeAreRefused() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("epsilon", 0), Map.of("steps", 0), Map.of("lr", -1),
                Map.of("pool", 0), Map.of("share", 0), Map.of("share", 1.5), Map.of("threshold", 1.5), Map.of("n", 0))) {
            InputException e = assertThrows(InputException.class, () -> Schemes.create("cae", bad, "--method"), bad.toString());
            assertTrue(e.getMessage().startsWith("--method") || e.getMessage().contains("cae"), e.getMessage());
        }
        Scheme<?> defaults = Schemes.create("cae", Map.of(), "test");
        assertEquals(List.of("n", "epsilon", "steps", "lr", "pool", "share", "threshold"),
                List.copyOf(defaults.parameters().values().keySet()));
        assertEquals(0.5, defaults.parameters().real("share"), 1e-6, "half the members per search step unless told");
        assertEquals(CaeScheme.DEFAULT_THRESHOLD, defaults.defaultThreshold(), 1e-6);
        assertEquals(100, defaults.parameters().integer("n"));
    }
}
