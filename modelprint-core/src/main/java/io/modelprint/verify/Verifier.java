package io.modelprint.verify;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Calibration;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.model.Classifier;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.RepeatedAnswers;
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

    /** Default significance level of calibrated verdicts. */
    public static final double DEFAULT_ALPHA = 0.01;

    private final Double threshold;
    private final double alpha;

    /**
     * @param threshold similarity threshold the user chose, or null: calibrated fingerprints are then
     *     judged by their p-value against {@code alpha}, uncalibrated ones by the scheme's default threshold
     */
    public Verifier(Double threshold, double alpha) {
        if (threshold != null && !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number, got " + threshold);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0,1), got " + alpha);
        }
        this.threshold = threshold;
        this.alpha = alpha;
    }

    /** @param threshold similarity threshold, or null for p-values where calibrated and each scheme's default otherwise */
    public Verifier(Double threshold) {
        this(threshold, DEFAULT_ALPHA);
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
        SupportedPValue p = pValue(fingerprint, similarity, matches);
        return Verdict.of(scheme.name(), scheme.question(), similarity, tau, threshold != null, fingerprint.size(), matches,
                p == null ? null : p.value(), alpha);
    }

    /** The suspect's answers on the fingerprint's queries, with the access the scheme needs. */
    public static Answers answers(Fingerprint fingerprint, Scheme<?> scheme, Classifier suspect) {
        return answers(fingerprint, scheme, suspect, 1).answers();
    }

    /** As above, every query asked {@code repeats} times (majority label, mean scores; {@link RepeatedAnswers}). */
    public static RepeatedAnswers answers(Fingerprint fingerprint, Scheme<?> scheme, Classifier suspect, int repeats) {
        String problem = SuspectFit.problem(fingerprint, scheme, suspect, Access.offeredBy(suspect));
        if (problem != null) {
            throw new InputException(suspect.description() + ": " + problem);
        }
        boolean acrossTasks = scheme.comparesAcrossTasks();
        RepeatedAnswers repeated = RepeatedAnswers.ask(suspect, fingerprint.queries(), scheme.representation(), repeats);
        Answers answers = repeated.answers();
        if (scheme.asksTampering()) {
            RepeatCheck.require(fingerprint, scheme, suspect, answers);
        }
        int classes = acrossTasks ? suspect.numClasses() : fingerprint.meta().numClasses();
        for (long answer : answers.labels()) {
            if (answer < 0 || answer >= classes) {
                throw new InputException(suspect.description() + ": answered label " + answer
                        + ", outside " + (acrossTasks ? "its own " : "the fingerprint's ") + classes + " classes [0, " + classes + ")");
            }
        }
        return repeated;
    }

    /** P(an independent model is at least this similar) under the fingerprint's calibration, as far as it supports; or null. */
    static SupportedPValue pValue(Fingerprint fingerprint, double similarity, Integer matches) {
        Calibration calibration = fingerprint.meta().calibration();
        return calibration == null ? null : SupportedPValue.of(calibration, similarity, matches, fingerprint.size());
    }

    /** The calibration model a scheme's similarities are given. */
    public static String calibrationModel(Scheme<?> scheme) {
        return scheme.distance().nullModel().label();
    }
}
