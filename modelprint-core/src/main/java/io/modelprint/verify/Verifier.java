package io.modelprint.verify;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.model.Classifier;
import io.modelprint.scheme.Labels;
import io.modelprint.scheme.MatchingRate;

/**
 * Checks a suspect against a fingerprint (paper §3.3): the suspect labels every query, and the
 * fraction that agree with the fingerprint's labels is compared to the threshold τ. A suspect is
 * judged derived when its matching rate is at least τ.
 */
public final class Verifier {
    /** Default τ; see docs/verification.md for how it was chosen. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private final double threshold;

    public Verifier(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0,1], got " + threshold);
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    public Verdict verify(Fingerprint fingerprint, Classifier suspect) {
        var spec = fingerprint.meta().inputSpec();
        if (!spec.compatibleWith(suspect.inputSpec())) {
            throw new InputException(suspect.description() + ": takes input " + suspect.inputSpec()
                    + " but the fingerprint's queries are " + spec);
        }
        long[] answers = Labels.predict(suspect, fingerprint.queries().values(), fingerprint.size());
        long[] expected = fingerprint.labels();
        for (long answer : answers) {
            if (answer < 0 || answer >= Math.max(suspect.numClasses(), fingerprint.meta().numClasses())) {
                throw new InputException(suspect.description() + ": answered label " + answer
                        + ", outside the fingerprint's " + fingerprint.meta().numClasses() + " classes");
            }
        }
        int matches = MatchingRate.matches(expected, answers);
        return Verdict.of(matches, answers.length, threshold, pValue(fingerprint, matches));
    }

    /** P(an independent model matches >= {@code matches}) under the fingerprint's calibration, or null. */
    static Double pValue(Fingerprint fingerprint, int matches) {
        var calibration = fingerprint.meta().calibration();
        if (calibration == null) {
            return null;
        }
        return BetaBinomial.fit(calibration.rates(), calibration.queries()).upperTail(matches, fingerprint.size());
    }
}
