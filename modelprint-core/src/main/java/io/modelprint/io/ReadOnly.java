package io.modelprint.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Whether a file was made read-only. {@link Files#isWritable} asks the operating system, which lets
 * root write anything: a user who ran {@code chmod 444} on a fingerprint in a container (where root is
 * the usual user) still means "do not replace it", so the mode bits decide where there are any.
 */
public final class ReadOnly {
    private ReadOnly() {}

    public static boolean is(Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        if (!Files.isWritable(file)) {
            return true;
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            return !mode.contains(PosixFilePermission.OWNER_WRITE) && !mode.contains(PosixFilePermission.GROUP_WRITE)
                    && !mode.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return false; // no mode bits here: the operating system's answer stands
        }
    }
}
