package io.modelprint.fingerprint;

import io.modelprint.InputException;
import io.modelprint.signature.Ed25519;
import io.modelprint.signature.SigningKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Owners' signatures on fingerprints: signing (every member of a bundle), checking on every read (a
 * signature that does not verify is refused: it is a forgery or a change after signing, not a
 * warning), and who signed a file.
 */
public final class FingerprintSigner {
    private FingerprintSigner() {}

    /** {@code fingerprint} signed by {@code key}: its content hash set and signed, any earlier signature replaced. */
    public static Fingerprint sign(Fingerprint fingerprint, SigningKey key) {
        if (fingerprint.meta().formatVersion() == 1) {
            throw new InputException("a version 1 fingerprint (" + fingerprint.meta().scheme() + ") hashes its arrays only, so a"
                    + " signature would not cover its meta.json; extract it again to sign it");
        }
        Fingerprint unsigned = fingerprint.withMeta(fingerprint.meta().withSignature(null));
        String hash = FingerprintCodec.encode(unsigned).meta().contentSha256();
        FingerprintSignature signature = new FingerprintSignature(Ed25519.ALGORITHM, Ed25519.encode(key.publicKey()),
                Base64.getEncoder().encodeToString(key.sign(FingerprintSignature.signedBytes(hash))));
        return fingerprint.withMeta(unsigned.meta().withContentSha256(hash).withSignature(signature));
    }

    /** Every member signed by {@code key}. */
    public static List<Fingerprint> sign(List<Fingerprint> members, SigningKey key) {
        return members.stream().map(member -> sign(member, key)).toList();
    }

    /**
     * Refuses a meta whose signature does not verify over {@code contentSha256} (the hash the content
     * was found to have); {@code where} names the file. No signature: nothing to check.
     */
    static void check(String where, FingerprintMeta meta, String contentSha256) {
        FingerprintSignature signature = meta.signature();
        if (signature == null) {
            return;
        }
        if (meta.formatVersion() == 1) {
            throw new InputException(where + ": a version 1 fingerprint cannot be signed (its hash leaves meta.json out)");
        }
        if (!Ed25519.ALGORITHM.equals(signature.algorithm())) {
            throw new InputException(where + ": signed with '" + signature.algorithm() + "'; modelprint verifies "
                    + Ed25519.ALGORITHM + " signatures only");
        }
        PublicKey key = Ed25519.publicKey(signature.publicKey(), where + ": signature.publicKey");
        byte[] bytes = Ed25519.base64(signature.signature(), where + ": signature.signature");
        if (!Ed25519.verify(key, FingerprintSignature.signedBytes(contentSha256), bytes)) {
            throw new InputException(where + ": the signature does not verify: the fingerprint was changed after key "
                    + Ed25519.shortId(Ed25519.keyId(key)) + " signed it, or the signature is forged; refused");
        }
    }

    /** The one key that signed every member, or null when none is signed; refused when they disagree or only some are signed. */
    public static String signer(String where, List<Fingerprint> members) {
        List<String> signers = members.stream().map(m -> m.meta().signature() == null ? null : m.meta().signature().signer())
                .distinct().toList();
        if (signers.size() > 1) {
            throw new InputException(where + ": its members are signed by different keys or only some are signed ("
                    + String.join(", ", signers.stream().map(s -> s == null ? "unsigned" : Ed25519.shortId(s)).toList()) + ")");
        }
        return signers.get(0);
    }

    /** What info and verify say about a file's signatures; the members were read, so every signature present holds. */
    public record Status(String status, List<String> signers) {
        public static Status of(List<Fingerprint> members) {
            List<String> signers = members.stream().map(m -> m.meta().signature()).filter(Objects::nonNull)
                    .map(FingerprintSignature::signer).distinct().toList();
            long signed = members.stream().filter(m -> m.meta().signature() != null).count();
            return new Status(signed == 0 ? "unsigned" : signed < members.size() ? "partly signed" : "verified", signers);
        }

        /** "signed by 3f2a... (Ed25519), signature verified", or "unsigned". */
        public String text() {
            if (signers.isEmpty()) {
                return "unsigned";
            }
            return "signed by " + String.join(", ", signers.stream().map(Ed25519::shortId).toList()) + " (" + Ed25519.ALGORITHM
                    + "), signature " + (status.equals("verified") ? "verified" : "verified on some members only, others unsigned");
        }
    }
}
