package io.modelprint.registry;

/**
 * A registered fingerprint file as listed (its bytes stay in the database).
 *
 * @param id the first 12 hex digits of the content hash
 * @param scheme the scheme's name, or {@code bundle(a,b,...)}
 * @param access what a suspect must offer: labels or scores (the strongest any member needs)
 * @param inputSpec the queries' input spec as text
 * @param queries queries in all members
 * @param ownerKey SHA-256 of the public key that signed the file (every member), bound to the owner at add; null for
 *     an entry registered before the registry required signatures
 */
public record RegistryEntry(String id, String contentSha256, String owner, String name, String scheme, String access,
        String inputSpec, int classes, int queries, String targetSha256, boolean calibrated, String addedAt,
        String fileSha256, long fileSize, String ownerKey) implements java.io.Serializable {}
