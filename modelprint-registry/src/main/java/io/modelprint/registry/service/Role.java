package io.modelprint.registry.service;

import io.modelprint.InputException;
import java.util.Arrays;
import java.util.Locale;

/** What a principal of {@code registry serve} may do (docs/service.md lists each role's routes). */
public enum Role {
    /** Registers and removes its own fingerprints, reads the verdicts about them and their files. */
    OWNER,
    /** Submits suspects and reads the verdicts of the scans it submitted; never a fingerprint's queries. */
    HUB,
    /** Reads the evidence log and its verification. */
    AUDITOR,
    /** Creates principals and their tokens. */
    ADMIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.label().equals(text)) {
                return role;
            }
        }
        throw new InputException("role '" + text + "': expected one of " + String.join(", ",
                Arrays.stream(values()).map(Role::label).toList()));
    }
}
