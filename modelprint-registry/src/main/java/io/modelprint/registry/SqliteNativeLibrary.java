package io.modelprint.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.JarEntry;
import org.sqlite.util.OSInfo;

/**
 * sqlite-jdbc copies its native library out of its jar into a new temporary file on every start
 * (~150 ms of a command that otherwise takes a few hundred). This keeps one copy per library in the
 * user's cache ({@code $XDG_CACHE_HOME/modelprint/sqlite-native/<crc>-<size>}, owner-only; the name
 * comes from the jar's own entry, so another driver version gets another directory) and points the
 * driver at it. Any trouble: the driver's own way.
 */
final class SqliteNativeLibrary {
    private static final String NAME = "libsqlitejdbc.so";
    private static boolean prepared;

    private SqliteNativeLibrary() {}

    static synchronized void prepare() {
        if (prepared || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        prepared = true;
        try {
            URL url = org.sqlite.JDBC.class.getResource("/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + NAME);
            if (url == null || !OSInfo.getOSName().equals("Linux")) {
                return;
            }
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return;
            }
            connection.setUseCaches(false);
            JarEntry entry = jar.getJarEntry();
            if (entry.getCrc() < 0 || entry.getSize() < 0) {
                return;
            }
            Path dir = cacheDir().resolve(Long.toHexString(entry.getCrc()) + "-" + entry.getSize());
            Path file = dir.resolve(NAME);
            if (!Files.isRegularFile(file) || Files.size(file) != entry.getSize()) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Path temp = Files.createTempFile(dir, NAME, ".tmp");
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                jar.getJarFile().close();
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", NAME);
        } catch (IOException | RuntimeException e) {
            // the cache is an optimisation: the driver extracts its library itself
        }
    }

    private static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("modelprint").resolve("sqlite-native");
    }
}
