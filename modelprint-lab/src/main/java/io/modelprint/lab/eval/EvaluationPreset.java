package io.modelprint.lab.eval;

import io.modelprint.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Which sweeps {@code bench} runs: parameter values per method, and the CW-L2 budget. */
public record EvaluationPreset(String name, List<String> combos, double[] epsilons, double[] cwKs, double[] ipGuardKs,
        MethodConfig.CwSettings cw, int maxIterations, int queries) {
    public static final List<String> COMBOS = List.of("TR", "TL", "RR", "RL");

    public static EvaluationPreset of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            // a first look: one data-seeded and one random-seeded combination, shorter searches
            case "quick" -> new EvaluationPreset("quick", List.of("TL", "RR"), new double[] {0.03, 0.1, 0.3}, new double[] {10},
                    new double[] {3, 10}, new MethodConfig.CwSettings(0.05f, 2, 100, 1f), 300, 100);
            case "paper" -> new EvaluationPreset("paper", COMBOS, new double[] {0.01, 0.03, 0.05, 0.1, 0.2, 0.3},
                    new double[] {0, 1, 3, 10, 20, 30, 50}, new double[] {0.1, 1, 3, 10, 20, 30, 50},
                    new MethodConfig.CwSettings(0.05f, 5, 300, 1f), 1000, 100);
            default -> throw new InputException("--preset: unknown preset '" + name + "' (expected quick or paper)");
        };
    }

    /** Schemes compared per suspect family, at 100 queries per suspect (Zest: also at its default 500). */
    public List<SchemeRun> schemeRuns() {
        List<SchemeRun> runs = new ArrayList<>();
        runs.add(new SchemeRun("ipguard", queries, java.util.Map.of("k", 10)));
        for (String scheme : List.of("akh", "sac-w", "sac-m", "sac-w-hard", "sac-m-hard", "modeldiff")) {
            runs.add(new SchemeRun(scheme, queries, java.util.Map.of()));
        }
        runs.add(new SchemeRun("zest", Math.max(1, queries / 50), java.util.Map.of("masks", 50)));
        runs.add(new SchemeRun("zest", 10, java.util.Map.of("masks", 50)));
        return runs;
    }

    /** Bundles scored from their members' runs: one that any suspect can answer, and one that uses scores. */
    public static final List<List<String>> BUNDLES = List.of(List.of("ipguard", "akh", "sac-w-hard"),
            List.of("ipguard", "sac-w", "modeldiff"));

    /** Query budgets of the TPR-against-budget figure, for the label and score schemes that fit any budget. */
    public static final List<Integer> BUDGETS = List.of(20, 50, 100, 200);

    public List<SchemeRun> budgetRuns() {
        List<SchemeRun> runs = new ArrayList<>();
        for (SchemeRun main : schemeRuns()) {
            if (main.scheme().equals("zest")) {
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

    public List<MethodConfig> configs() {
        List<MethodConfig> configs = new ArrayList<>();
        for (String combo : combos) {
            configs.add(new MethodConfig("random", combo, null, 0, 0, null));
            for (double eps : epsilons) {
                configs.add(new MethodConfig("fgsm", combo, "eps", eps, 1, null));
                configs.add(new MethodConfig("igsm", combo, "eps", eps, maxIterations, null));
            }
            for (double k : cwKs) {
                configs.add(new MethodConfig("cw-l2", combo, "k", k, cw.maxIterations(), cw));
            }
            for (double k : ipGuardKs) {
                configs.add(new MethodConfig("ipguard", combo, "k", k, maxIterations, null));
            }
        }
        return configs;
    }
}
