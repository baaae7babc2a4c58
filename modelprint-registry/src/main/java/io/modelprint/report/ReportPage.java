package io.modelprint.report;

import io.modelprint.ToolVersion;
import io.modelprint.verify.Decision;
import java.util.List;

/** Puts an {@link OwnershipReport} on one page: head, verdict first, the suspect, each fingerprint, evidence, commands. */
final class ReportPage {
    /** Nothing may be fetched or run: styles inline, images as data: URIs, no script at all. */
    static final String POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private ReportPage() {}

    static String render(OwnershipReport report) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Ownership report: ").append(Html.escape(report.suspect().suspect())).append("</title>")
                .append("<style>").append(ReportStyle.CSS).append("</style></head><body>\n");
        html.append("<header><h1>Ownership report</h1><p class=\"sub\">Suspect <code class=\"suspect-name\">")
                .append(Html.escape(report.suspect().suspect())).append("</code> &middot; made ").append(Html.escape(report.generatedAt()))
                .append(" by modelprint ").append(Html.escape(ToolVersion.version())).append("</p></header>\n");
        html.append(headline(report)).append(summary(report)).append(suspect(report));
        List<CheckedFingerprint> detailed = report.detailed();
        List<Integer> budget = report.imageBudget();
        int member = 0;
        for (CheckedFingerprint check : detailed) {
            html.append(FingerprintSection.html(check, budget.subList(member, member + check.members().size()), report.showQueries()))
                    .append('\n');
            member += check.members().size();
        }
        if (report.checks().size() > detailed.size()) {
            html.append("<p class=\"note\">The first ").append(detailed.size()).append(" of the ").append(report.checks().size())
                    .append(" fingerprints checked are shown in detail; every one is in the summary table and the evidence records.</p>");
        }
        html.append(notChecked(report.notChecked())).append(EvidenceSection.html(report.evidence()));
        if (!report.commands().isEmpty()) {
            html.append("<section id=\"reverify\"><h2>Check it again</h2><p>Commands that repeat the check (POSIX shell):</p>")
                    .append("<pre class=\"command\">").append(Html.escape(String.join("\n", report.commands()))).append("</pre></section>");
        }
        html.append(footer()).append("</body></html>\n");
        return html.toString();
    }

    private static String headline(OwnershipReport report) {
        String text;
        String cls;
        if (report.suspectError() != null) {
            cls = "error";
            text = "<span class=\"verdict\">not checked</span>: the suspect could not be checked: " + Html.escape(report.suspectError());
        } else if (report.checks().isEmpty()) {
            cls = "none";
            text = "No fingerprint could be checked against this suspect.";
        } else if (report.checks().size() == 1) {
            CheckedFingerprint check = report.checks().get(0);
            cls = check.decision() == null ? "error" : check.decision().label();
            text = "<span class=\"verdict " + cls + "\">" + Html.escape(check.decisionText()) + "</span>: the suspect against fingerprint <code>"
                    + Html.escape(check.id()) + "</code>" + (check.owner() != null ? " of " + Html.escape(check.owner()) : "")
                    + (check.pValue() != null ? ", p-value <span class=\"p-value\">" + ReportNumbers.pValue(check.pValue()) + "</span>" : "");
        } else {
            long derived = count(report, Decision.DERIVED);
            long unmodified = count(report, Decision.UNMODIFIED);
            long tampering = unmodified + count(report, Decision.MODIFIED);
            long derivation = report.checks().size() - tampering;
            String tamperingText = tampering == 0 ? "" : unmodified + " of the " + tampering + " tampering fingerprints read unmodified.";
            if (derivation == 0) {
                cls = unmodified == tampering ? "unmodified" : "modified";
                text = "<span class=\"verdict " + cls + "\">" + cls + "</span>: " + tamperingText;
            } else {
                cls = derived > 0 ? "derived" : "independent";
                text = "<span class=\"verdict " + cls + "\">" + cls + "</span>: judged derived from " + derived + " of the " + derivation
                        + " fingerprints checked for derivation." + (tampering == 0 ? "" : " " + tamperingText);
            }
        }
        return "<p class=\"headline " + cls + "\" id=\"headline\">" + text + "</p>\n";
    }

    private static long count(OwnershipReport report, Decision decision) {
        return report.checks().stream().filter(c -> c.decision() == decision).count();
    }

    private static String summary(OwnershipReport report) {
        if (report.checks().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<table class=\"summary\"><thead><tr><th>#</th><th>fingerprint</th><th>owner</th>"
                + "<th>scheme</th><th>verdict</th><th>p-value</th></tr></thead><tbody>");
        int rank = 0;
        for (CheckedFingerprint check : report.checks()) {
            String decision = check.decision() == null ? "error" : check.decision().label();
            html.append("<tr><td class=\"num\">").append(++rank).append("</td><td><code>").append(Html.escape(check.id())).append("</code> ")
                    .append(Html.escape(check.name())).append("</td><td>").append(Html.escape(check.owner())).append("</td><td>")
                    .append(Html.escape(String.join(", ", check.members().stream().map(m -> m.meta().scheme()).toList())))
                    .append("</td>").append(FingerprintSection.verdictCell(decision, check.decisionText()))
                    .append("<td class=\"num p-value\">").append(ReportNumbers.pValue(check.pValue())).append("</td></tr>");
        }
        return html.append("</tbody></table>\n").toString();
    }

    private static String suspect(OwnershipReport report) {
        var s = report.suspect();
        StringBuilder html = new StringBuilder("<section id=\"suspect\"><h2>The suspect</h2><dl class=\"fields\"><dt>model</dt><dd><code>")
                .append(Html.escape(s.suspect())).append("</code></dd><dt>SHA-256</dt><dd>")
                .append(s.sha256() != null ? "<code class=\"hash\">" + Html.escape(s.sha256()) + "</code>"
                        : "<span class=\"note\">none (a server, or a model that could not be read)</span>").append("</dd>");
        if (s.metadata() != null) {
            html.append("<dt>server metadata</dt><dd><pre>").append(Html.escape(s.metadata())).append("</pre></dd>");
        }
        if (report.suspectError() != null) {
            html.append("<dt>error</dt><dd class=\"error\">").append(Html.escape(report.suspectError())).append("</dd>");
        }
        return html.append("</dl></section>\n").toString();
    }

    private static String notChecked(List<UncheckedFingerprint> unchecked) {
        if (unchecked.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section id=\"not-checked\"><h2>Fingerprints not checked</h2><table><thead><tr>"
                + "<th>fingerprint</th><th>owner</th><th>name</th><th>scheme</th><th>why</th></tr></thead><tbody>");
        for (UncheckedFingerprint u : unchecked) {
            html.append("<tr><td><code>").append(Html.escape(u.id())).append("</code></td><td>").append(Html.escape(u.owner()))
                    .append("</td><td>").append(Html.escape(u.name())).append("</td><td>").append(Html.escape(u.scheme()))
                    .append("</td><td>").append(Html.escape(u.reason())).append("</td></tr>");
        }
        return html.append("</tbody></table></section>\n").toString();
    }

    private static String footer() {
        return "<footer><p>How to read this report. A verdict decided by a p-value is <em>derived</em> when p &le; &alpha;: p is the"
                + " probability that a model independent of the target is at least as similar to the fingerprint as the suspect is,"
                + " under the null distribution fitted to the reference models shown, and never smaller than those references"
                + " support (docs/verification.md). An uncalibrated verdict compares the similarity with a threshold and says so."
                + " The signature shows who made the fingerprint; its content hash, that it was not changed since. The queries"
                + " are the owner's secret: keep this page as confidential as the fingerprint.</p></footer>\n";
    }
}
