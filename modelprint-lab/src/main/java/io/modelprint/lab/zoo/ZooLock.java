package io.modelprint.lab.zoo;

import io.modelprint.InputException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One zoo or fleet build per directory at a time (an OS file lock on {@code .lock}, released when the process
 * ends, however it ends), and the half-written leftovers of a killed build removed when the next
 * one starts: temporary model directories and {@code .part} files, whose names start with a dot.
 */
final class ZooLock implements AutoCloseable {
    static final String FILE_NAME = ".lock";
    private final FileChannel channel;
    private final FileLock lock;

    private ZooLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static ZooLock acquire(Path dir) {
        return acquire(dir, "zoo");
    }

    /** The lock of {@code dir}; refused while another process holds it ({@code what} names what it builds: zoo, fleet). */
    static ZooLock acquire(Path dir, String what) {
        Path file = dir.resolve(FILE_NAME);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new InputException(dir + ": another " + what + " build is running on this directory; wait for it or"
                        + " use another --out");
            }
            return new ZooLock(channel, lock);
        } catch (IOException e) {
            throw new InputException(file + ": cannot lock the zoo directory: " + io.modelprint.io.IoReasons.of(e));
        }
    }

    /** Deletes what only a killed build leaves: dot-named temporary directories and files, but not the lock. */
    static void removeLeftovers(Path dir, PrintStream log) {
        removeLeftovers(dir, log, "zoo");
    }

    static void removeLeftovers(Path dir, PrintStream log, String what) {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") && !name.equals(FILE_NAME)) {
                    deleteTree(entry);
                    log.printf("%s: removed %s, left by an interrupted build%n", what, name);
                }
            }
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list: " + io.modelprint.io.IoReasons.of(e));
        }
    }

    private static void deleteTree(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
