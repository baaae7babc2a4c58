package io.modelprint.verify;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * The number of fingerprint queries an independent model matches, modelled as beta-binomial:
 * each independent model has its own matching probability p ~ Beta(α, β), and matches each of the
 * n queries independently with probability p. Fitted by the method of moments to the matching
 * rates of reference negatives (see docs/verification.md for the assumptions).
 */
public record BetaBinomial(double alpha, double beta) {
    public BetaBinomial {
        if (!(alpha > 0) || !(beta > 0)) {
            throw new IllegalArgumentException("beta-binomial needs alpha, beta > 0, got " + alpha + ", " + beta);
        }
    }

    /** Fits to the matching rates of negatives measured on {@code queries} queries each. */
    public static BetaBinomial fit(double[] negativeRates, int queries) {
        if (negativeRates.length < 2) {
            throw new IllegalArgumentException("calibration needs at least 2 reference negatives, got " + negativeRates.length);
        }
        double sum = 0;
        for (double r : negativeRates) {
            sum += r;
        }
        // add-half smoothing keeps the mean inside (0,1) when every negative matched nothing (or everything)
        double mean = (sum * queries + 0.5) / (negativeRates.length * queries + 1.0);
        double variance = 0;
        for (double r : negativeRates) {
            variance += (r - mean) * (r - mean);
        }
        variance /= negativeRates.length - 1;
        // Var(X/n) = m(1-m)(1 + (n-1)ρ)/n with ρ = 1/(α+β+1), the intra-model correlation
        double rho = (queries * variance / (mean * (1 - mean)) - 1) / (queries - 1.0);
        rho = Math.min(Math.max(rho, 1e-6), 1 - 1e-6);
        double total = 1 / rho - 1;
        return new BetaBinomial(mean * total, (1 - mean) * total);
    }

    /** P(X >= matches) for an independent model answering {@code queries} queries. */
    public double upperTail(int matches, int queries) {
        double p = 0;
        double logBetaAB = Beta.logBeta(alpha, beta);
        for (int j = Math.max(0, matches); j <= queries; j++) {
            p += Math.exp(CombinatoricsUtils.binomialCoefficientLog(queries, j) + Beta.logBeta(j + alpha, queries - j + beta) - logBetaAB);
        }
        return Math.min(1.0, p);
    }
}
