package io.modelprint.registry;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Scheme;
import java.util.List;

/**
 * A registry entry with its fingerprint file decoded: one member, or each of a bundle's in order, with
 * each member's scheme built once (a scan of many suspects asks for them on every suspect); or, when
 * the entry cannot be used, why ({@code problem}; no members): a scan lists it as not checked.
 */
public record RegisteredFingerprint(RegistryEntry entry, List<Fingerprint> members, List<Scheme<?>> schemes, String problem) {
    public RegisteredFingerprint(RegistryEntry entry, List<Fingerprint> members) {
        this(entry, members, members.stream().<Scheme<?>>map(Fingerprint::scheme).toList(), null);
    }

    /** An entry that cannot be used, and why. */
    public static RegisteredFingerprint unusable(RegistryEntry entry, String problem) {
        return new RegisteredFingerprint(entry, List.of(), List.of(), problem);
    }

    public boolean usable() {
        return problem == null;
    }

    public boolean isBundle() {
        return members.size() > 1;
    }

    /** Whether any of {@code registered} compares scores, so that a suspect must be asked for them. */
    public static boolean anyComparesScores(List<RegisteredFingerprint> registered) {
        return registered.stream().flatMap(r -> r.schemes().stream()).anyMatch(s -> s.suspectAccess() == Access.SCORES);
    }

    /** The usable ones; refused when there are none, naming the first reason ({@code where}: the registry). */
    public static List<RegisteredFingerprint> requireUsable(String where, List<RegisteredFingerprint> registered) {
        List<RegisteredFingerprint> usable = registered.stream().filter(RegisteredFingerprint::usable).toList();
        if (usable.isEmpty() && !registered.isEmpty()) {
            throw new InputException(where + ": none of the " + registered.size() + " registered fingerprints can be used ("
                    + registered.get(0).problem() + (registered.size() > 1 ? "; ..." : "") + ")");
        }
        return usable;
    }
}
