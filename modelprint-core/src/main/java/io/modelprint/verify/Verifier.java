package io.modelprint.verify;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Calibration;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.model.Classifier;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Scheme;

/**
 * Checks a suspect against a fingerprint with the fingerprint's scheme: the suspect answers every
 * query with the access the scheme needs, the scheme's representation and distance give a
 * similarity, and a suspect at or above the threshold (the given one, else the scheme's default)
 * is judged derived.
 */
public final class Verifier {
    /** Default τ of label-matching schemes; see docs/verification.md for how it was chosen. */
    public static final double DEFAULT_THRESHOLD = Scheme.MATCHING_THRESHOLD;

    private final Double threshold;

    /** @param threshold similarity threshold, or null for each scheme's default */
    public Verifier(Double threshold) {
        if (threshold != null && !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number, got " + threshold);
        }
        this.threshold = threshold;
    }

    public Verifier(double threshold) {
        this(Double.valueOf(threshold));
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0,1], got " + threshold);
        }
    }

    public Verdict verify(Fingerprint fingerprint, Classifier suspect) {
        Scheme<?> scheme = fingerprint.scheme();
        return judge(fingerprint, scheme, answers(fingerprint, scheme, suspect));
    }

    /** The verdict on answers a suspect already gave to the fingerprint's queries (in their order). */
    public Verdict judge(Fingerprint fingerprint, Scheme<?> scheme, Answers answers) {
        double similarity = scheme.similarity(fingerprint.answers(), answers);
        double tau = threshold != null ? threshold : scheme.defaultThreshold();
        Integer matches = scheme.matches(fingerprint.answers(), answers);
        return Verdict.of(scheme.name(), similarity, tau, fingerprint.size(), matches, pValue(fingerprint, similarity, matches));
    }

    /** The suspect's answers on the fingerprint's queries, with the access the scheme needs. */
    public static Answers answers(Fingerprint fingerprint, Scheme<?> scheme, Classifier suspect) {
        String problem = SuspectFit.problem(fingerprint, scheme, suspect, Access.offeredBy(suspect));
        if (problem != null) {
            throw new InputException(suspect.description() + ": " + problem);
        }
        boolean acrossTasks = scheme.comparesAcrossTasks();
        Answers answers = Answers.ask(suspect, fingerprint.queries(), scheme.suspectAccess());
        int classes = acrossTasks ? suspect.numClasses() : fingerprint.meta().numClasses();
        for (long answer : answers.labels()) {
            if (answer < 0 || answer >= classes) {
                throw new InputException(suspect.description() + ": answered label " + answer
                        + ", outside " + (acrossTasks ? "its own " : "the fingerprint's ") + classes + " classes [0, " + classes + ")");
            }
        }
        return answers;
    }

    /** P(an independent model is at least this similar) under the fingerprint's calibration, or null. */
    static Double pValue(Fingerprint fingerprint, double similarity, Integer matches) {
        Calibration calibration = fingerprint.meta().calibration();
        if (calibration == null) {
            return null;
        }
        if (Calibration.BETA_BINOMIAL.equals(calibration.model()) && matches != null) {
            return BetaBinomial.fit(calibration.rates(), calibration.queries()).upperTail(matches, fingerprint.size());
        }
        return StudentTNull.fit(calibration.rates()).upperTail(similarity);
    }

    /** The calibration model a scheme's similarities are given. */
    public static String calibrationModel(Scheme<?> scheme) {
        return scheme.distance().nullModel().label();
    }
}
