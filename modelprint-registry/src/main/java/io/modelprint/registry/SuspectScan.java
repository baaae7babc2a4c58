package io.modelprint.registry;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.model.Classifier;
import io.modelprint.model.WhiteBox;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Scheme;
import io.modelprint.verify.CombinedVerdict;
import io.modelprint.verify.RepeatCheck;
import io.modelprint.verify.SuspectFit;
import io.modelprint.verify.Verdict;
import io.modelprint.verify.Verifier;
import io.modelprint.data.InputSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One suspect against every registered fingerprint: the suspect is opened once per input spec the
 * fingerprints use (a spec it cannot take makes its fingerprints "not checked", with the reason); for
 * each, the fingerprints it can be checked against are found (input spec, class count, access), their
 * queries merged ({@link QueryPlan}) and asked in one pass, with scores when any of them compares
 * scores (and the suspect's weights read once when any compares weights), then each is judged on its own rows.
 */
public final class SuspectScan {
    private final Verifier verifier;
    private final double alpha;

    /** @param threshold one threshold for every scheme, or null for each scheme's default */
    public SuspectScan(Double threshold, double alpha) {
        this.verifier = new Verifier(threshold, alpha);
        this.alpha = alpha;
    }

    /**
     * Every registered fingerprint against the suspect {@code opener} opens, once per input spec of the usable
     * fingerprints (the most common first), ranked ({@link ScanMatch#RANKING}). A spec the suspect cannot take
     * lists its fingerprints as not checked; a suspect that takes none of them is refused with the reasons.
     */
    public List<ScanMatch> scan(SuspectOpener opener, List<RegisteredFingerprint> registered) {
        List<ScanMatch> matches = new ArrayList<>();
        registered.stream().filter(f -> !f.usable()).forEach(f -> matches.add(unusable(f)));
        Map<InputSpec, List<RegisteredFingerprint>> bySpec = bySpec(registered);
        List<String> refusals = new ArrayList<>();
        for (Map.Entry<InputSpec, List<RegisteredFingerprint>> group : bySpec.entrySet()) {
            List<RegisteredFingerprint> fingerprints = group.getValue();
            Classifier suspect;
            try {
                suspect = opener.open(group.getKey(), fingerprints.get(0).members().get(0).meta().numClasses(),
                        RegisteredFingerprint.anyComparesScores(fingerprints));
            } catch (InputException e) {
                refusals.add(e.getMessage());
                fingerprints.forEach(f -> matches.add(ScanMatch.incompatible(f.entry(), e.getMessage())));
                continue;
            }
            try (suspect) {
                matches.addAll(scanUsable(suspect, fingerprints));
            }
        }
        if (!bySpec.isEmpty() && refusals.size() == bySpec.size()) {
            List<String> distinct = refusals.stream().distinct().toList();
            throw new InputException(distinct.size() == 1 ? distinct.get(0)
                    : "the suspect takes none of the registry's " + refusals.size() + " input specs (" + String.join("; ", distinct) + ")");
        }
        matches.sort(ScanMatch.RANKING);
        return matches;
    }

    /** Every registered fingerprint against {@code suspect}, opened for one input spec, ranked ({@link ScanMatch#RANKING}). */
    public List<ScanMatch> scan(Classifier suspect, List<RegisteredFingerprint> registered) {
        List<ScanMatch> matches = new ArrayList<>();
        registered.stream().filter(f -> !f.usable()).forEach(f -> matches.add(unusable(f)));
        matches.addAll(scanUsable(suspect, registered.stream().filter(RegisteredFingerprint::usable).toList()));
        matches.sort(ScanMatch.RANKING);
        return matches;
    }

    private static ScanMatch unusable(RegisteredFingerprint fingerprint) {
        return ScanMatch.incompatible(fingerprint.entry(), "the fingerprint cannot be used: " + fingerprint.problem());
    }

    private List<ScanMatch> scanUsable(Classifier suspect, List<RegisteredFingerprint> usable) {
        Access offered = Access.offeredBy(suspect);
        List<ScanMatch> matches = new ArrayList<>();
        List<RegisteredFingerprint> compatible = new ArrayList<>();
        for (RegisteredFingerprint fingerprint : usable) {
            String why = incompatibility(suspect, offered, fingerprint);
            if (why != null) {
                matches.add(ScanMatch.incompatible(fingerprint.entry(), why));
            } else {
                compatible.add(fingerprint);
            }
        }
        if (!compatible.isEmpty()) {
            matches.addAll(check(suspect, compatible));
        }
        return matches;
    }

    /** The input spec most usable registered fingerprints share (suspect options are checked against it). Refused when none is usable. */
    public static InputSpec commonSpec(List<RegisteredFingerprint> registered) {
        return bySpec(RegisteredFingerprint.requireUsable("the registry", registered)).keySet().iterator().next();
    }

    /** The usable fingerprints by the input spec of their queries, the spec most of them share first. */
    private static Map<InputSpec, List<RegisteredFingerprint>> bySpec(List<RegisteredFingerprint> registered) {
        Map<InputSpec, List<RegisteredFingerprint>> groups = registered.stream().filter(RegisteredFingerprint::usable)
                .collect(Collectors.groupingBy(r -> r.members().get(0).meta().inputSpec(), LinkedHashMap::new, Collectors.toList()));
        Map<InputSpec, List<RegisteredFingerprint>> ordered = new LinkedHashMap<>();
        groups.entrySet().stream().sorted(Comparator.comparingInt(e -> -e.getValue().size()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    private static String incompatibility(Classifier suspect, Access offered, RegisteredFingerprint fingerprint) {
        for (int i = 0; i < fingerprint.members().size(); i++) {
            Fingerprint member = fingerprint.members().get(i);
            String problem = SuspectFit.problem(member, fingerprint.schemes().get(i), suspect, offered);
            if (problem != null) {
                return "the suspect " + problem;
            }
        }
        return null;
    }

    private List<ScanMatch> check(Classifier suspect, List<RegisteredFingerprint> compatible) {
        QueryPlan plan = QueryPlan.of(compatible.stream().flatMap(f -> f.members().stream()).toList());
        boolean scores = RegisteredFingerprint.anyComparesScores(compatible);
        Answers all = Answers.ask(suspect, plan.queries(), scores ? Access.SCORES : Access.LABELS);
        if (compatible.stream().anyMatch(f -> f.schemes().stream().anyMatch(s -> s.suspectAccess() == Access.WEIGHTS))) {
            all = all.withWeights(((WhiteBox) suspect).weights()); // SuspectFit let only suspects that give weights through
        }
        for (long label : all.labels()) {
            if (label < 0 || label >= suspect.numClasses()) {
                throw new InputException(suspect.description() + ": answered label " + label + ", outside its "
                        + suspect.numClasses() + " classes");
            }
        }
        List<ScanMatch> matches = new ArrayList<>();
        int next = 0;
        for (RegisteredFingerprint fingerprint : compatible) {
            try {
                matches.add(judge(suspect, fingerprint, all, plan, next));
            } catch (RuntimeException e) {
                // one fingerprint that cannot be judged is its own row, never the end of the scan
                matches.add(ScanMatch.incompatible(fingerprint.entry(), "the fingerprint could not be checked: "
                        + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())));
            }
            next += fingerprint.members().size();
        }
        return matches;
    }

    /**
     * One fingerprint judged on its rows of the answers; its members are {@code plan}'s fingerprints from {@code first}.
     * A tampering member first asks some samples again ({@link RepeatCheck}).
     */
    private ScanMatch judge(Classifier suspect, RegisteredFingerprint fingerprint, Answers all, QueryPlan plan, int first) {
        List<MemberCheck> checks = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < fingerprint.members().size(); i++) {
            Fingerprint member = fingerprint.members().get(i);
            Scheme<?> scheme = fingerprint.schemes().get(i);
            Answers answers = all.select(plan.rows(first + i));
            if (scheme.suspectAccess().readsInternals()) {
                // a gradient field or a hidden layer's outputs are the member's own question
                answers = scheme.representation().ask(suspect, member.queries());
            }
            if (scheme.suspectAccess() == Access.LABELS) {
                answers = answers.withoutScores();
            }
            if (scheme.asksTampering()) {
                RepeatCheck.require(member, scheme, suspect, answers); // a randomized suspect: this fingerprint is not checked
            }
            Verdict verdict = verifier.judge(member, scheme, answers);
            verdicts.add(verdict);
            checks.add(new MemberCheck(scheme.name(), member.meta().contentSha256(), verdict, answers.sha256(), answers));
        }
        CombinedVerdict combined = fingerprint.isBundle() ? CombinedVerdict.of(verdicts, alpha) : null;
        return new ScanMatch(fingerprint.entry(), checks, combined, null);
    }
}
