package io.modelprint.registry;

/**
 * What {@code registry log verify} found.
 *
 * @param records records read
 * @param headHash the last record's hash (publish it to anchor the log as it is now)
 * @param firstBad position of the first record changed or removed, or null when the chain holds
 * @param problem what is wrong there, or null
 */
public record ChainReport(long records, String headHash, Long firstBad, String problem) {
    public boolean intact() {
        return problem == null;
    }
}
