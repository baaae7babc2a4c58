package io.modelprint.report;

import io.modelprint.registry.EvidenceRecord;

/**
 * The evidence records the checks appended, with their hashes, and the head of the chain they were
 * appended to with the registry's signature over it: what an auditor compares with the log.
 */
final class EvidenceSection {
    private EvidenceSection() {}

    static String html(ReportEvidence evidence) {
        StringBuilder html = new StringBuilder("<section id=\"evidence\"><h2>Evidence records</h2>");
        if (evidence == null || evidence.records().isEmpty()) {
            return html.append("<p class=\"note\">These checks were not recorded in an evidence log.</p></section>").toString();
        }
        html.append("<p>").append(evidence.records().size()).append(" record(s) appended to the evidence log of <code>")
                .append(Html.escape(evidence.database())).append("</code>. Each record's hash covers its fields and the hash of the"
                + " record before it (docs/registry.md gives the canonical text), so a change to any of them, or a removal, breaks"
                + " the chain.</p>");
        html.append("<table class=\"evidence\"><thead><tr><th>#</th><th>recorded at</th><th>fingerprint</th><th>owner</th><th>verdict</th>"
                + "<th>similarity</th><th>p-value</th></tr></thead><tbody>");
        for (EvidenceRecord r : evidence.records()) {
            html.append("<tr class=\"evidence-record\"><td class=\"num\">").append(r.seq()).append("</td><td>")
                    .append(Html.escape(r.recordedAt())).append("</td><td><code>").append(Html.escape(r.fingerprintId()))
                    .append("</code> ").append(Html.escape(r.scheme())).append("</td><td>").append(Html.escape(r.owner()))
                    .append("</td>").append(FingerprintSection.verdictCell(r.verdict(), r.verdict()))
                    .append("<td class=\"num\">").append(ReportNumbers.similarity(r.similarity())).append("</td><td class=\"num\">")
                    .append(ReportNumbers.pValue(r.pValue())).append("</td></tr>");
            html.append("<tr class=\"evidence-hashes\"><td></td><td colspan=\"6\"><dl class=\"fields\">")
                    .append(hash("record hash", r.recordHash())).append(hash("previous hash", r.previousHash()))
                    .append(hash("answers SHA-256", r.answersSha256())).append(hash("fingerprint SHA-256", r.fingerprintSha256()))
                    .append(r.suspectSha256() != null ? hash("suspect SHA-256", r.suspectSha256()) : "")
                    .append(r.ownerKey() != null ? hash("owner key", r.ownerKey()) : "").append("</dl></td></tr>");
        }
        html.append("</tbody></table>");
        EvidenceRecord head = evidence.head();
        html.append("<dl class=\"fields chain-head\"><dt>chain head</dt><dd>record ").append(head.seq())
                .append(": <code class=\"hash head-hash\">").append(Html.escape(head.recordHash())).append("</code> (the head of the"
                + " log when these records were appended; keep it: a log rewritten later no longer contains it)</dd>");
        html.append("<dt>registry signature</dt><dd>");
        if (head.registrySignature() == null) {
            html.append("<span class=\"note\">none on this record</span>");
        } else {
            html.append("by registry key <code class=\"hash\">").append(Html.escape(head.registryKey()))
                    .append("</code> (Ed25519, over the head's hash): <code class=\"hash\">").append(Html.escape(head.registrySignature()))
                    .append("</code>");
        }
        return html.append("</dd></dl></section>").toString();
    }

    private static String hash(String name, String value) {
        return "<dt>" + Html.escape(name) + "</dt><dd><code class=\"hash\">" + Html.escape(value) + "</code></dd>";
    }
}
