package io.modelprint.cli;

import io.modelprint.fingerprint.FingerprintMeta;
import io.modelprint.verify.DecisionBasis;
import java.util.List;
import java.util.Map;

/**
 * verify's text output, one row per suspect printed as soon as it is known, so a suspect that
 * hangs or kills the run does not take the others' results with it. Everything a suspect says (an
 * error text from a server) is printed through {@link Terminal#safe}.
 */
final class TextRows {
    private final int width;
    private final boolean calibrated;
    private final boolean bundle;
    private final boolean tampering;

    TextRows(List<String> suspects, String scheme, String thresholdText, List<FingerprintMeta> members, boolean tampering) {
        this.tampering = tampering;
        this.width = Math.max(7, suspects.stream().mapToInt(s -> Terminal.safe(s).length()).max().orElse(7)
                + (scheme.startsWith("bundle") ? 14 : 0));
        this.calibrated = members.stream().allMatch(m -> m.calibration() != null);
        this.bundle = members.size() > 1;
        // a bundle's rows mix matching rates with other similarities
        boolean rates = members.stream().allMatch(m -> m.formatVersion() == 1 || "labels".equals(m.representation()));
        String column = tampering ? "samples same" : rates ? "matching rate" : "similarity";
        System.out.printf("%-" + width + "s  %13s  %9s  %s%n", "suspect", column, "p-value",
                "verdict (" + scheme + ", " + thresholdText + ")");
        System.out.flush();
    }

    @SuppressWarnings("unchecked")
    void print(Map<String, Object> r) {
        if (r.containsKey("members")) {
            for (Map<String, Object> member : (List<Map<String, Object>>) r.get("members")) {
                Map<String, Object> shown = new java.util.LinkedHashMap<>(member);
                shown.put("suspect", member.get("suspect") + " [" + member.getOrDefault("scheme", "?") + "]");
                print(shown);
            }
            String suspect = Terminal.safe((String) r.get("suspect"));
            Object p = r.get("pValue");
            System.out.printf("%-" + width + "s  %13s  %9s  %s%n", suspect + " [bundle]", r.getOrDefault(tampering ? "modifiedMembers" : "derivedMembers", "-")
                    + (tampering ? " modified" : " derived"), p == null ? "-" : String.format("%.2g", (Double) p),
                    r.containsKey("error") ? "error: " + Terminal.safe((String) r.get("error"))
                            : r.get("verdict") + " (" + combinationText(r) + ")");
            System.out.flush();
            return;
        }
        String suspect = Terminal.safe((String) r.get("suspect"));
        if (r.containsKey("error")) {
            System.out.printf("%-" + width + "s  %13s  %9s  error: %s%n", suspect, "-", "-", Terminal.safe((String) r.get("error")));
        } else {
            Object p = r.get("pValue");
            System.out.printf("%-" + width + "s  %13.2f  %9s  %s%n", suspect, (Double) r.get("similarity"),
                    p == null ? "-" : String.format("%.2g", (Double) p), verdictText(r));
            if (r.containsKey("queriesSent")) {
                System.out.printf("%-" + width + "s  (%d queries sent in %d requests, %d retries, %d answers from the cache;"
                        + " %.2f s)%n", "", r.get("queriesSent"), r.get("requests"), r.get("retries"), r.get("cachedAnswers"),
                        (Double) r.getOrDefault("seconds", r.get("httpSeconds")));
            }
            if (r.containsKey("repeats")) {
                int inconsistent = (Integer) r.get("inconsistentQueries");
                System.out.printf("%-" + width + "s  (every query asked %d times: %s)%n", "", r.get("repeats"), inconsistent == 0
                        ? "the answers never changed"
                        : inconsistent + " of " + r.get("queries") + " queries got differing answers: the suspect randomizes its answers");
            }
        }
        System.out.flush();
    }

    /** The verdict with what decided it when that was not a p-value: "derived (uncalibrated)". */
    static String verdictText(Map<String, Object> r) {
        return decidedByPValue(r) ? String.valueOf(r.get("verdict")) : r.get("verdict") + " (" + r.get("decidedBy") + ")";
    }

    /** A bundle's combination rule, and that it is uncalibrated when it is: "majority, uncalibrated". */
    static String combinationText(Map<String, Object> r) {
        return r.get("combination") + (decidedByPValue(r) ? "" : ", " + r.get("decidedBy"));
    }

    private static boolean decidedByPValue(Map<String, Object> r) {
        Object basis = r.get("decidedBy");
        return basis == null || DecisionBasis.P_VALUE.label().equals(basis);
    }

    void finish() {
        if (tampering) {
            System.out.println("(tampering: 'unmodified' means every sensitive sample was answered as the target did, within the"
                    + " tolerance an honest re-export needs; it is not calibrated and says nothing about derivation)");
            return;
        }
        if (!calibrated) {
            System.out.println("(no p-value: the fingerprint is not calibrated; run modelprint calibrate with reference negatives)");
        }
        if (!calibrated && bundle) {
            // complementary schemes (IPGuard for fine-tuned copies, AKH/SAC for extraction) rarely agree on a copy
            System.out.println("(an uncalibrated bundle takes the majority of its schemes' verdicts: a copy that only one scheme"
                    + " recognises, e.g. a fine-tuned copy under ipguard alone, is called independent; calibrated, the bundle"
                    + " decides by the Bonferroni p-value, where one scheme that is sure is enough)");
        }
    }
}
