package io.modelprint.verify;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fleet.Fleet;
import io.modelprint.fleet.FleetMember;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.fleet.QuerySelection;
import java.util.List;

/**
 * The references of an owner's fleet that may calibrate a fingerprint: every reference that did not
 * help choose its queries (all of them for a fingerprint the fleet did not choose). A fleet whose
 * hash differs from the one its selection recorded was edited after the fingerprint was made from
 * it (in its manifest or in any member's stored weights), a fleet built for another target holds
 * another model's surrogates, and a fleet of another task or input shape stands for no honest
 * competitor: all refused.
 */
public final class FleetReferences {
    private FleetReferences() {}

    /** The held-out references of {@code fleet} for {@code fingerprint} ({@code name} names it in messages). */
    public static List<CalibrationReference> heldOut(Fleet fleet, Fingerprint fingerprint, String name) {
        fleet.requireCompatible(fingerprint.meta().inputSpec(), fingerprint.meta().numClasses(), name);
        fleet.requireTarget(fingerprint.meta().targetSha256(), "the target of " + name);
        QuerySelection selection = fingerprint.meta().selection();
        if (selection != null && !fleet.hashesTo(selection.fleetSha256())) {
            throw new InputException("fleet " + fleet.location() + " is not the fleet that chose the queries of " + name
                    + " (its hash " + fleet.sha256().substring(0, 12) + "... differs from the " + selection.fleetSha256()
                    .substring(0, Math.min(12, selection.fleetSha256().length())) + "... recorded from " + selection.fleetLocation()
                    + "): a fleet edited after a fingerprint was made from it cannot tell which references are held out;"
                    + " calibrate with that fleet as it was, or extract again with --fleet");
        }
        fleet.requireIntact();
        return fleet.references().stream()
                .filter(member -> selection == null || !selection.choseWith(member.sha256()) && !chosenByName(selection, member))
                .map(member -> new CalibrationReference(member.name(),
                        java.util.Objects.requireNonNullElse(member.kind(), io.modelprint.fingerprint.Calibration.UNSPECIFIED), member.sha256(), fp -> fleet.open(member)))
                .toList();
    }

    /**
     * The references of {@code split} that may calibrate {@code fingerprint}, just extracted with it:
     * the split's calibration half when the fleet chose its queries, every reference of the fleet otherwise.
     */
    public static List<CalibrationReference> heldOut(FleetSplit split, Fingerprint fingerprint, String name) {
        List<CalibrationReference> all = heldOut(split.fleet(), fingerprint, name);
        if (fingerprint.meta().selection() == null) {
            return all;
        }
        java.util.Set<String> held = new java.util.HashSet<>();
        split.calibrationReferences().forEach(m -> held.add(m.name()));
        return all.stream().filter(r -> held.contains(r.name())).toList();
    }

    private static boolean chosenByName(QuerySelection selection, FleetMember member) {
        return selection.chosenBy().stream().anyMatch(m -> m.name().equals(member.name()));
    }
}
