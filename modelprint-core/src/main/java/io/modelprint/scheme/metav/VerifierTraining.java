package io.modelprint.scheme.metav;

import io.modelprint.fleet.LearnedVerifier;
import io.modelprint.fleet.VerifierFeatures;
import io.modelprint.scheme.FleetAnswers;

/**
 * Learns the verifier from the fleet's answers to the chosen queries: each surrogate is an example of
 * "derived", each selection reference one of "independent", its features made of its labels on the
 * queries ({@link VerifierFeatures}). Each class weighs ½ in all however many models it has, so the boundary does not
 * lean toward the larger side of the fleet; the penalty on the weights is {@code l2} x n, so that its
 * pull against the data does not change with the number of queries.
 */
record VerifierTraining(double l2, VerifierFeatures features) {

    VerifierTraining {
        if (!(l2 > 0)) {
            throw new IllegalArgumentException("l2 must be > 0, got " + l2);
        }
    }

    LearnedVerifier learn(long[] targetLabels, FleetAnswers surrogates, FleetAnswers references, int classes) {
        int positives = surrogates.labels().length;
        int negatives = references.labels().length;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("a verifier learns from both kinds of model, got " + positives + " surrogates and "
                    + negatives + " references");
        }
        int examples = positives + negatives;
        double[][] x = new double[examples][];
        boolean[] y = new boolean[examples];
        double[] c = new double[examples];
        for (int j = 0; j < examples; j++) {
            boolean derived = j < positives;
            long[] answers = derived ? surrogates.labels()[j] : references.labels()[j - positives];
            x[j] = features.of(targetLabels, answers, classes);
            y[j] = derived;
            c[j] = 0.5 / (derived ? positives : negatives);
        }
        RidgeLogisticRegression.Fit fit = RidgeLogisticRegression.fit(x, y, c, l2 * targetLabels.length);
        return new LearnedVerifier(LearnedVerifier.LOGISTIC_L2, features, fit.weights(), fit.intercept());
    }
}
