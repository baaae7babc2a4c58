package io.modelprint.lab.eval;

import io.modelprint.InputException;
import io.modelprint.scheme.Schemes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What {@code bench} runs: Table 4's sweeps over their combinations, and the schemes compared per suspect family. */
public record EvaluationPreset(String name, List<String> combos, List<Sweep> sweeps, int queries) {
    public static final List<String> COMBOS = List.of("TR", "TL", "RR", "RL");
    /** The paper's own method: featured first in the report, and the boundary scheme of the scheme comparison. */
    public static final String PAPER_METHOD = "ipguard";
    /** IPGuard's points where three classes meet: compared at the paper's method's k. */
    static final String MULTIPOINT = "ipguard-multipoint";

    public EvaluationPreset {
        combos = List.copyOf(combos);
        sweeps = List.copyOf(sweeps);
    }

    public static EvaluationPreset of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            // a first look: one data-seeded and one random-seeded combination, shorter searches
            case "quick" -> new EvaluationPreset("quick", List.of("TL", "RR"),
                    paperSweeps(new double[] {0.03, 0.1, 0.3}, new double[] {10}, new double[] {3, 10}, cwBudget(2, 100), 300), 100);
            case "paper" -> new EvaluationPreset("paper", COMBOS, paperSweeps(new double[] {0.01, 0.03, 0.05, 0.1, 0.2, 0.3},
                    new double[] {0, 1, 3, 10, 20, 30, 50}, new double[] {0.1, 1, 3, 10, 20, 30, 50}, cwBudget(5, 300), 1000), 100);
            default -> throw new InputException("--preset: unknown preset '" + name + "' (expected quick or paper)");
        };
    }

    /**
     * The paper's Table 4: Random; FGSM and IGSM over ε; CW-L2 and IPGuard over k, and beside IPGuard
     * its multipoints (points where three classes meet) at the same k and budget. IGSM and IPGuard(s)
     * stop after {@code iterations}; CW-L2 runs with {@code cw} (e.g. its binary-search budget); every
     * other parameter is the scheme's default.
     */
    public static List<Sweep> paperSweeps(double[] epsilons, double[] cwKs, double[] ipGuardKs, Map<String, Object> cw, int iterations) {
        Map<String, Object> iterated = Map.of("maxIter", iterations);
        return List.of(Sweep.once(new SweptMethod("random", "Random", Map.of())),
                Sweep.of("epsilon", "eps", epsilons, new SweptMethod("fgsm", "FGSM", Map.of()),
                        new SweptMethod("igsm", "IGSM", iterated)),
                Sweep.of("k", "k", cwKs, new SweptMethod("cw-l2", "CW-L2", cw)),
                Sweep.of("k", "k", ipGuardKs, new SweptMethod(PAPER_METHOD, "IPGuard", iterated),
                        new SweptMethod(MULTIPOINT, "IPGuard multipoint", iterated)));
    }

    /**
     * CW-L2's budget: binary-search steps x iterations (the reference: 9 x 10,000; its learning rate
     * and first constant are the scheme's defaults).
     */
    static Map<String, Object> cwBudget(int binarySteps, int iterations) {
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("binarySteps", binarySteps);
        budget.put("maxIter", iterations);
        return budget;
    }

    /** Table 4's methods, in the order of the table. */
    public List<SweptMethod> methods() {
        return sweeps.stream().flatMap(s -> s.methods().stream()).toList();
    }

    /** Every point of every sweep: per combination, the sweeps in order, the methods of a sweep taking turns at each value. */
    public List<SweepPoint> points() {
        List<SweepPoint> points = new ArrayList<>();
        for (String combo : combos) {
            for (Sweep sweep : sweeps) {
                points.addAll(sweep.points(combo, queries));
            }
        }
        return points;
    }

    /**
     * Schemes compared per suspect family, at {@code queries} per suspect: every scheme the build knows
     * except Table 4's baselines and the fleet-selected ones, the paper's method at k = 10; Zest (whose queries are images x masks)
     * at queries / 50 images x 50 masks and at its default 10 images; a scheme that asks no queries (weights) once, n = 0;
     * a tampering scheme (ssf) at its default number of samples.
     */
    public List<SchemeRun> schemeRuns() {
        Set<String> baselines = methods().stream().map(SweptMethod::scheme).filter(s -> !s.equals(PAPER_METHOD) && !s.equals(MULTIPOINT))
                .collect(Collectors.toSet());
        List<SchemeRun> runs = new ArrayList<>();
        for (String scheme : Schemes.names()) {
            if (baselines.contains(scheme) || Schemes.fleetSelected().contains(scheme)) {
                continue; // fleet-selected schemes are judged with the owner's fleet: verdictRuns
            }
            if (scheme.equals(PAPER_METHOD) || scheme.equals(MULTIPOINT)) {
                runs.add(new SchemeRun(scheme, queries, Map.of("k", 10)));
            } else if (!Schemes.require(scheme, "bench").parameters().declares(io.modelprint.scheme.ParameterSpec.N)) {
                runs.add(new SchemeRun(scheme, 0, Map.of())); // asks no queries (weights): n = 0
            } else if (Schemes.require(scheme, "bench").withDefaults().asksTampering()) {
                // at its own number of samples (verifying asks a few again): tampering is judged on its own table
                runs.add(new SchemeRun(scheme, Schemes.require(scheme, "bench").withDefaults().parameters().queryCount(), Map.of()));
            } else if (scheme.equals("zest")) {
                runs.add(new SchemeRun(scheme, Math.max(1, queries / 50), Map.of("masks", 50)));
                runs.add(new SchemeRun(scheme, 10, Map.of("masks", 50)));
            } else {
                runs.add(new SchemeRun(scheme, queries, Map.of()));
            }
        }
        return runs;
    }

    /** Bundles scored from their members' runs: one that any suspect can answer, and one that uses scores. */
    public static final List<List<String>> BUNDLES = List.of(List.of("ipguard", "akh", "sac-w-hard"),
            List.of("ipguard", "sac-w", "modeldiff"));

    /** Bundles judged by calibrated verdicts (any member at alpha / m): IPGuard beside each extraction scheme. */
    public static final List<List<String>> VERDICT_BUNDLES = List.of(List.of(PAPER_METHOD, "akh"), List.of(PAPER_METHOD, "fleet-llr"),
            List.of(PAPER_METHOD, "cae"), List.of(PAPER_METHOD, "akh", "fleet-llr"));

    /** The label schemes judged by calibrated verdicts beside every fleet-selected scheme (at {@code queries} each). */
    public static final List<String> VERDICT_BASELINES = List.of(PAPER_METHOD, "akh");

    /**
     * Schemes judged by calibrated verdicts with the owner's fleet: the paper's method at k = 10, AKH,
     * and every fleet-selected scheme the build knows, each at {@code queries} per suspect.
     */
    public List<VerdictRun> verdictRuns(String fleetSha256) {
        List<VerdictRun> runs = new ArrayList<>();
        for (String scheme : VERDICT_BASELINES) {
            runs.add(new VerdictRun(scheme, queries, scheme.equals(PAPER_METHOD) ? Map.of("k", 10) : Map.of(), fleetSha256));
        }
        for (String scheme : Schemes.fleetSelected()) {
            runs.add(new VerdictRun(scheme, queries, Map.of(), fleetSha256));
        }
        return runs;
    }

    /** Query budgets of the TPR-against-budget figure, for the label and score schemes that fit any budget. */
    public static final List<Integer> BUDGETS = List.of(20, 50, 100, 200);

    /** The schemes the budget figure follows: the field's extraction schemes and the paper's method (each run costs a fingerprint). */
    public static final Set<String> BUDGET_SCHEMES = Set.of(PAPER_METHOD, "akh", "sac-w", "sac-m", "sac-w-hard", "sac-m-hard",
            "modeldiff");

    public List<SchemeRun> budgetRuns() {
        List<SchemeRun> runs = new ArrayList<>();
        for (SchemeRun main : schemeRuns()) {
            if (!BUDGET_SCHEMES.contains(main.scheme())) {
                continue;
            }
            for (int budget : BUDGETS) {
                if (budget != main.n()) {
                    runs.add(new SchemeRun(main.scheme(), budget, main.parameters()));
                }
            }
        }
        return runs;
    }
}
