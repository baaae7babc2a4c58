package io.modelprint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.fingerprint.Calibration;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fleet.FleetMember;
import io.modelprint.fleet.FleetRole;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.gradient.GradientCheck;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.FleetChosenSeeds;
import io.modelprint.testing.InMemoryFleet;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.TinyFingerprints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Calibration from an owner's fleet: only references held out of selection, kinds recorded, cross-fitting enforced. */
class FleetCalibrationTest {
    private static final InputSpec SPEC = TinyFingerprints.DATA.spec();

    /** 2 copies of the target (seed 1), 8 references of one recipe and 4 of another: 9 held out support p = 0.0056. */
    private static InMemoryFleet fleet() {
        InMemoryFleet fleet = new InMemoryFleet(SPEC, 10);
        try (LinearModel target = TinyFingerprints.target(1)) {
            fleet.forTarget(target.sha256());
        }
        fleet.add("copy-a", FleetRole.SURROGATE, "copy", () -> new LinearModel(SPEC, 10, 1));
        fleet.add("copy-b", FleetRole.SURROGATE, "copy", () -> new LinearModel(SPEC, 10, 1));
        for (int i = 0; i < 12; i++) {
            long seed = 10 + i;
            fleet.add("ref-" + i, FleetRole.REFERENCE, i < 8 ? "same-recipe" : "other-arch", () -> new LinearModel(SPEC, 10, seed));
        }
        return fleet;
    }

    private static Fingerprint extract(InMemoryFleet fleet, FleetSplit split, boolean fleetSelected) {
        try (LinearModel target = TinyFingerprints.target(1)) {
            var scheme = fleetSelected ? FleetChosenSeeds.scheme(40) : Schemes.create("random", Map.of("n", 40), "test");
            return FingerprintExtractor.extract(target, "target", scheme, SeedSource.fromData(TinyFingerprints.DATA), 3, split,
                    ProgressListener.NONE, new GradientCheck()).fingerprint();
        }
    }

    private static List<String> names(List<?> members) {
        return members.stream().map(m -> m instanceof FleetMember f ? f.name() : ((CalibrationReference) m).name()).toList();
    }

    @Test
    void aFleetSelectedFingerprintIsCalibratedWithTheHeldOutReferencesAndTheirKinds() {
        InMemoryFleet fleet = fleet();
        FleetSplit split = FleetSplit.crossFit(fleet, 4);
        Fingerprint fingerprint = extract(fleet, split, true);
        assertNotNull(fingerprint.meta().selection());
        List<CalibrationReference> heldOut = FleetReferences.heldOut(split, fingerprint, "fp");
        assertEquals(new java.util.TreeSet<>(names(split.calibrationReferences())), new java.util.TreeSet<>(names(heldOut)));
        assertEquals(names(heldOut), names(FleetReferences.heldOut(fleet, fingerprint, "fp")),
                "calibrate --fleet finds the same references from the selection the file records");
        List<String> warnings = new ArrayList<>();
        Fingerprint calibrated = Calibrator.calibrate(fingerprint, "fp", heldOut, ProgressListener.NONE, warnings::add);
        Calibration calibration = calibrated.meta().calibration();
        assertEquals(names(heldOut), calibration.negatives());
        for (int i = 0; i < heldOut.size(); i++) {
            String name = calibration.negatives().get(i);
            FleetMember member = fleet.members().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
            assertEquals(member.kind(), calibration.kinds().get(i));
            assertEquals(member.sha256(), calibration.weightsSha256().get(i));
        }
        assertTrue(warnings.isEmpty(), warnings.toString());
        try (LinearModel copy = new LinearModel(SPEC, 10, 1); LinearModel other = new LinearModel(SPEC, 10, 99)) {
            Verifier verifier = new Verifier((Double) null);
            Verdict derived = verifier.verify(calibrated, copy);
            assertEquals(DecisionBasis.P_VALUE, derived.basis());
            assertEquals(Decision.DERIVED, derived.decision(), derived.toString());
            Verdict independent = verifier.verify(calibrated, other);
            assertTrue(independent.pValue() > derived.pValue(), independent + " vs " + derived);
        }
    }

    @Test
    void aReferenceThatChoseTheQueriesIsRefusedNamingItAndWhy() {
        InMemoryFleet fleet = fleet();
        FleetSplit split = FleetSplit.crossFit(fleet, 4);
        Fingerprint fingerprint = extract(fleet, split, true);
        FleetMember chooser = split.selectionReferences().get(0);
        List<CalibrationReference> references = new ArrayList<>(FleetReferences.heldOut(split, fingerprint, "fp"));
        references.add(new CalibrationReference("models/" + chooser.name(), "unspecified", chooser.sha256(),
                fp -> fleet.open(chooser)));
        InputException e = assertThrows(InputException.class,
                () -> Calibrator.calibrate(fingerprint, "fp", references, ProgressListener.NONE, w -> {}));
        assertTrue(e.getMessage().contains("models/" + chooser.name()) && e.getMessage().contains("helped choose")
                && e.getMessage().contains(chooser.name() + " of fleet"), e.getMessage());
    }

    @Test
    void aFleetEditedAfterTheFingerprintOfAnotherShapeOrOfAnotherTargetIsRefused() {
        InMemoryFleet fleet = fleet();
        Fingerprint fingerprint = extract(fleet, FleetSplit.crossFit(fleet, 4), true);
        InMemoryFleet edited = fleet().add("ref-late", FleetRole.REFERENCE, "same-recipe", () -> new LinearModel(SPEC, 10, 50));
        InputException e = assertThrows(InputException.class, () -> FleetReferences.heldOut(edited, fingerprint, "fp"));
        assertTrue(e.getMessage().contains("edited after a fingerprint was made from it"), e.getMessage());
        InMemoryFleet otherShape = new InMemoryFleet(InputSpec.unitRange(1, 4, 4), 10);
        InputException shape = assertThrows(InputException.class, () -> FleetReferences.heldOut(otherShape, fingerprint, "fp"));
        assertTrue(shape.getMessage().contains("a fleet stands for models of the target's own task"), shape.getMessage());
        InMemoryFleet anotherTarget = fleet().forTarget("another target's weights");
        InputException target = assertThrows(InputException.class, () -> FleetReferences.heldOut(anotherTarget, fingerprint, "fp"));
        assertTrue(target.getMessage().contains("was built for another target") && target.getMessage().contains("the target of fp"),
                target.getMessage());
    }

    @Test
    void aFingerprintTheFleetDidNotChooseIsCalibratedWithEveryReference() {
        InMemoryFleet fleet = fleet();
        FleetSplit split = FleetSplit.crossFit(fleet, 4);
        Fingerprint fingerprint = extract(fleet, split, false);
        assertEquals(null, fingerprint.meta().selection());
        assertEquals(names(fleet.references()), names(FleetReferences.heldOut(split, fingerprint, "fp")));
        List<CalibrationReference> twice = new ArrayList<>(FleetReferences.heldOut(split, fingerprint, "fp"));
        twice.add(twice.get(0));
        InputException e = assertThrows(InputException.class,
                () -> Calibrator.calibrate(fingerprint, "fp", twice, ProgressListener.NONE, w -> {}));
        assertTrue(e.getMessage().contains("same weights"), e.getMessage());
    }
}
