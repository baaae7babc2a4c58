package io.modelprint.service;

import io.modelprint.InputException;
import io.modelprint.io.BoundedZip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * A model directory uploaded as a zip: its files, at most {@code maxEntries}, inflating to at most
 * {@code maxInflatedBytes} in all (counted as they inflate, {@link BoundedZip}), either at the top or
 * all in one folder. Any other path (a subfolder, {@code ..}, an absolute name) is refused: an entry's
 * name never becomes a path outside the directory it is unpacked into.
 */
final class ModelArchive {
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private ModelArchive() {}

    static void unpack(Path zip, Path into, long maxInflatedBytes, int maxEntries) {
        Map<String, byte[]> entries;
        try {
            entries = BoundedZip.read(Files.readAllBytes(zip), maxInflatedBytes);
        } catch (ZipException e) {
            throw new InputException("the upload is not a zip of a model directory: " + e.getMessage());
        } catch (IOException e) {
            throw new InputException("the upload cannot be read: " + e.getMessage(), e);
        }
        Map<String, byte[]> files = files(entries, maxEntries);
        try {
            Files.createDirectory(into, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(into.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new InputException("the upload cannot be unpacked: " + e.getMessage(), e);
        }
    }

    /** The files by plain name, with one common top folder (a zipped directory) taken off. */
    private static Map<String, byte[]> files(Map<String, byte[]> entries, int maxEntries) {
        if (entries.size() > maxEntries) {
            throw new InputException("the upload holds " + entries.size() + " entries; a zipped model directory holds at most "
                    + maxEntries);
        }
        String top = commonFolder(entries);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            String name = entry.getKey().substring(top.length());
            if (name.isEmpty() && entry.getKey().endsWith("/")) {
                continue; // the folder itself
            }
            if (!FILE.matcher(name).matches() || name.contains("..")) {
                throw new InputException("the upload holds the entry '" + entry.getKey().replaceAll("\\p{Cntrl}", "?")
                        + "'; a zipped model directory holds its files only (no subfolders, no '..', no absolute paths)");
            }
            files.put(name, entry.getValue());
        }
        if (files.isEmpty()) {
            throw new InputException("the upload is an empty zip; expected a zipped model directory");
        }
        return files;
    }

    /** {@code "folder/"} when every entry is inside one top folder of a plain name, else {@code ""}. */
    private static String commonFolder(Map<String, byte[]> entries) {
        String first = entries.keySet().iterator().next();
        int slash = first.indexOf('/');
        if (slash <= 0) {
            return "";
        }
        String folder = first.substring(0, slash + 1);
        if (!FILE.matcher(folder.substring(0, slash)).matches() || folder.contains("..")) {
            return "";
        }
        return entries.keySet().stream().allMatch(name -> name.startsWith(folder)) ? folder : "";
    }
}
