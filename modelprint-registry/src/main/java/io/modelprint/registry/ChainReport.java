package io.modelprint.registry;

import java.util.List;

/**
 * What {@code registry log verify} found.
 *
 * @param records records read
 * @param headHash the last record's hash (publish it to anchor the log as it is now)
 * @param firstBad position of the first record changed, removed or wrongly signed, or null when the chain holds
 * @param problem what is wrong there, or null
 * @param signedThrough the last record a registry signature covers (0: none)
 * @param signers the registry keys (SHA-256) whose signatures were checked, in order of first use
 * @param checkedAgainst the key the signatures had to be by ("expected": the one given; "database": any key the
 *     database lists, to be compared with the registry's published key)
 */
public record ChainReport(long records, String headHash, Long firstBad, String problem, long signedThrough, List<String> signers,
        String checkedAgainst) {
    public boolean intact() {
        return problem == null;
    }

    /** Records after the last signature: only records written before the registry signed its log can be there. */
    public long unsignedTail() {
        return records - signedThrough;
    }
}
