package io.modelprint.lab.report;

import io.modelprint.fleet.FleetMember;
import io.modelprint.lab.fleet.FleetDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One sentence on the owner's fleet a report's verdicts were made with: its members by role and kind, and what it cost. */
public record FleetSummary(String text, double buildSeconds, String sha256) {
    public static FleetSummary of(FleetDirectory fleet, Path dir) {
        String text = String.format(Locale.ROOT, "The owner's fleet (`%s`, built in %.1f min, hash %s...): %d surrogates (%s) and %d"
                + " references (%s), trained with seeds of their own, none of them a zoo suspect.", dir, fleet.buildSeconds() / 60,
                fleet.sha256().substring(0, 12), fleet.surrogates().size(), kinds(fleet.surrogates()), fleet.references().size(),
                kinds(fleet.references()));
        return new FleetSummary(text, fleet.buildSeconds(), fleet.sha256());
    }

    static String kinds(List<FleetMember> members) {
        Map<String, Integer> counts = new TreeMap<>();
        members.forEach(m -> counts.merge(m.kind(), 1, Integer::sum));
        StringBuilder text = new StringBuilder();
        counts.forEach((kind, count) -> text.append(text.length() == 0 ? "" : ", ").append(count).append(' ').append(kind));
        return text.toString();
    }
}
