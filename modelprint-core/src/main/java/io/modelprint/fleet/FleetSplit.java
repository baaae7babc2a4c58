package io.modelprint.fleet;

import io.modelprint.InputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Cross-fitting of a fleet: the surrogates and the references that choose a fingerprint's queries,
 * and the references held out of that choice that calibrate its verdicts. A model in both halves
 * would make the calibration judge queries picked to suit it, so the two reference lists must not
 * share a model (by name or weights) and construction refuses it.
 */
public record FleetSplit(Fleet fleet, List<FleetMember> surrogates, List<FleetMember> selectionReferences,
        List<FleetMember> calibrationReferences) {

    /** Of every kind of reference, this share (rounded down) chooses queries; the rest calibrate. */
    public static final int SELECTION_SHARE_DENOMINATOR = 3;

    public FleetSplit {
        surrogates = List.copyOf(surrogates);
        selectionReferences = List.copyOf(selectionReferences);
        calibrationReferences = List.copyOf(calibrationReferences);
        Set<String> chosenBy = new HashSet<>();
        for (FleetMember member : selectionReferences) {
            chosenBy.add(member.name());
            chosenBy.add(member.sha256());
        }
        for (FleetMember member : calibrationReferences) {
            if (chosenBy.contains(member.name()) || chosenBy.contains(member.sha256())) {
                throw new InputException("fleet " + fleet.location() + ": " + member.describe() + " would both choose the queries"
                        + " and calibrate them; a calibration must use references held out of selection");
            }
        }
    }

    /**
     * The split of {@code fleet} for {@code seed}: every surrogate selects (in name order); of each reference kind a
     * third (at least one reference overall when there are three or more) selects and the rest
     * calibrate, so every kind the fleet holds stays in the calibration.
     */
    public static FleetSplit crossFit(Fleet fleet, long seed) {
        Map<String, List<FleetMember>> byKind = new TreeMap<>();
        for (FleetMember reference : fleet.references()) {
            byKind.computeIfAbsent(reference.kind(), k -> new ArrayList<>()).add(reference);
        }
        Random random = new Random(seed);
        List<FleetMember> selection = new ArrayList<>();
        List<FleetMember> calibration = new ArrayList<>();
        List<FleetMember> largestKind = List.of();
        for (List<FleetMember> kind : byKind.values()) {
            kind.sort((a, b) -> a.name().compareTo(b.name()));
            Collections.shuffle(kind, random);
            int chosen = kind.size() / SELECTION_SHARE_DENOMINATOR;
            selection.addAll(kind.subList(0, chosen));
            calibration.addAll(kind.subList(chosen, kind.size()));
            if (kind.size() > largestKind.size()) {
                largestKind = kind;
            }
        }
        if (selection.isEmpty() && calibration.size() >= SELECTION_SHARE_DENOMINATOR) {
            FleetMember moved = largestKind.get(0);
            calibration.remove(moved);
            selection.add(moved);
        }
        // by name, as the references are drawn: the split of a fleet does not depend on its manifest's order
        List<FleetMember> surrogates = fleet.surrogates().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
        return new FleetSplit(fleet, surrogates, selection, calibration);
    }

    /** Refused unless the split holds {@code minimum}'s models, naming {@code scheme}, what it needs, what the fleet has, and why. */
    public void requireAtLeast(FleetMinimum minimum, String scheme) {
        if (surrogates.size() >= minimum.surrogates() && selectionReferences.size() >= minimum.selectionReferences()
                && calibrationReferences.size() >= minimum.calibrationReferences()) {
            return;
        }
        String calibrating = minimum.calibrationReferences() == 0 ? ""
                : ", plus " + minimum.calibrationReferences() + " references held out to calibrate";
        throw new InputException("fleet " + fleet.location() + " is too small for " + scheme + ": it needs " + minimum.surrogates()
                + " surrogates and " + minimum.selectionReferences() + " references to " + minimum.use() + calibrating
                + "; the fleet's selection part has " + surrogates.size() + " surrogates and " + selectionReferences.size()
                + " references, and " + calibrationReferences.size() + " of its " + fleet.references().size()
                + " references are held out (extract --fleet lets a third of each kind of reference select): "
                + minimum.why() + "; build a fleet with more models");
    }
}
