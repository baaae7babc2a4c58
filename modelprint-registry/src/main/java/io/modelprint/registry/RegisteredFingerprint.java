package io.modelprint.registry;

import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Scheme;
import java.util.List;

/**
 * A registry entry with its fingerprint file decoded: one member, or each of a bundle's in order, with
 * each member's scheme built once (a scan of many suspects asks for them on every suspect).
 */
public record RegisteredFingerprint(RegistryEntry entry, List<Fingerprint> members, List<Scheme<?>> schemes) {
    public RegisteredFingerprint(RegistryEntry entry, List<Fingerprint> members) {
        this(entry, members, members.stream().<Scheme<?>>map(Fingerprint::scheme).toList());
    }

    public boolean isBundle() {
        return members.size() > 1;
    }

    /** Whether any of {@code registered} compares scores, so that a suspect must be asked for them. */
    public static boolean anyComparesScores(List<RegisteredFingerprint> registered) {
        return registered.stream().flatMap(r -> r.schemes().stream()).anyMatch(s -> s.suspectAccess() == Access.SCORES);
    }
}
