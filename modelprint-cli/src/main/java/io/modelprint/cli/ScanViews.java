package io.modelprint.cli;

import io.modelprint.registry.MemberCheck;
import io.modelprint.registry.ScanMatch;
import io.modelprint.verify.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** scan's output: a match as JSON, and a suspect's ranked matches as text. */
final class ScanViews {
    private ScanViews() {}

    static Map<String, Object> match(ScanMatch m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("fingerprint", m.entry().id());
        row.put("owner", m.entry().owner());
        row.put("ownerKey", m.entry().ownerKey());
        row.put("name", m.entry().name());
        row.put("scheme", m.entry().scheme());
        if (!m.checked()) {
            row.put("incompatible", m.incompatible());
            return row;
        }
        if (m.members().size() == 1) {
            put(row, m.members().get(0));
        } else {
            row.put("verdict", m.decision().label());
            row.put("combination", m.combined().rule());
            row.put("decidedBy", m.combined().decidedBy());
            // a tampering bundle counts the members that say modified (as verify names it)
            row.put("any-modified".equals(m.combined().rule()) ? "modifiedMembers" : "derivedMembers", m.combined().derivedMembers());
            row.put("pValue", m.pValue());
            row.put("members", m.members().stream().map(member -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("scheme", member.scheme());
                put(r, member);
                return r;
            }).toList());
        }
        return row;
    }

    private static void put(Map<String, Object> row, MemberCheck member) {
        Verdict v = member.verdict();
        row.put("similarity", v.similarity());
        if (v.countsMatches()) {
            row.put("matchingRate", v.matchingRate());
            row.put("matches", v.matches());
        }
        row.put("queries", v.queries());
        row.put("threshold", v.threshold());
        row.put("pValue", v.pValue());
        row.put("verdict", v.decision().label());
        row.put("decidedBy", v.basis().label());
        row.put("answersSha256", member.answersSha256());
    }

    @SuppressWarnings("unchecked")
    static void printText(Map<String, Object> result) {
        System.out.println();
        System.out.println("suspect " + Terminal.safe((String) result.get("suspect"))
                + (result.get("suspectSha256") != null ? " (sha256 " + ((String) result.get("suspectSha256")).substring(0, 16) + "...)" : ""));
        if (result.containsKey("error")) {
            System.out.println("  error: " + Terminal.safe((String) result.get("error")));
            System.out.flush();
            return;
        }
        System.out.printf("  %4s  %-12s  %-16s  %-20s  %-22s  %10s  %9s  %9s  %s%n", "rank", "fingerprint", "owner", "name", "scheme",
                "similarity", "threshold", "p-value", "verdict");
        int rank = 0;
        for (Map<String, Object> m : (List<Map<String, Object>>) result.get("matches")) {
            String head = String.format("  %4s  %-12s  %-16s  %-20s  %-22s", m.containsKey("incompatible") ? "-" : String.valueOf(++rank),
                    cell(m.get("fingerprint"), 12), cell(m.get("owner"), 16), cell(m.get("name"), 20), cell(m.get("scheme"), 22));
            if (m.containsKey("incompatible")) {
                System.out.println(head + "  not checked: " + Terminal.safe((String) m.get("incompatible")));
            } else if (m.containsKey("members")) {
                boolean tampering = "any-modified".equals(m.get("combination"));
                System.out.printf("%s  %10s  %9s  %9s  %s (%s, %s %s)%n", head, "-", "-", p(m.get("pValue")), m.get("verdict"),
                        TextRows.combinationText(m), m.get(tampering ? "modifiedMembers" : "derivedMembers"), tampering ? "modified" : "derived");
            } else {
                System.out.printf("%s  %10.4f  %9.3f  %9s  %s%n", head, (Double) m.get("similarity"), (Double) m.get("threshold"),
                        p(m.get("pValue")), TextRows.verdictText(m));
            }
        }
        List<Long> evidence = (List<Long>) result.get("evidence");
        if (evidence != null && !evidence.isEmpty()) {
            System.out.printf("  (%.2f s; evidence records %d-%d)%n", (Double) result.get("seconds"), evidence.get(0), evidence.get(1));
        }
        System.out.flush();
    }

    /** A text cell cut to its column (JSON keeps the whole value). */
    private static String cell(Object value, int width) {
        return Columns.fit(Terminal.safe(value == null ? null : String.valueOf(value)), width);
    }

    private static String p(Object value) {
        return value == null ? "-" : String.format("%.2g", (Double) value);
    }
}
