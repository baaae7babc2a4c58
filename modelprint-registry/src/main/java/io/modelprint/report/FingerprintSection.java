package io.modelprint.report;

import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintSigner;
import io.modelprint.signature.Ed25519;
import io.modelprint.verify.CombinedVerdict;
import io.modelprint.verify.Verdict;

/**
 * One checked fingerprint in detail: who signed it and who it is registered to, the verdict of every
 * member and the combined one, then per member what made it, the null distribution with the suspect
 * marked and the grid of queries with both models' answers.
 */
final class FingerprintSection {
    private FingerprintSection() {}

    /** @param images how many query images each member may show */
    static String html(CheckedFingerprint check, java.util.List<Integer> images, boolean showQueries) {
        StringBuilder html = new StringBuilder("<section class=\"fingerprint\" id=\"fingerprint-").append(Html.escape(check.id()))
                .append("\"><h2>Fingerprint <code>").append(Html.escape(check.id())).append("</code>")
                .append(check.name() != null ? " &mdash; " + Html.escape(check.name()) : "").append("</h2>");
        html.append(identity(check));
        html.append("<h3>Verdicts</h3>").append(verdicts(check));
        for (int i = 0; i < check.members().size(); i++) {
            html.append(member(check, i, images.get(i), showQueries));
        }
        if (!check.commands().isEmpty()) {
            html.append("<h3>Check this fingerprint again</h3><pre class=\"command\">")
                    .append(Html.escape(String.join("\n", check.commands()))).append("</pre>");
        }
        return html.append("</section>").toString();
    }

    private static String identity(CheckedFingerprint check) {
        FingerprintSigner.Status status = FingerprintSigner.Status.of(check.members());
        String cls = status.status().equals("verified") ? "verified" : status.status().equals("unsigned") ? "unsigned" : "partly";
        StringBuilder html = new StringBuilder("<dl class=\"fields identity\"><dt>signature</dt><dd class=\"signature ")
                .append(cls).append("\">");
        if (status.signers().isEmpty()) {
            html.append("unsigned: nothing in the file says who made it (its content hash only shows it was not changed)");
        } else {
            html.append(status.status().equals("verified") ? "verified" : "verified on some members only, others unsigned")
                    .append(": signed with ").append(Ed25519.ALGORITHM).append(" by key ");
            status.signers().forEach(key -> html.append("<code class=\"hash key\">").append(Html.escape(key)).append("</code> "));
        }
        html.append("</dd><dt>registered owner</dt><dd>");
        if (check.owner() == null) {
            html.append("<span class=\"note\">not registered under its signer's key</span>");
        } else {
            html.append("<span class=\"owner\">").append(Html.escape(check.owner())).append("</span>");
            if (check.ownerKey() != null) {
                boolean same = status.signers().size() == 1 && status.signers().get(0).equals(check.ownerKey());
                html.append(", bound to key <code class=\"hash\">").append(Html.escape(check.ownerKey())).append("</code>")
                        .append(same ? " (the key that signed the file)" : " <span class=\"error\">(not the key that signed the file)</span>");
            }
        }
        html.append("</dd><dt>content SHA-256</dt><dd>");
        check.members().forEach(m -> html.append("<code class=\"hash\">").append(Html.escape(m.meta().contentSha256())).append("</code> "));
        return html.append("</dd></dl>").toString();
    }

    private static String verdicts(CheckedFingerprint check) {
        StringBuilder html = new StringBuilder("<table class=\"verdicts\"><thead><tr><th>member</th><th>scheme</th><th>similarity</th>"
                + "<th>matches</th><th>threshold</th><th>p-value</th><th>verdict</th><th>decided by</th></tr></thead><tbody>");
        for (int i = 0; i < check.members().size(); i++) {
            MemberOutcome outcome = check.outcomes().get(i);
            Verdict v = outcome.verdict();
            html.append("<tr class=\"member-verdict\"><td class=\"num\">").append(i + 1).append("</td><td>")
                    .append(Html.escape(check.members().get(i).meta().scheme())).append("</td>");
            if (v == null) {
                html.append("<td colspan=\"6\" class=\"error\">not judged: ").append(Html.escape(outcome.error())).append("</td>");
            } else {
                html.append(num(ReportNumbers.similarity(v.similarity())))
                        .append(num(v.countsMatches() ? v.matches() + " / " + v.queries() : "-"))
                        .append(num(ReportNumbers.similarity(v.threshold())))
                        .append("<td class=\"num p-value\">").append(ReportNumbers.pValue(v.pValue())).append("</td>")
                        .append(verdictCell(v.decision().label(), v.decisionText()))
                        .append("<td>").append(Html.escape(v.basis().label()))
                        .append(v.pValue() != null ? " (&alpha; = " + ReportNumbers.similarity(v.alpha()) + ")" : "").append("</td>");
            }
            html.append("</tr>");
        }
        CombinedVerdict combined = check.combined();
        if (combined != null) {
            html.append("<tr class=\"combined-verdict\"><td colspan=\"2\"><strong>combined (").append(Html.escape(combined.rule()))
                    .append(")</strong></td><td colspan=\"3\">").append(combined.derivedMembers()).append(" of ")
                    .append(combined.members()).append(" members derived</td><td class=\"num p-value\">")
                    .append(ReportNumbers.pValue(combined.pValue())).append("</td>")
                    .append(verdictCell(combined.decision().label(), combined.decision().label()))
                    .append("<td>").append(Html.escape(combined.decidedBy())).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    static String verdictCell(String decision, String text) {
        return "<td class=\"verdict " + Html.escape(decision) + "\">" + Html.escape(text) + "</td>";
    }

    private static String num(String text) {
        return "<td class=\"num\">" + Html.escape(text) + "</td>";
    }

    private static String member(CheckedFingerprint check, int i, int images, boolean showQueries) {
        Fingerprint member = check.members().get(i);
        MemberOutcome outcome = check.outcomes().get(i);
        StringBuilder html = new StringBuilder("<section class=\"member\"><h3>")
                .append(check.members().size() > 1 ? "Member " + (i + 1) + ": " : "Scheme ")
                .append(Html.escape(member.meta().scheme())).append("</h3>");
        html.append("<h4>Provenance (the target and how the fingerprint was made, as its meta.json records)</h4>")
                .append(ProvenanceFields.html(member.meta(), member.size()));
        if (outcome.verdict() != null) {
            html.append("<h4>Null distribution</h4>").append(NullDistributionChart.html(member.meta().calibration(), outcome.verdict()));
        } else {
            html.append("<p class=\"error\">The suspect was not judged on this member: ").append(Html.escape(outcome.error()))
                    .append("</p>");
        }
        html.append("<h4>Queries and answers</h4>").append(QueryGrid.html(member, outcome.answers(), images, !showQueries));
        return html.append("</section>").toString();
    }
}
