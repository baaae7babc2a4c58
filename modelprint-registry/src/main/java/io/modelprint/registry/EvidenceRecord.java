package io.modelprint.registry;

import io.modelprint.io.Sha256;
import java.nio.charset.StandardCharsets;

/**
 * One verification in the evidence log: who was asked what, what they answered, what was concluded,
 * and whose fingerprint it was. {@code recordHash} is SHA-256 over {@link #canonical()}, which
 * includes {@code previousHash}: each record vouches for every record before it.
 *
 * @param seq position in the log, from 1
 * @param suspectSha256 SHA-256 of a model file or directory, null for a URL
 * @param suspectMetadata for a URL: the server's model metadata (JSON), else null
 * @param answersSha256 SHA-256 of the suspect's answers ({@code Answers.sha256})
 * @param pValue null when the fingerprint is not calibrated
 * @param hashVersion 1: hashed as records were before owners were recorded (owner fields left out); 2: with them
 * @param owner the owner name the fingerprint is registered under (null: not registered)
 * @param ownerKey SHA-256 of the public key that signed the fingerprint (null: unsigned)
 * @param registryKey SHA-256 of the registry key whose signature this record carries (null: none)
 * @param registrySignature base64 Ed25519 signature of {@link #signedBytes} by the registry; on the last record of every
 *     append, outside the hash
 */
public record EvidenceRecord(long seq, String recordedAt, String toolVersion, String suspect, String suspectSha256,
        String suspectMetadata, String fingerprintId, String fingerprintSha256, String scheme, int queries,
        String answersSha256, double similarity, double threshold, Double pValue, String verdict, String previousHash,
        String recordHash, int hashVersion, String owner, String ownerKey, String registryKey, String registrySignature) {

    /** The hash of the first record's predecessor. */
    public static final String GENESIS = "0".repeat(64);
    /** The version new records are hashed with. */
    public static final int HASH_VERSION = 2;

    /** A record of a check whose owner is not known (not chained yet). */
    public EvidenceRecord(long seq, String recordedAt, String toolVersion, String suspect, String suspectSha256,
            String suspectMetadata, String fingerprintId, String fingerprintSha256, String scheme, int queries,
            String answersSha256, double similarity, double threshold, Double pValue, String verdict, String previousHash,
            String recordHash) {
        this(seq, recordedAt, toolVersion, suspect, suspectSha256, suspectMetadata, fingerprintId, fingerprintSha256, scheme, queries,
                answersSha256, similarity, threshold, pValue, verdict, previousHash, recordHash, HASH_VERSION, null, null, null, null);
    }

    /** This record with its owner (name as registered, and the signing key's SHA-256). */
    public EvidenceRecord withOwner(String ownerName, String ownerKeyId) {
        return new EvidenceRecord(seq, recordedAt, toolVersion, suspect, suspectSha256, suspectMetadata, fingerprintId,
                fingerprintSha256, scheme, queries, answersSha256, similarity, threshold, pValue, verdict, previousHash, recordHash,
                hashVersion, ownerName, ownerKeyId, registryKey, registrySignature);
    }

    /** This record placed at position {@code seq} after a record hashing to {@code previousHash}, hashed as {@link #HASH_VERSION}. */
    public EvidenceRecord chainedAt(long newSeq, String newPreviousHash) {
        EvidenceRecord placed = new EvidenceRecord(newSeq, recordedAt, toolVersion, suspect, suspectSha256, suspectMetadata,
                fingerprintId, fingerprintSha256, scheme, queries, answersSha256, similarity, threshold, pValue, verdict,
                newPreviousHash, null, HASH_VERSION, owner, ownerKey, null, null);
        return placed.withHash(placed.computeHash());
    }

    private EvidenceRecord withHash(String hash) {
        return new EvidenceRecord(seq, recordedAt, toolVersion, suspect, suspectSha256, suspectMetadata, fingerprintId,
                fingerprintSha256, scheme, queries, answersSha256, similarity, threshold, pValue, verdict, previousHash, hash,
                hashVersion, owner, ownerKey, registryKey, registrySignature);
    }

    /** This record with the registry's signature of its hash. */
    public EvidenceRecord withRegistrySignature(String keyId, String signature) {
        return new EvidenceRecord(seq, recordedAt, toolVersion, suspect, suspectSha256, suspectMetadata, fingerprintId,
                fingerprintSha256, scheme, queries, answersSha256, similarity, threshold, pValue, verdict, previousHash, recordHash,
                hashVersion, owner, ownerKey, keyId, signature);
    }

    /** What the registry signs: {@code modelprint-evidence-signature-v1}, a line feed, the record's hash, a line feed. */
    public static byte[] signedBytes(String recordHash) {
        return ("modelprint-evidence-signature-v1\n" + recordHash + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** SHA-256 of {@link #canonical()}. */
    public String computeHash() {
        return Sha256.hex(canonical().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Every field but the hash itself, one per line as {@code name=value} (a value's own line breaks
     * escaped), numbers in Java's shortest round-trip form: documented in docs/registry.md so the
     * chain can be checked without modelprint. Version 2 adds {@code owner} and {@code ownerKey} at
     * the end; version 1 is the text older records were hashed with, unchanged.
     */
    public String canonical() {
        StringBuilder text = new StringBuilder("modelprint-evidence-v" + hashVersion + "\n");
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
        if (hashVersion != 1) {
            field(text, "owner", owner);
            field(text, "ownerKey", ownerKey);
        }
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
