package io.modelprint.fleet;

/**
 * A linear verifier learned from the owner's fleet (MetaV's family): over {@code features} of a
 * suspect's labels on the n queries ({@link VerifierFeatures}), the score
 * {@code intercept + Σ weights[i] · feature[i]} is the log-odds that the suspect is derived. Stored
 * in the fingerprint's meta.json beside the selection that chose its queries, so the content hash
 * covers it.
 */
public record LearnedVerifier(String model, VerifierFeatures features, double[] weights, double intercept) {
    /** L2-regularised logistic regression. */
    public static final String LOGISTIC_L2 = "logistic-l2";

    /** Refused unless the model is known, there is one finite weight per feature of {@code queries} queries, and the intercept is finite. */
    public void requireUsable(int queries, int classes) {
        if (!LOGISTIC_L2.equals(model) || features == null) {
            throw new IllegalArgumentException("verifier model '" + model + "' over features " + features + " is not known (known: "
                    + LOGISTIC_L2 + " over agreement or answers)");
        }
        int expected = features.count(queries, classes);
        if (weights == null || weights.length != expected) {
            throw new IllegalArgumentException("verifier holds " + (weights == null ? "no" : weights.length) + " weights, but "
                    + features.label() + " features of " + queries + " queries and " + classes + " classes need " + expected);
        }
        for (int i = 0; i < weights.length; i++) {
            if (!Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("verifier weight " + i + " is not finite (" + weights[i] + ")");
            }
        }
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("verifier intercept is not finite (" + intercept + ")");
        }
    }

    /** The log-odds of {@code x}, features as {@link #features} makes them. */
    public double logOdds(double[] x) {
        if (x.length != weights.length) {
            throw new IllegalArgumentException(x.length + " features scored by a verifier of " + weights.length + " weights");
        }
        double z = intercept;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return z;
    }
}
