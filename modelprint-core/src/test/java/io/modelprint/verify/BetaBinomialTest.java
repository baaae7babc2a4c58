package io.modelprint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BetaBinomialTest {
    @Test
    void tailMatchesHandComputedCases() {
        // alpha = beta = 1 is the uniform distribution over 0..n: P(X >= x) = (n - x + 1)/(n + 1)
        BetaBinomial uniform = new BetaBinomial(1, 1);
        assertEquals(1.0, uniform.upperTail(0, 10), 1e-12);
        assertEquals(3 / 11.0, uniform.upperTail(8, 10), 1e-12);
        assertEquals(1 / 11.0, uniform.upperTail(10, 10), 1e-12);
        // a concentrated beta behaves like a binomial: p = 0.5, n = 4, P(X >= 3) = 5/16
        assertEquals(5 / 16.0, new BetaBinomial(5e5, 5e5).upperTail(3, 4), 1e-4);
    }

    @Test
    void fitRecoversTheMeanAndGivesTinyPValuesToHighRates() {
        double[] negatives = {0.00, 0.01, 0.03, 0.02, 0.00, 0.04, 0.01, 0.02};
        BetaBinomial fit = BetaBinomial.fit(negatives, 100);
        double mean = fit.alpha() / (fit.alpha() + fit.beta());
        assertEquals(0.01625, mean, 0.002);
        assertTrue(fit.upperTail(95, 100) < 1e-12, "a 0.95 match is far beyond these negatives");
        assertTrue(fit.upperTail(2, 100) > 0.2, "a 0.02 match is typical of them");
        assertTrue(fit.upperTail(10, 100) < fit.upperTail(5, 100));
        BetaBinomial zeros = BetaBinomial.fit(new double[] {0, 0, 0}, 100);
        // all-zero negatives: smoothed p = 0.5/301, nearly binomial: P(X >= 1) = 1 - (1 - p)^100 = 0.1532
        assertEquals(0.1532, zeros.upperTail(1, 100), 0.002);
        assertTrue(zeros.upperTail(10, 100) < 1e-6);
        assertThrows(IllegalArgumentException.class, () -> BetaBinomial.fit(new double[] {0.1}, 100));
    }
}
