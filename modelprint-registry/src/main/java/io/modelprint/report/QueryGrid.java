package io.modelprint.report;

import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.scheme.Answers;

/**
 * A member's first queries as images, each with the target's label (from the fingerprint) and the
 * suspect's beside it, and a mark where the two agree; it says how many are shown of how many. The
 * queries are the owner's secret: a page for anyone else is rendered without them ({@code withheld}).
 */
final class QueryGrid {
    private QueryGrid() {}

    /** @param answers the suspect's answers, or null when it gave none */
    static String html(Fingerprint member, Answers answers, int limit, boolean withheld) {
        int n = member.size();
        if (withheld) {
            return "<p class=\"withheld\">The " + n + " queries are withheld: a fingerprint's queries are shown to its owner only.</p>";
        }
        int shown = Math.min(n, limit);
        int agree = 0;
        StringBuilder cells = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            long target = member.labels()[i];
            Long suspect = answers == null ? null : answers.labels()[i];
            boolean same = suspect != null && suspect == target;
            agree += same ? 1 : 0;
            cells.append("<figure class=\"query ").append(suspect == null ? "unanswered" : same ? "agree" : "differ").append("\">")
                    .append("<img src=\"").append(QueryImages.dataUri(member.queries(), i)).append("\" alt=\"query ").append(i)
                    .append("\">")
                    .append("<figcaption><span class=\"index\">#").append(i).append("</span> ")
                    .append("<span class=\"target-label\" title=\"the target's label\">T ").append(target).append("</span> ")
                    .append("<span class=\"suspect-label\" title=\"the suspect's label\">S ")
                    .append(suspect == null ? "-" : String.valueOf(suspect)).append("</span>")
                    .append(same ? " <span class=\"mark\" title=\"the labels agree\">&#10003;</span>" : "")
                    .append("</figcaption></figure>");
        }
        if (shown == 0) {
            return "<p class=\"grid-summary\">None of the " + n + " queries is shown: a report shows at most "
                    + OwnershipReport.MAX_IMAGES + " query images, and the fingerprints before this one used them.</p>";
        }
        String summary = "Showing " + (shown == n ? "all " + n : "the first " + shown + " of " + n) + " queries"
                + (answers == null ? "; the suspect gave no answers." : "; the labels agree on " + agree + " of the " + shown + " shown.")
                + " T: the target's label (recorded in the fingerprint), S: the suspect's, &#10003; where they agree.";
        return "<p class=\"grid-summary\">" + summary + "</p><div class=\"query-grid\" data-shown=\"" + shown + "\" data-queries=\"" + n
                + "\">" + cells + "</div>";
    }
}
