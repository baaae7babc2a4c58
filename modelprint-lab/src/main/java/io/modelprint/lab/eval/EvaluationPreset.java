package io.modelprint.lab.eval;

import io.modelprint.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Which sweeps {@code bench} runs: parameter values per method, and the CW-L2 budget. */
public record EvaluationPreset(String name, double[] epsilons, double[] cwKs, double[] ipGuardKs, MethodConfig.CwSettings cw,
        int maxIterations, int queries) {
    public static final List<String> COMBOS = List.of("TR", "TL", "RR", "RL");

    public static EvaluationPreset of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "quick" -> new EvaluationPreset("quick", new double[] {0.03, 0.1, 0.3}, new double[] {3, 10},
                    new double[] {3, 10, 30}, new MethodConfig.CwSettings(0.05f, 3, 150, 1f), 1000, 100);
            case "paper" -> new EvaluationPreset("paper", new double[] {0.01, 0.03, 0.05, 0.1, 0.2, 0.3},
                    new double[] {0, 1, 3, 10, 20, 30, 50}, new double[] {0.1, 1, 3, 10, 20, 30, 50},
                    new MethodConfig.CwSettings(0.05f, 5, 300, 1f), 1000, 100);
            default -> throw new InputException("--preset: unknown preset '" + name + "' (expected quick or paper)");
        };
    }

    public List<MethodConfig> configs() {
        List<MethodConfig> configs = new ArrayList<>();
        for (String combo : COMBOS) {
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
