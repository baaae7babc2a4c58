package io.modelprint.scheme.metav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RidgeLogisticRegressionTest {
    /** The objective's gradient at a fit: Σ c_j (σ(z_j) − y_j) (1, x_j) + λ (ε b, w); zero at the minimiser. */
    private static double[] gradient(double[][] x, boolean[] y, double[] c, double lambda, RidgeLogisticRegression.Fit fit) {
        double[] g = new double[x[0].length + 1];
        for (int j = 0; j < x.length; j++) {
            double r = c[j] * (RidgeLogisticRegression.sigmoid(fit.logOdds(x[j])) - (y[j] ? 1 : 0));
            g[0] += r;
            for (int i = 0; i < x[j].length; i++) {
                g[i + 1] += r * x[j][i];
            }
        }
        g[0] += RidgeLogisticRegression.INTERCEPT_SHARE * lambda * fit.intercept();
        for (int i = 0; i < fit.weights().length; i++) {
            g[i + 1] += lambda * fit.weights()[i];
        }
        return g;
    }

    @Test
    void oneFeatureTwoExamplesMatchesTheSolutionSolvedByHand() {
        // x = 1 is positive, x = 0 negative, each weighing 1/2: stationarity gives b = -w/2 and lambda w = sigmoid(-w/2) / 2
        double lambda = 0.1;
        RidgeLogisticRegression.Fit fit = RidgeLogisticRegression.fit(new double[][] {{1}, {0}}, new boolean[] {true, false},
                new double[] {0.5, 0.5}, lambda);
        double low = 0;
        double high = 10;
        for (int i = 0; i < 200; i++) {
            double w = (low + high) / 2;
            if (lambda * w < RidgeLogisticRegression.sigmoid(-w / 2) / 2) {
                low = w;
            } else {
                high = w;
            }
        }
        assertEquals(low, fit.weights()[0], 1e-6);
        assertEquals(-low / 2, fit.intercept(), 1e-6);
    }

    @Test
    void separableClassesGetAFiniteFitWhoseGradientVanishesAndAStrongerPenaltyShrinksIt() {
        Random random = new Random(3);
        int examples = 10;
        double[][] x = new double[examples][30];
        boolean[] y = new boolean[examples];
        double[] c = new double[examples];
        for (int j = 0; j < examples; j++) {
            y[j] = j < 7; // 7 positives, 3 negatives, each class weighing 1/2
            c[j] = 0.5 / (y[j] ? 7 : 3);
            for (int i = 0; i < 30; i++) {
                x[j][i] = random.nextDouble() < (y[j] ? 0.8 : 0.3) ? 1 : 0;
            }
        }
        double previousNorm = Double.POSITIVE_INFINITY;
        for (double lambda : new double[] {0.01, 0.1, 1, 10}) {
            RidgeLogisticRegression.Fit fit = RidgeLogisticRegression.fit(x, y, c, lambda);
            for (double g : gradient(x, y, c, lambda, fit)) {
                assertEquals(0, g, 1e-9, "the fit is the minimiser at lambda " + lambda);
            }
            for (int j = 0; j < examples; j++) {
                assertEquals(y[j], fit.logOdds(x[j]) > 0, "the fleet's own models are told apart at lambda " + lambda);
            }
            double norm = 0;
            for (double w : fit.weights()) {
                assertTrue(Double.isFinite(w));
                norm += w * w;
            }
            assertTrue(norm < previousNorm, "lambda " + lambda + " shrinks the weights: " + norm + " vs " + previousNorm);
            previousNorm = norm;
            assertTrue(fit.steps() < RidgeLogisticRegression.MAX_STEPS, "converged in " + fit.steps() + " steps");
        }
    }

    @Test
    void withMoreFeaturesThanExamplesTheFitInTheirSpanIsTheFitInAllFeatures() {
        Random random = new Random(5);
        int examples = 8;
        double[][] x = new double[examples][40];
        boolean[] y = new boolean[examples];
        double[] c = new double[examples];
        for (int j = 0; j < examples; j++) {
            y[j] = j % 2 == 0;
            c[j] = 1.0 / examples;
            for (int i = 0; i < 40; i++) {
                x[j][i] = random.nextDouble() < (y[j] ? 0.7 : 0.4) ? 1 : 0;
            }
        }
        x[7] = x[5].clone(); // two models that answer alike: the examples span fewer dimensions than there are examples
        for (double lambda : new double[] {0.05, 2}) {
            RidgeLogisticRegression.Fit reduced = RidgeLogisticRegression.fit(x, y, c, lambda);
            RidgeLogisticRegression.Fit direct = RidgeLogisticRegression.fitDirect(x, y, c, lambda);
            assertEquals(direct.intercept(), reduced.intercept(), 1e-8);
            for (int i = 0; i < 40; i++) {
                assertEquals(direct.weights()[i], reduced.weights()[i], 1e-8, "weight " + i + " at lambda " + lambda);
            }
        }
        assertEquals(7, RowSpace.of(x).dimension(), "8 examples, two of them alike");
    }

    @Test
    void itRefusesWhatItCannotFit() {
        assertThrows(IllegalArgumentException.class, () -> RidgeLogisticRegression.fit(new double[0][], new boolean[0], new double[0], 1));
        assertThrows(IllegalArgumentException.class,
                () -> RidgeLogisticRegression.fit(new double[][] {{1}}, new boolean[] {true}, new double[] {1}, 0));
    }
}
