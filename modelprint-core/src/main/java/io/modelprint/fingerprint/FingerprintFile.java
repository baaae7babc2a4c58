package io.modelprint.fingerprint;

import io.modelprint.InputException;
import io.modelprint.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The fingerprint file: a {@code .npz} (zip of {@code .npy}) with {@code queries.npy} (float32
 * [n,C,H,W]), {@code labels.npy} (int64 [n], the target's top-1 labels), for score schemes
 * {@code scores.npy} (float32 [n, classes], the target's logits) and {@code meta.json}; or a bundle
 * of several ({@link FingerprintBundle}). {@code numpy.load} reads it. Written atomically and
 * owner-only, with fixed entry times, so equal fingerprints give equal bytes. Read from a path or
 * from memory (a registry's copy) with the same checks; errors name the file.
 */
public final class FingerprintFile {
    private FingerprintFile() {}

    public static void write(Path file, Fingerprint fingerprint) {
        write(file, FingerprintCodec.encode(fingerprint).parts().entries(""));
    }

    /** Writes several schemes' fingerprints of one target into one file (each under its scheme's name). */
    public static void writeBundle(Path file, List<Fingerprint> members) {
        if (members.size() == 1) {
            write(file, members.get(0));
            return;
        }
        write(file, FingerprintBundle.entries(members));
    }

    private static void write(Path file, Map<String, byte[]> entries) {
        AtomicFiles.writePrivate(file, out -> FingerprintArchive.write(out, entries));
    }

    /** Reads a single-scheme fingerprint; a bundle is refused with a pointer to {@link #readBundle}. */
    public static Fingerprint read(Path file) {
        List<Fingerprint> members = readBundle(file);
        if (members.size() != 1) {
            throw new InputException(file + ": is a bundle of " + members.size() + " schemes, not a single fingerprint");
        }
        return members.get(0);
    }

    /** Reads a fingerprint file: one fingerprint, or every member of a bundle in its order. */
    public static List<Fingerprint> readBundle(Path file) {
        if (!Files.exists(file)) {
            throw new InputException(file + ": no such fingerprint file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InputException(file + ": not a readable file");
        }
        return decode(file.toString(), FingerprintArchive.read(file));
    }

    /**
     * Reads a fingerprint file held in memory (a registry's copy): {@code source} names it in errors.
     * The same checks as for a file on disk: zip bounds, entries, hashes, shapes, bundle order.
     */
    public static List<Fingerprint> readBundle(String source, byte[] bytes) {
        return decode(source, FingerprintArchive.read(source, bytes));
    }

    private static List<Fingerprint> decode(String source, Map<String, byte[]> entries) {
        if (entries.containsKey(FingerprintBundle.BUNDLE)) {
            return FingerprintBundle.decode(source, entries);
        }
        Fingerprint fingerprint = FingerprintCodec.decode(source, entries, "");
        FingerprintArchive.requireOnly(source, entries, FingerprintCodec.entryNames(fingerprint, ""));
        return List.of(fingerprint);
    }

    /** The hash that identifies a fingerprint file's content: its meta's, or for a bundle bundle.json's. */
    public static String contentSha256(List<Fingerprint> members) {
        return members.size() == 1 ? members.get(0).meta().contentSha256() : FingerprintBundle.hash(members);
    }

    /** Meta as the JSON text stored in the file (for {@code info}). */
    public static String metaJson(FingerprintMeta meta) {
        try {
            return FingerprintCodec.JSON.writeValueAsString(meta);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
