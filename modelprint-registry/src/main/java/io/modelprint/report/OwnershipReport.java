package io.modelprint.report;

import io.modelprint.io.AtomicFiles;
import io.modelprint.registry.SuspectIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One suspect's ownership report: a self-contained HTML page (styles inline, images as {@code data:}
 * URIs, no script, a Content-Security-Policy that lets it fetch nothing) that a person can read and
 * print — the fingerprints checked, who signed them and what made them, the queries with the target's
 * and the suspect's answers, the null distribution with the suspect marked, p-values and verdicts,
 * the evidence records and the commands that check it all again. Built from plain values, so that
 * {@code verify}, {@code scan} and a service render the same page.
 *
 * @param suspect which suspect, as the evidence log identifies it
 * @param suspectError why the suspect could not be checked at all (it failed to load); null when it was
 * @param checks the fingerprints it was checked against, in the order to show them (a scan: ranked)
 * @param notChecked registered fingerprints it could not be checked against
 * @param evidence the records the checks appended; null when they were not recorded
 * @param commands shell commands that repeat the whole check
 * @param showQueries false: the queries are withheld (a page for someone other than the owner)
 * @param generatedAt when the report was made (ISO-8601)
 */
public record OwnershipReport(SuspectIdentity suspect, String suspectError, List<CheckedFingerprint> checks,
        List<UncheckedFingerprint> notChecked, ReportEvidence evidence, List<String> commands, boolean showQueries,
        String generatedAt) {
    /** The page's Content-Security-Policy (also in the page): nothing may be fetched or run. A server sends it as a header too. */
    public static final String CONTENT_SECURITY_POLICY = ReportPage.POLICY;
    /** At most this many query images in one report, shared among the members shown in detail. */
    public static final int MAX_IMAGES = 100;
    /** At most this many fingerprints shown in detail (the rest are rows of the summary table). */
    public static final int MAX_DETAILED = 20;

    public OwnershipReport {
        checks = List.copyOf(checks);
        notChecked = List.copyOf(notChecked);
        commands = List.copyOf(commands);
    }

    /** The page. */
    public String html() {
        return ReportPage.render(this);
    }

    /**
     * Writes the page to {@code file} atomically and owner-only (it shows the fingerprint's queries,
     * the owner's secret); an existing file keeps its permissions.
     */
    public void write(Path file) {
        byte[] bytes = html().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writePrivate(file, out -> out.write(bytes));
    }

    /** The fingerprints shown in detail: the first {@link #MAX_DETAILED}. */
    List<CheckedFingerprint> detailed() {
        return checks.subList(0, Math.min(MAX_DETAILED, checks.size()));
    }

    /**
     * How many query images each member shown in detail gets, in page order, so that the report holds at most
     * {@link #MAX_IMAGES}: an even share, at least one while the budget lasts.
     */
    List<Integer> imageBudget() {
        int members = detailed().stream().mapToInt(c -> c.members().size()).sum();
        int share = members == 0 ? 0 : Math.max(1, MAX_IMAGES / members);
        List<Integer> budget = new java.util.ArrayList<>();
        int left = MAX_IMAGES;
        for (CheckedFingerprint check : detailed()) {
            for (var member : check.members()) {
                int images = Math.min(Math.min(share, left), member.size());
                budget.add(images);
                left -= images;
            }
        }
        return budget;
    }
}
