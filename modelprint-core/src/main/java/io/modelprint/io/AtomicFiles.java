package io.modelprint.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes that either complete or leave nothing: write to a temporary sibling, then rename. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Body of an atomic write. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically. A file that already exists keeps its permissions; a new
     * one gets the process's umask (as any program's output does).
     */
    public static void write(Path target, Writer body) {
        write(target, body, false);
    }

    /**
     * As {@link #write(Path, Writer)}, but a new file is owner-only (rw-------): for fingerprints,
     * whose queries are the owner's secret. An existing file keeps its permissions.
     */
    public static void writePrivate(Path target, Writer body) {
        write(target, body, true);
    }

    private static void write(Path target, Writer body, boolean ownerOnly) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            if (ReadOnly.is(target)) {
                throw new java.nio.file.AccessDeniedException(target.toString(), null, "the file is read-only");
            }
            tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current()
                    .nextLong()) + ".part");
            try (OutputStream out = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE)) {
                body.write(out);
            }
            setPermissions(tmp, target, ownerOnly);
            moveIntoPlace(tmp, target);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new io.modelprint.InputException("cannot write " + target + ": " + IoReasons.of(e), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /** The replaced file's permissions, else owner-only when asked, else what the umask gave the new file. */
    private static void setPermissions(Path tmp, Path target, boolean ownerOnly) {
        try {
            if (Files.exists(target)) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            } else if (ownerOnly) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: keep its defaults
        }
    }

    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Renames {@code source} onto {@code target}, atomically where the file system allows it. */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort: the file is a leftover temporary
        }
    }

    /** Deletes {@code root} and everything under it (links are removed, not followed); best effort. */
    public static void deleteTreeQuietly(Path root) {
        if (root == null || !Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(AtomicFiles::deleteQuietly);
        } catch (IOException ignored) {
            // leftover temporary directory; harmless
        }
    }
}
