package io.modelprint.fingerprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fingerprint files whose arrays a test changed and whose hash it made again: only the reader's other checks stand. */
final class ForgedFiles {
    private ForgedFiles() {}

    /** {@code parts} with {@code meta}'s hash recomputed over them, written as {@code file}. */
    static Path write(Path file, FingerprintParts parts, FingerprintMeta meta) throws IOException {
        FingerprintMeta unhashed = meta.withContentSha256(null);
        FingerprintParts rehashed = parts.withMeta(FingerprintCodec.json(unhashed));
        rehashed = rehashed.withMeta(FingerprintCodec.json(unhashed.withContentSha256(FingerprintHash.of(2, rehashed))));
        try (var out = Files.newOutputStream(file)) {
            FingerprintArchive.write(out, rehashed.entries(""));
        }
        return file;
    }
}
