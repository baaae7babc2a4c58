package io.modelprint.registry;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.model.Classifier;
import io.modelprint.model.WhiteBox;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Scheme;
import io.modelprint.verify.CombinedVerdict;
import io.modelprint.verify.SuspectFit;
import io.modelprint.verify.Verdict;
import io.modelprint.verify.Verifier;
import io.modelprint.data.InputSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One suspect against every registered fingerprint: the fingerprints it can be checked against are
 * found first (input spec, class count, access), their queries merged ({@link QueryPlan}) and asked
 * in one pass, with scores when any of them compares scores (and the suspect's weights read once when
 * any compares weights), then each is judged on its own rows.
 */
public final class SuspectScan {
    private final Verifier verifier;
    private final double alpha;

    /** @param threshold one threshold for every scheme, or null for each scheme's default */
    public SuspectScan(Double threshold, double alpha) {
        this.verifier = new Verifier(threshold, alpha);
        this.alpha = alpha;
    }

    /** Every registered fingerprint against {@code suspect}, ranked ({@link ScanMatch#RANKING}). */
    public List<ScanMatch> scan(Classifier suspect, List<RegisteredFingerprint> registered) {
        Access offered = Access.offeredBy(suspect);
        List<ScanMatch> matches = new ArrayList<>();
        List<RegisteredFingerprint> compatible = new ArrayList<>();
        for (RegisteredFingerprint fingerprint : registered) {
            if (!fingerprint.usable()) {
                matches.add(ScanMatch.incompatible(fingerprint.entry(), "the fingerprint cannot be used: " + fingerprint.problem()));
                continue;
            }
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
        matches.sort(ScanMatch.RANKING);
        return matches;
    }

    /**
     * The input spec most usable registered fingerprints share: suspects are opened for it (the others are
     * reported incompatible). Refused when none is usable.
     */
    public static InputSpec commonSpec(List<RegisteredFingerprint> registered) {
        Map<InputSpec, Long> counts = RegisteredFingerprint.requireUsable("the registry", registered).stream()
                .map(r -> r.members().get(0).meta().inputSpec())
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().max(Comparator.comparingLong(Map.Entry::getValue)).orElseThrow().getKey();
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
                matches.add(judge(fingerprint, all, plan, next));
            } catch (RuntimeException e) {
                // one fingerprint that cannot be judged is its own row, never the end of the scan
                matches.add(ScanMatch.incompatible(fingerprint.entry(), "the fingerprint could not be checked: "
                        + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())));
            }
            next += fingerprint.members().size();
        }
        return matches;
    }

    /** One fingerprint judged on its rows of the answers; its members are {@code plan}'s fingerprints from {@code first}. */
    private ScanMatch judge(RegisteredFingerprint fingerprint, Answers all, QueryPlan plan, int first) {
        List<MemberCheck> checks = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < fingerprint.members().size(); i++) {
            Fingerprint member = fingerprint.members().get(i);
            Scheme<?> scheme = fingerprint.schemes().get(i);
            Answers answers = all.select(plan.rows(first + i));
            if (scheme.suspectAccess() == Access.LABELS) {
                answers = answers.withoutScores();
            }
            Verdict verdict = verifier.judge(member, scheme, answers);
            verdicts.add(verdict);
            checks.add(new MemberCheck(scheme.name(), member.meta().contentSha256(), verdict, answers.sha256()));
        }
        CombinedVerdict combined = fingerprint.isBundle() ? CombinedVerdict.of(verdicts, alpha) : null;
        return new ScanMatch(fingerprint.entry(), checks, combined, null);
    }
}
