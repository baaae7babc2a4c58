package io.modelprint.registry;

import io.modelprint.InputException;
import io.modelprint.signature.Ed25519;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code registry log verify}'s walk over the records: positions without gaps, each record chained to
 * the one before, each content hashing to its stored hash, the head where the records end, and every
 * registry signature valid and by the registry's key. Records after the last signature may only be
 * version 1 records (written before the registry signed its log).
 */
final class ChainCheck {
    private final Map<String, PublicKey> listed;
    private final PublicKey expected;
    private final String expectedId;
    private final List<String> signers = new ArrayList<>();
    private long signedThrough;

    /**
     * @param listed the keys the database lists, by SHA-256
     * @param expected the registry's published key, or null to accept any key the database lists
     */
    ChainCheck(Map<String, PublicKey> listed, PublicKey expected) {
        this.listed = listed;
        this.expected = expected;
        this.expectedId = expected == null ? null : Ed25519.keyId(expected);
    }

    ChainReport headMissing(List<EvidenceRecord> records) {
        return report(records.size(), null, 1L, "the log's head row was removed");
    }

    ChainReport run(List<EvidenceRecord> records, long headCount, String headHash) {
        String previous = EvidenceRecord.GENESIS;
        long at = 1;
        for (EvidenceRecord record : records) {
            String problem = problem(record, at, previous);
            if (problem != null) {
                return report(records.size(), previous, at, problem);
            }
            previous = record.recordHash();
            at++;
        }
        if (headCount != records.size() || !headHash.equals(previous)) {
            long from = records.size() + 1;
            return report(records.size(), previous, from, headCount > records.size()
                    ? "record" + (headCount - records.size() > 1 ? "s " + from + " to " + headCount + " were" : " " + from + " was")
                            + " removed (the head says " + headCount + " records ending in " + headHash + ")"
                    : "the head says " + headCount + " records ending in " + headHash + " but the log holds " + records.size()
                            + " ending in " + previous);
        }
        for (EvidenceRecord record : records.subList((int) signedThrough, records.size())) {
            if (record.hashVersion() != 1) {
                return report(records.size(), previous, record.seq(), "record" + (record.seq() < records.size() ? "s " + record.seq()
                        + " to " + records.size() + " carry" : " " + record.seq() + " carries") + " no registry signature: appended"
                        + " without the registry's key");
            }
        }
        return report(records.size(), previous, null, null);
    }

    private String problem(EvidenceRecord record, long at, String previous) {
        if (record.seq() != at) {
            return "record " + at + (record.seq() > at ? " was removed" + (record.seq() > at + 1 ? " (through " + (record.seq() - 1)
                    + ")" : "") : " is out of order");
        }
        if (!record.previousHash().equals(previous)) {
            return "record " + at + " does not follow record " + (at - 1) + ": its previous hash is " + record.previousHash()
                    + ", record " + (at - 1) + " hashes to " + previous;
        }
        if (record.hashVersion() != 1 && record.hashVersion() != EvidenceRecord.HASH_VERSION) {
            return "record " + at + " says hash version " + record.hashVersion() + ", which this modelprint does not know (1, 2)";
        }
        if (record.hashVersion() == 1 && (record.owner() != null || record.ownerKey() != null)) {
            return "record " + at + " was changed: it is a version 1 record, hashed without an owner, yet it names one";
        }
        String actual = record.computeHash();
        if (!actual.equals(record.recordHash())) {
            return "record " + at + " was changed: its content hashes to " + actual + ", not to its stored hash " + record.recordHash();
        }
        if (record.registrySignature() == null && record.registryKey() == null) {
            return null;
        }
        String problem = signatureProblem(record);
        if (problem == null) {
            signedThrough = at;
            if (!signers.contains(record.registryKey())) {
                signers.add(record.registryKey());
            }
        }
        return problem;
    }

    private String signatureProblem(EvidenceRecord record) {
        long at = record.seq();
        if (record.registrySignature() == null || record.registryKey() == null) {
            return "record " + at + " has half a registry signature (key or signature missing)";
        }
        PublicKey key = expected != null ? (expectedId.equals(record.registryKey()) ? expected : null) : listed.get(record.registryKey());
        if (key == null) {
            return expected != null ? "record " + at + " is signed by key " + Ed25519.shortId(record.registryKey())
                    + ", not by the registry's key " + Ed25519.shortId(expectedId)
                    : "record " + at + " is signed by key " + Ed25519.shortId(record.registryKey()) + ", which the database does not list";
        }
        byte[] signature;
        try {
            signature = Ed25519.base64(record.registrySignature(), "record " + at);
        } catch (InputException e) {
            return "record " + at + "'s registry signature is not base64";
        }
        if (!Ed25519.verify(key, EvidenceRecord.signedBytes(record.recordHash()), signature)) {
            return "record " + at + "'s registry signature does not verify: forged, or copied from another record";
        }
        return null;
    }

    private ChainReport report(long records, String head, Long firstBad, String problem) {
        return new ChainReport(records, head, firstBad, problem, signedThrough, List.copyOf(signers),
                expected != null ? "expected" : "database");
    }
}
