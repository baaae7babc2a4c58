package io.modelprint.lab.eval;

import io.modelprint.InputException;
import io.modelprint.fleet.Fleet;
import io.modelprint.fleet.FleetMember;
import io.modelprint.lab.fleet.FleetDirectory;
import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fleet that makes a fingerprint must not be the suspects that evaluate it (issue 21): no fleet
 * member may have a suspect's weights or be a suspect's recipe on the same seed, and in every family
 * of suspects at least one suspect must be made by a recipe (or architecture) the fleet never saw;
 * otherwise the evaluation measures how well the fleet recognises itself.
 *
 * <p>A recipe is a model's kind and parameters but its seed ({@link #recipe}); the architecture is
 * one of those parameters ({@code arch}, {@code student}). A fleet built as a directory
 * ({@link FleetDirectory}) is read from its manifest, so its members' recipes are known the same
 * way; of any other fleet, a member's {@link FleetMember#kind()} is taken as its recipe.
 */
public final class FleetDisjointness {
    /** Parameters that say how a model is kept or named rather than how it was made. */
    private static final Set<String> NOT_RECIPE = Set.of("seed", FleetDirectory.KIND);

    private FleetDisjointness() {}

    /**
     * Refuses when {@code fleet} and the suspects of {@code zoo} overlap (as above); otherwise returns,
     * per family, how many suspects were made by a recipe the fleet never saw.
     */
    public static Map<String, Integer> check(ZooManifest zoo, Fleet fleet) {
        List<ZooEntry> suspects = zoo.entries().stream().filter(e -> e.group() != SuspectGroup.TARGET && e.kept()).toList();
        Map<String, ZooEntry> fleetEntries = fleetEntries(fleet);
        Map<String, String> bySha = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, String> seededRecipes = new HashMap<>();
        for (FleetMember member : fleet.members()) {
            bySha.put(member.sha256(), member.name());
            ZooEntry entry = fleetEntries.get(member.name());
            seen.add(entry == null ? member.kind() : recipe(entry));
            if (entry != null && entry.parameters().get("seed") != null) {
                seededRecipes.put(recipe(entry) + " seed " + entry.parameters().get("seed"), member.name());
            }
        }
        Map<String, Integer> unseen = new LinkedHashMap<>();
        Map<String, List<String>> namesByFamily = new LinkedHashMap<>();
        for (ZooEntry suspect : suspects) {
            String same = bySha.get(suspect.sha256());
            if (same != null) {
                throw new InputException("fleet " + fleet.location() + ": member " + same + " has the weights of suspect " + suspect.name()
                        + " (sha256 " + suspect.sha256() + "): a fleet that makes a fingerprint must not hold the suspects that"
                        + " evaluate it; build the fleet with other seeds");
            }
            Object seed = suspect.parameters().get("seed");
            String twin = seed == null ? null : seededRecipes.get(recipe(suspect) + " seed " + seed);
            if (twin != null) {
                throw new InputException("fleet " + fleet.location() + ": member " + twin + " is suspect " + suspect.name()
                        + "'s recipe on the same seed " + seed + ": build the fleet with other seeds");
            }
            String family = SuspectFamily.of(suspect);
            unseen.merge(family, seen.contains(recipe(suspect)) ? 0 : 1, Integer::sum);
            namesByFamily.computeIfAbsent(family, f -> new ArrayList<>()).add(suspect.name());
        }
        for (Map.Entry<String, Integer> family : unseen.entrySet()) {
            if (family.getValue() == 0) {
                throw new InputException("fleet " + fleet.location() + ": every suspect of family '" + family.getKey() + "' ("
                        + String.join(", ", namesByFamily.get(family.getKey())) + ") was made by a recipe and architecture the fleet"
                        + " holds: at least one suspect of each family must come from a recipe or architecture the fleet never saw,"
                        + " or the evaluation measures how well the fleet recognises itself");
            }
        }
        return unseen;
    }

    /** A model's recipe: its kind and every parameter but its seed, in a fixed order. */
    public static String recipe(ZooEntry entry) {
        Map<String, Object> parameters = new TreeMap<>(entry.parameters());
        parameters.keySet().removeAll(NOT_RECIPE);
        return entry.kind() + " " + parameters;
    }

    /** The manifest entries of a fleet kept as a directory, by member name; none for a fleet kept otherwise. */
    private static Map<String, ZooEntry> fleetEntries(Fleet fleet) {
        Map<String, ZooEntry> entries = new HashMap<>();
        if (fleet instanceof FleetDirectory) {
            ZooManifest.read(Path.of(fleet.location())).ifPresent(m -> m.entries().forEach(e -> entries.put(e.name(), e)));
        }
        return entries;
    }
}
