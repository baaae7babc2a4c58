package io.modelprint.lab.eval;

import io.modelprint.scheme.boundary.CwL2;
import io.modelprint.scheme.boundary.Fgsm;
import io.modelprint.scheme.boundary.Igsm;
import io.modelprint.scheme.boundary.IpGuard;
import io.modelprint.scheme.boundary.RandomPoints;
import io.modelprint.scheme.boundary.SeedSelection;
import io.modelprint.scheme.QueryGenerator;

/**
 * One point of a method's sweep: method, initialization × target-label combination (TR, TL, RR,
 * RL) and the value of the method's parameter (ε for FGSM/IGSM, k for CW-L2/IPGuard, none for Random);
 * {@code maxIterations} bounds IGSM and IPGuard (the paper: 1000); {@code cw} is set for CW-L2 only,
 * so that a cached result depends on exactly the settings that made it.
 */
public record MethodConfig(String method, String combo, String parameter, double value, int maxIterations, CwSettings cw) {

    /** CW-L2's budget (the reference uses 9 binary-search steps of up to 10,000 iterations). */
    public record CwSettings(float learningRate, int binarySteps, int maxIterations, float initialConstant) {}

    public SeedSelection selection() {
        return new SeedSelection(SeedSelection.Init.parse(combo.substring(0, 1)),
                SeedSelection.TargetLabel.parse(combo.substring(1, 2)));
    }

    public QueryGenerator generator() {
        return switch (method) {
            case "random" -> new RandomPoints(selection());
            case "fgsm" -> new Fgsm((float) value, selection());
            case "igsm" -> new Igsm((float) value, Igsm.DEFAULT_ALPHA, maxIterations, selection());
            case "cw-l2" -> new CwL2((float) value, cw.learningRate(), cw.binarySteps(), cw.maxIterations(), cw.initialConstant(),
                    selection());
            case "ipguard" -> new IpGuard((float) value, 0.01f, maxIterations, selection(), true);
            default -> throw new IllegalArgumentException("unknown method " + method);
        };
    }

    /** A stable file-name key, e.g. "ipguard-TL-k3.0". */
    public String key() {
        return method + "-" + combo + (parameter == null ? "" : "-" + parameter + value);
    }
}
