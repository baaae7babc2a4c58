package io.modelprint.cli;

import io.modelprint.registry.MemberCheck;
import io.modelprint.registry.RegisteredFingerprint;
import io.modelprint.registry.RegistryEntry;
import io.modelprint.registry.ScanMatch;
import io.modelprint.report.CheckedFingerprint;
import io.modelprint.report.MemberOutcome;
import io.modelprint.report.UncheckedFingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A scanned suspect's matches as an ownership report lists them: the fingerprints checked, with the commands that
 * check each again, and those that could not be checked. Shared by {@code scan --report} and {@code registry serve}.
 */
record ReportChecks(List<CheckedFingerprint> checked, List<UncheckedFingerprint> notChecked) {
    /**
     * The {@code matches} (null: none) of entries {@code shown} accepts; {@code registered} gives each checked
     * fingerprint's members, {@code commands} the lines that check fingerprint {@code id} again.
     */
    static ReportChecks of(List<ScanMatch> matches, List<RegisteredFingerprint> registered, Predicate<RegistryEntry> shown,
            Function<String, List<String>> commands) {
        Map<String, RegisteredFingerprint> byId = registered.stream()
                .collect(Collectors.toMap(r -> r.entry().id(), Function.identity(), (a, b) -> a));
        List<CheckedFingerprint> checked = new ArrayList<>();
        List<UncheckedFingerprint> unchecked = new ArrayList<>();
        for (ScanMatch match : matches == null ? List.<ScanMatch>of() : matches) {
            RegistryEntry entry = match.entry();
            if (!shown.test(entry)) {
                continue;
            }
            if (!match.checked()) {
                unchecked.add(new UncheckedFingerprint(entry.id(), entry.owner(), entry.name(), entry.scheme(), match.incompatible()));
                continue;
            }
            List<MemberOutcome> outcomes = match.members().stream().map(ReportChecks::outcome).toList();
            checked.add(new CheckedFingerprint(entry.id(), entry.name(), entry.owner(), entry.ownerKey(), byId.get(entry.id()).members(),
                    outcomes, match.combined(), commands.apply(entry.id())));
        }
        return new ReportChecks(checked, unchecked);
    }

    private static MemberOutcome outcome(MemberCheck member) {
        return MemberOutcome.judged(member.verdict(), member.answers());
    }
}
