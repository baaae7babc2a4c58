package io.modelprint.registry;

import io.modelprint.fingerprint.Fingerprint;
import java.util.List;

/** A registry entry with its fingerprint file decoded: one member, or each of a bundle's in order. */
public record RegisteredFingerprint(RegistryEntry entry, List<Fingerprint> members) {
    public boolean isBundle() {
        return members.size() > 1;
    }
}
