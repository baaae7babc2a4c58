package io.modelprint.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.fingerprint.Calibration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * References of two kinds (weak models, matching about 3 % of 100 queries, and hard ones about 12 %),
 * drawn from beta-binomials; held-out independent models drawn the same way must get p-values that
 * are uniform or conservative: P(p ≤ a) ≤ a (within 3 standard errors) and a one-sided KS test at 1 %.
 */
class KindMixtureSimulationTest {
    private static final int QUERIES = 100;
    private static final int TRIALS = 2000;
    private static final Kind WEAK = new Kind("subset", 1.2, 38.8, 10);
    private static final Kind HARD = new Kind("same-recipe", 4.8, 35.2, 6);

    private record Kind(String name, double a, double b, int references) {
        int draw(RandomGenerator random) {
            double p = new BetaDistribution(random, a, b).sample();
            int matches = 0;
            for (int q = 0; q < QUERIES; q++) {
                matches += random.nextDouble() < p ? 1 : 0;
            }
            return matches;
        }
    }

    /** p-values of held-out models drawn by {@code heldOut}, calibrated on fresh references of {@code kinds} each trial. */
    private static double[] heldOutPValues(long seed, boolean recordKinds, List<Kind> kinds, java.util.function.ToIntFunction<RandomGenerator> heldOut) {
        JDKRandomGenerator random = new JDKRandomGenerator((int) seed);
        double[] pValues = new double[TRIALS];
        for (int t = 0; t < TRIALS; t++) {
            List<Double> rates = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> kindNames = new ArrayList<>();
            for (Kind kind : kinds) {
                for (int i = 0; i < kind.references(); i++) {
                    rates.add(kind.draw(random) / (double) QUERIES);
                    names.add(kind.name() + i);
                    kindNames.add(kind.name());
                }
            }
            Calibration calibration = new Calibration(Calibration.BETA_BINOMIAL, names,
                    rates.stream().mapToDouble(Double::doubleValue).toArray(), QUERIES, recordKinds ? kindNames : null, null);
            int matches = heldOut.applyAsInt(random);
            pValues[t] = SupportedPValue.of(calibration, matches / (double) QUERIES, matches, QUERIES).value();
        }
        return pValues;
    }

    private static double share(double[] pValues, double alpha) {
        return Arrays.stream(pValues).filter(p -> p <= alpha).count() / (double) pValues.length;
    }

    /** Valid p-values: never more mass at or below a than a (3 standard errors of slack) and a one-sided KS test at 1 %. */
    private static void assertSuperUniform(double[] pValues, String what) {
        for (double alpha : new double[] {0.01, 0.05, 0.1, 0.25}) {
            double allowed = alpha + 3 * Math.sqrt(alpha * (1 - alpha) / pValues.length);
            assertTrue(share(pValues, alpha) <= allowed, what + ": P(p <= " + alpha + ") = " + share(pValues, alpha));
        }
        double[] sorted = pValues.clone();
        Arrays.sort(sorted);
        double worst = 0;
        for (int i = 0; i < sorted.length; i++) {
            worst = Math.max(worst, (i + 1.0) / sorted.length - sorted[i]);
        }
        double critical = Math.sqrt(-Math.log(0.01 / 2) / (2.0 * sorted.length));
        assertTrue(worst < critical, what + ": largest excess of the p-values' CDF over uniform " + worst + " >= " + critical);
    }

    @Test
    void heldOutModelsOfTheMixtureGetValidPValues() {
        double weakShare = WEAK.references() / (double) (WEAK.references() + HARD.references());
        double[] p = heldOutPValues(3, true, List.of(WEAK, HARD),
                r -> r.nextDouble() < weakShare ? WEAK.draw(r) : HARD.draw(r));
        assertSuperUniform(p, "held-out models of either kind");
    }

    @Test
    void heldOutModelsOfTheHardestKindGetValidPValuesOnlyWhenKindsAreRecorded() {
        double[] withKinds = heldOutPValues(5, true, List.of(WEAK, HARD), HARD::draw);
        assertSuperUniform(withKinds, "held-out hard models, kinds recorded");
        double[] pooled = heldOutPValues(5, false, List.of(WEAK, HARD), HARD::draw);
        double slack = 3 * Math.sqrt(0.05 * 0.95 / TRIALS);
        assertTrue(share(pooled, 0.05) > 0.05 + slack, "one fit over the mixture is too sure of hard models: P(p <= 0.05) = "
                + share(pooled, 0.05));
    }

    @Test
    void aKindWithOnlyThreeReferencesStillHoldsItsHeldOutModels() {
        Kind fewHard = new Kind("same-recipe", 4.8, 35.2, 3);
        Kind manyWeak = new Kind("subset", 1.2, 38.8, 12);
        assertSuperUniform(heldOutPValues(7, true, List.of(manyWeak, fewHard), fewHard::draw), "3 hard references");
    }

    @Test
    void aKindOfTwoReferencesStillHoldsItsHeldOutModels() {
        Kind twoHard = new Kind("same-recipe", 4.8, 35.2, 2);
        Kind manyWeak = new Kind("subset", 1.2, 38.8, 12);
        assertSuperUniform(heldOutPValues(11, true, List.of(manyWeak, twoHard), twoHard::draw), "2 hard references");
    }

    @Test
    void aKindSpreadWiderThanTheOthersKeepsItsOwnSpread() {
        Kind tight = new Kind("subset", 60, 940, 10);
        Kind wide = new Kind("same-recipe", 1.5, 8.5, 4);
        assertSuperUniform(heldOutPValues(13, true, List.of(tight, wide), wide::draw), "a widely spread kind of 4");
    }

    @Test
    void oneKindNearZeroStaysValid() {
        Kind rare = new Kind("other-arch", 0.3, 60, 10);
        Kind common = new Kind("same-recipe", 2, 60, 8);
        assertSuperUniform(heldOutPValues(9, true, List.of(rare, common), common::draw), "rates near 0");
        assertSuperUniform(heldOutPValues(9, true, List.of(common), common::draw), "a single kind");
    }
}
