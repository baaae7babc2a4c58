package io.modelprint.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.signature.Ed25519;
import io.modelprint.signature.SigningKey;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.TinyFingerprints;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owners' signatures: they round-trip, and a file whose signature does not cover its content is refused at read. */
class FingerprintSignatureTest {
    static final SigningKey ALICE = SigningKey.generate();
    static final SigningKey MALLORY = SigningKey.generate();
    static LinearModel target;
    static Fingerprint ipguard;
    static Fingerprint sac;

    @TempDir
    Path dir;

    @BeforeAll
    static void extract() {
        target = TinyFingerprints.target(1);
        ipguard = TinyFingerprints.extract("ipguard", target, 12, 3);
        sac = TinyFingerprints.extract("sac-w", target, 12, 4);
    }

    @AfterAll
    static void close() {
        target.close();
    }

    @Test
    void aSignedFileReadsBackVerifiedWithTheSameContentHashAsUnsigned() {
        Path unsigned = TinyFingerprints.write(dir, "unsigned", ipguard);
        Path signed = TinyFingerprints.write(dir, "signed", FingerprintSigner.sign(ipguard, ALICE));
        Fingerprint plain = FingerprintFile.read(unsigned);
        Fingerprint read = FingerprintFile.read(signed);
        assertNull(plain.meta().signature());
        assertEquals(ALICE.id(), read.meta().signature().signer());
        assertEquals(Ed25519.ALGORITHM, read.meta().signature().algorithm());
        assertEquals(plain.meta().contentSha256(), read.meta().contentSha256(), "the hash leaves the signature out");
        assertEquals("verified", FingerprintSigner.Status.of(List.of(read)).status());
        assertEquals("unsigned", FingerprintSigner.Status.of(List.of(plain)).text());
        assertTrue(FingerprintSigner.Status.of(List.of(read)).text().startsWith("signed by " + ALICE.id().substring(0, 16)));

        Path bundle = dir.resolve("bundle.npz");
        FingerprintFile.writeBundle(bundle, FingerprintSigner.sign(List.of(ipguard, sac), ALICE));
        List<Fingerprint> members = FingerprintFile.readBundle(bundle);
        assertEquals(ALICE.id(), FingerprintSigner.signer("bundle", members), "every member signed by the one key");
    }

    @Test
    void metaChangedWithTheHashRecomputedButTheOldSignatureIsRefused() throws Exception {
        Path signed = TinyFingerprints.write(dir, "signed", FingerprintSigner.sign(ipguard, ALICE));
        // the forged calibration: every reference rate 0, hash recomputed, the owner's signature kept
        Path forged = ForgedFingerprints.rewriteMeta(signed, dir.resolve("forged.npz"), meta -> {
            var calibration = meta.putObject("calibration");
            calibration.put("model", Calibration.BETA_BINOMIAL);
            calibration.putArray("negatives").add("a").add("b").add("c");
            calibration.putArray("rates").add(0.0).add(0.0).add(0.0);
            calibration.put("queries", 12);
        });
        InputException e = assertThrows(InputException.class, () -> FingerprintFile.read(forged));
        assertTrue(e.getMessage().startsWith(forged.toString()) && e.getMessage().contains("signature does not verify")
                && e.getMessage().contains(ALICE.id().substring(0, 16)), e.getMessage());
    }

    @Test
    void aForgedSignatureIsRefused() throws Exception {
        Path signed = TinyFingerprints.write(dir, "signed", FingerprintSigner.sign(ipguard, ALICE));
        String hash = FingerprintFile.read(signed).meta().contentSha256();
        // mallory signs alice's content hash with his key but names alice's public key
        String malloryOverAlicesHash = Base64.getEncoder().encodeToString(MALLORY.sign(FingerprintSignature.signedBytes(hash)));
        Path claimed = ForgedFingerprints.rewriteMeta(signed, dir.resolve("claimed.npz"),
                meta -> meta.with("signature").put("signature", malloryOverAlicesHash));
        InputException e = assertThrows(InputException.class, () -> FingerprintFile.read(claimed));
        assertTrue(e.getMessage().contains("signature does not verify"), e.getMessage());

        Path garbage = ForgedFingerprints.rewriteMeta(signed, dir.resolve("garbage.npz"),
                meta -> meta.with("signature").put("signature", Base64.getEncoder().encodeToString(new byte[64])));
        assertTrue(assertThrows(InputException.class, () -> FingerprintFile.read(garbage)).getMessage().contains("does not verify"));

        Path notKey = ForgedFingerprints.rewriteMeta(signed, dir.resolve("not-key.npz"),
                meta -> meta.with("signature").put("publicKey", "bm90IGEga2V5"));
        InputException key = assertThrows(InputException.class, () -> FingerprintFile.read(notKey));
        assertTrue(key.getMessage().contains("not an Ed25519 public key"), key.getMessage());
    }

    @Test
    void aSchemeRelabelledOntoArraysItDoesNotFitIsRefusedAtRead() throws Exception {
        Path labelsOnly = TinyFingerprints.write(dir, "ipguard", ipguard);
        Path relabelled = ForgedFingerprints.relabelledAsSacW(labelsOnly, dir.resolve("relabelled.npz"));
        InputException e = assertThrows(InputException.class, () -> FingerprintFile.read(relabelled));
        assertTrue(e.getMessage().startsWith(relabelled.toString()) && e.getMessage().contains("compares scores")
                && e.getMessage().contains("labels only"), e.getMessage());

        // the scheme's name (and parameters) changed, the rest of meta.json left as ipguard wrote it
        Path renamed = ForgedFingerprints.rewriteMeta(labelsOnly, dir.resolve("renamed.npz"), meta -> {
            meta.put("scheme", "sac-w-hard");
            meta.putObject("parameters").put("n", 12);
        });
        InputException names = assertThrows(InputException.class, () -> FingerprintFile.read(renamed));
        assertTrue(names.getMessage().contains("representation 'labels'") && names.getMessage().contains("does not fit"),
                names.getMessage());
    }

    @Test
    void aChangeToASignedFingerprintDropsOrRefusesTheOldSignature() {
        Fingerprint signed = FingerprintSigner.sign(sac, ALICE);
        Calibration calibration = new Calibration(Calibration.STUDENT_T, List.of("a", "b"), new double[] {0.1, 0.2}, 12);
        assertNull(signed.meta().withCalibration(calibration).signature(), "a new calibration drops the signature");
        // a writer that keeps the old signature on changed content is a bug: refused before anything is written
        Fingerprint stale = signed.withMeta(new FingerprintMeta(2, sac.meta().scheme(), sac.meta().representation(),
                sac.meta().distance(), sac.meta().access(), sac.meta().parameters(), sac.meta().inputSpec(), sac.meta().numClasses(),
                sac.meta().targetModel(), sac.meta().targetSha256(), 99, sac.meta().seedSource(), sac.meta().createdAt(),
                sac.meta().stats(), null, null, null, signed.meta().signature()));
        assertThrows(IllegalStateException.class, () -> TinyFingerprints.write(dir, "stale", stale));
        assertNotNull(FingerprintFile.read(TinyFingerprints.write(dir, "resigned", FingerprintSigner.sign(stale, ALICE)))
                .meta().signature());
    }
}
