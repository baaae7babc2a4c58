package io.modelprint.service;

import io.javalin.http.Context;
import io.modelprint.InputException;
import io.modelprint.io.AtomicFiles;
import io.modelprint.io.Sha256;
import io.modelprint.registry.service.ScanJob;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Uploaded suspects, kept until their scan is over in a directory only this user can enter, each under a
 * name the service chooses ({@code <job id>.<format>}): the name a hub gives is checked and recorded,
 * never used as a path. Bodies are streamed to disk up to the limit (413 beyond it).
 */
final class Uploads {
    /** A plain file name: no directory, no leading dot, one of the formats scan takes. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.(pt|onnx|zip)", Pattern.CASE_INSENSITIVE);
    private static final String OWNER_ONLY_DIR = "rwx------";
    /** A model directory zipped holds its files only, and a few of them. */
    static final int MAX_ARCHIVE_ENTRIES = 64;

    private final Path dir;
    private final long maxBytes;

    private Uploads(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /** The upload directory, made owner-only if missing; refused when it is a link, another user's, or open to others. */
    static Uploads open(Path dir, long maxBytes) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(absolute.getParent());
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY_DIR)));
            }
            if (!Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
                throw new InputException("--upload-dir " + dir + ": not a directory (or a symbolic link)");
            }
            String owner = Files.getOwner(absolute, LinkOption.NOFOLLOW_LINKS).getName();
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(absolute, LinkOption.NOFOLLOW_LINKS));
            if (!owner.equals(System.getProperty("user.name")) || !mode.equals(OWNER_ONLY_DIR)) {
                throw new InputException("--upload-dir " + dir + ": must be this user's and owner-only (rwx------), is " + owner
                        + "'s with mode " + mode + " (chmod 700 it, or name another)");
            }
        } catch (IOException e) {
            throw new InputException("--upload-dir " + dir + ": cannot prepare it: " + e.getMessage(), e);
        }
        return new Uploads(absolute, maxBytes);
    }

    Path dir() {
        return dir;
    }

    /** The upload's file name as kept ({@code <job id>.<format>}), its SHA-256 and size. */
    record Stored(String fileName, String sha256, long size) {}

    /** The format of a name a hub gave, or 400 when it is not a plain name of a model file. */
    static String format(String clientName) {
        if (clientName == null || !NAME.matcher(clientName).matches() || clientName.contains("..")) {
            throw new ApiError(400, "filename: expected a plain file name ending in .pt, .onnx or .zip (a zipped model directory),"
                    + " of letters, digits and ._- (no directories), got " + (clientName == null ? "none" : "'" + printable(clientName) + "'"));
        }
        return clientName.substring(clientName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /** Streams the request body into {@code <jobId>.<format>}; nothing is left behind when it is refused. */
    Stored receive(Context ctx, String jobId, String format) {
        String fileName = jobId + "." + format;
        Path file = dir.resolve(fileName);
        MessageDigest digest = Sha256.newDigest();
        long size;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), digest)) {
            size = RequestBodies.copy(ctx, maxBytes, out);
        } catch (IOException | RuntimeException e) {
            AtomicFiles.deleteQuietly(file);
            throw e instanceof ApiError api ? api : new ApiError(500, "could not store the upload");
        }
        try {
            if (size == 0) {
                throw new ApiError(400, "the upload is empty; send the model file as the request body");
            }
            if (!format.equals("onnx") && !startsWithZipHeader(file)) {
                throw new ApiError(400, "the upload is not a ." + format + " file: a " + (format.equals("pt") ? "TorchScript file"
                        : "zip") + " starts with a zip header");
            }
        } catch (ApiError e) {
            AtomicFiles.deleteQuietly(file);
            throw e;
        }
        return new Stored(fileName, HexFormat.of().formatHex(digest.digest()), size);
    }

    /** The model to open for {@code job}: the uploaded file, or for a zip the model directory it holds (unpacked here). */
    Path model(ScanJob job) {
        Path file = dir.resolve(job.uploadFile());
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException("the upload is no longer in the service's upload directory");
        }
        if (!job.uploadFile().endsWith(".zip")) {
            return file;
        }
        Path unpacked = dir.resolve(job.id() + ".model");
        AtomicFiles.deleteTreeQuietly(unpacked);
        ModelArchive.unpack(file, unpacked, Math.min(Integer.MAX_VALUE - 9L, 4 * maxBytes), MAX_ARCHIVE_ENTRIES);
        return unpacked;
    }

    /** Removes what {@code job} left here. */
    void discard(ScanJob job) {
        discard(job.id(), job.uploadFile());
    }

    void discard(String jobId, String uploadFile) {
        if (uploadFile != null) {
            AtomicFiles.deleteQuietly(dir.resolve(uploadFile));
            AtomicFiles.deleteTreeQuietly(dir.resolve(jobId + ".model"));
        }
    }

    /** After a restart: removes everything but the uploads of the jobs still to run (a crash can leave a half-received file). */
    void sweep(Set<String> keep) {
        try (var entries = Files.list(dir)) {
            entries.filter(path -> !keep.contains(path.getFileName().toString())).forEach(AtomicFiles::deleteTreeQuietly);
        } catch (IOException e) {
            throw new InputException("--upload-dir " + dir + ": cannot list it: " + e.getMessage(), e);
        }
    }

    /** A message with this directory's path replaced: callers are not told where the service keeps files. */
    String scrub(String message) {
        return message == null ? null : message.replace(dir.toString() + "/", "").replace(dir.toString(), "upload directory");
    }

    private static boolean startsWithZipHeader(Path file) throws ApiError {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    private static String printable(String text) {
        String cut = text.length() > 120 ? text.substring(0, 120) + "..." : text;
        return cut.replaceAll("[\\p{Cntrl}]", "?");
    }
}
