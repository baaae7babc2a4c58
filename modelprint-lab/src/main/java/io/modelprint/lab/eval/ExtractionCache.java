package io.modelprint.lab.eval;

import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.io.AtomicFiles;
import io.modelprint.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Fingerprints the bench extracted from the zoo's target, kept beside their cost. They depend on
 * the target alone, not on the suspects: a zoo that gains a family is verified again but not
 * fingerprinted again, and a bench killed after extracting resumes with verification.
 */
final class ExtractionCache {
    /** A fingerprint and what making it cost. */
    record Extracted(Fingerprint fingerprint, double seconds, int converged) {}

    /** The side file: for which target and key the fingerprint file was made, and the file's SHA-256. */
    record Stamp(String targetSha256, String key, String fingerprintSha256, double seconds, int converged) {}

    private ExtractionCache() {}

    static Extracted getOrExtract(Path fingerprintFile, String key, String targetSha256, Supplier<FingerprintExtractor.Result> extract) {
        Path stampFile = fingerprintFile.resolveSibling(fingerprintFile.getFileName() + ".json");
        Extracted cached = read(fingerprintFile, stampFile, key, targetSha256);
        if (cached != null) {
            return cached;
        }
        FingerprintExtractor.Result result = extract.get();
        Fingerprint fingerprint = result.fingerprint();
        FingerprintFile.write(fingerprintFile, fingerprint);
        Stamp stamp = new Stamp(targetSha256, key, Sha256.ofFile(fingerprintFile), result.seconds(),
                result.generated().convergedCount());
        try {
            AtomicFiles.writeString(stampFile, Evaluation.JSON.writeValueAsString(stamp));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Extracted(fingerprint, result.seconds(), stamp.converged());
    }

    private static Extracted read(Path fingerprintFile, Path stampFile, String key, String targetSha256) {
        if (!Files.isRegularFile(fingerprintFile) || !Files.isRegularFile(stampFile)) {
            return null;
        }
        try {
            Stamp stamp = Evaluation.JSON.readValue(stampFile.toFile(), Stamp.class);
            if (!targetSha256.equals(stamp.targetSha256()) || !key.equals(stamp.key())) {
                return null;
            }
            if (!Sha256.ofFile(fingerprintFile).equals(stamp.fingerprintSha256())) {
                return null;
            }
            return new Extracted(FingerprintFile.read(fingerprintFile), stamp.seconds(), stamp.converged());
        } catch (IOException | RuntimeException e) {
            return null; // damaged or from an older build: extracted again
        }
    }
}
