package io.modelprint.report;

import io.modelprint.io.Sha256;
import java.nio.charset.StandardCharsets;

/**
 * File names for one report per suspect in a directory: the suspect's last path or URL segment
 * reduced to letters, digits, '.', '_' and '-' (no separators, no leading dot, bounded length),
 * then the first 12 hex digits of the SHA-256 of the suspect as given, so two suspects never share
 * a file and a hostile name cannot leave the directory.
 */
public final class ReportFileNames {
    static final int MAX_STEM = 48;

    private ReportFileNames() {}

    /** E.g. {@code model-a-3f2a9c1d0e4b.html} for {@code zoo/model-a}. */
    public static String of(String suspect) {
        String trimmed = suspect.replaceAll("[/\\\\]+$", "");
        String last = trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
        String stem = last.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._-]+", "");
        if (stem.length() > MAX_STEM) {
            stem = stem.substring(0, MAX_STEM);
        }
        String hash = Sha256.hex(suspect.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        return (stem.isEmpty() ? "suspect" : stem) + "-" + hash + ".html";
    }
}
