package io.modelprint.scheme.deepjudge;

import io.modelprint.scheme.Distance;
import io.modelprint.scheme.SimilarityRange;

/**
 * DeepJudge's two black-box metrics (Chen et al., S&P 2022; its metrics.py) folded into one
 * similarity, higher = more alike: 1 − (RobD + JSD) / 2, in [0,1].
 * <ul>
 * <li>RobD = |Rob(target) − Rob(suspect)|, Rob(f) the share of test cases on which f gives the
 * seed's true label (the target's label of the seed: seeds are ones it classifies correctly);
 * <li>JSD = the mean Jensen-Shannon divergence, in bits, of the two models' output distributions
 * on the test cases.
 * </ul>
 * A copy is fooled where the target is and answers alike, so both are near 0; an independent model
 * resists the target's test cases and answers them otherwise.
 */
public final class RobustnessAndDivergence implements Distance<TestOutputs.Outputs> {
    @Override
    public String name() {
        return "deepjudge-robd-jsd";
    }

    @Override
    public double similarity(TestOutputs.Outputs fingerprint, TestOutputs.Outputs suspect) {
        return 1 - (robustnessDistance(fingerprint, suspect) + divergence(fingerprint, suspect)) / 2;
    }

    @Override
    public SimilarityRange range() {
        return SimilarityRange.UNIT;
    }

    /** RobD: how much more or less robust the suspect is than the target on the target's test cases, in [0,1]. */
    public static double robustnessDistance(TestOutputs.Outputs fingerprint, TestOutputs.Outputs suspect) {
        requireSameTests(fingerprint, suspect);
        return Math.abs(robustness(fingerprint, fingerprint) - robustness(fingerprint, suspect));
    }

    /** JSD: the mean Jensen-Shannon divergence of the output distributions on the test cases, in bits, [0,1]. */
    public static double divergence(TestOutputs.Outputs fingerprint, TestOutputs.Outputs suspect) {
        requireSameTests(fingerprint, suspect);
        double sum = 0;
        for (int t = 0; t < fingerprint.tests(); t++) {
            sum += JensenShannon.divergence(fingerprint.distribution(t), suspect.distribution(t));
        }
        return sum / fingerprint.tests();
    }

    /** Share of test cases on which {@code model} gives the true label, the target's label of the seed. */
    private static double robustness(TestOutputs.Outputs fingerprint, TestOutputs.Outputs model) {
        int robust = 0;
        for (int t = 0; t < fingerprint.tests(); t++) {
            robust += model.testLabels()[t] == fingerprint.seedLabels()[t] ? 1 : 0;
        }
        return (double) robust / fingerprint.tests();
    }

    private static void requireSameTests(TestOutputs.Outputs fingerprint, TestOutputs.Outputs suspect) {
        if (fingerprint.tests() != suspect.tests() || fingerprint.tests() == 0 || fingerprint.classes() != suspect.classes()) {
            throw new IllegalArgumentException("test outputs differ in size: " + fingerprint.tests() + " x " + fingerprint.classes()
                    + " vs " + suspect.tests() + " x " + suspect.classes());
        }
    }
}
