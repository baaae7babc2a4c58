package io.modelprint.registry;

import io.modelprint.io.Sha256;
import java.nio.charset.StandardCharsets;

/**
 * One verification in the evidence log: who was asked what, what they answered, what was concluded.
 * {@code recordHash} is SHA-256 over {@link #canonical()}, which includes {@code previousHash}: each
 * record vouches for every record before it.
 *
 * @param seq position in the log, from 1
 * @param suspectSha256 SHA-256 of a model file or directory, null for a URL
 * @param suspectMetadata for a URL: the server's model metadata (JSON), else null
 * @param answersSha256 SHA-256 of the suspect's answers ({@code Answers.sha256})
 * @param pValue null when the fingerprint is not calibrated
 */
public record EvidenceRecord(long seq, String recordedAt, String toolVersion, String suspect, String suspectSha256,
        String suspectMetadata, String fingerprintId, String fingerprintSha256, String scheme, int queries,
        String answersSha256, double similarity, double threshold, Double pValue, String verdict, String previousHash,
        String recordHash) {

    /** The hash of the first record's predecessor. */
    public static final String GENESIS = "0".repeat(64);

    /** This record placed after {@code previous} (hash {@code previousHash}) at position {@code seq}, hashed. */
    public EvidenceRecord chainedAt(long newSeq, String newPreviousHash) {
        EvidenceRecord placed = new EvidenceRecord(newSeq, recordedAt, toolVersion, suspect, suspectSha256, suspectMetadata,
                fingerprintId, fingerprintSha256, scheme, queries, answersSha256, similarity, threshold, pValue, verdict,
                newPreviousHash, null);
        return placed.withHash(placed.computeHash());
    }

    private EvidenceRecord withHash(String hash) {
        return new EvidenceRecord(seq, recordedAt, toolVersion, suspect, suspectSha256, suspectMetadata, fingerprintId,
                fingerprintSha256, scheme, queries, answersSha256, similarity, threshold, pValue, verdict, previousHash, hash);
    }

    /** SHA-256 of {@link #canonical()}. */
    public String computeHash() {
        return Sha256.hex(canonical().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Every field but the hash itself, one per line as {@code name=value} (a value's own line breaks
     * escaped), numbers in Java's shortest round-trip form: documented in docs/registry.md so the
     * chain can be checked without modelprint.
     */
    public String canonical() {
        StringBuilder text = new StringBuilder("modelprint-evidence-v1\n");
        field(text, "seq", Long.toString(seq));
        field(text, "recordedAt", recordedAt);
        field(text, "toolVersion", toolVersion);
        field(text, "suspect", suspect);
        field(text, "suspectSha256", suspectSha256);
        field(text, "suspectMetadata", suspectMetadata);
        field(text, "fingerprintId", fingerprintId);
        field(text, "fingerprintSha256", fingerprintSha256);
        field(text, "scheme", scheme);
        field(text, "queries", Integer.toString(queries));
        field(text, "answersSha256", answersSha256);
        field(text, "similarity", Double.toString(similarity));
        field(text, "threshold", Double.toString(threshold));
        field(text, "pValue", pValue == null ? null : Double.toString(pValue));
        field(text, "verdict", verdict);
        field(text, "previousHash", previousHash);
        return text.toString();
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append(name).append('=');
        if (value == null) {
            text.append("\\N");
        } else {
            text.append(value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"));
        }
        text.append('\n');
    }
}
