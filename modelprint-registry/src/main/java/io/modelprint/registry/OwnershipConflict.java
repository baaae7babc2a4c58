package io.modelprint.registry;

import io.modelprint.InputException;

/**
 * A registration refused because its fingerprint, its id or its owner name belongs to another key. The
 * message names the owner and key it belongs to (for the registry's operator); {@link #withoutOthers()}
 * says the same without another owner's name or key, for a registrant who must not learn them.
 */
public final class OwnershipConflict extends InputException {
    private final String withoutOthers;

    OwnershipConflict(String message, String withoutOthers) {
        super(message);
        this.withoutOthers = withoutOthers;
    }

    public String withoutOthers() {
        return withoutOthers;
    }
}
