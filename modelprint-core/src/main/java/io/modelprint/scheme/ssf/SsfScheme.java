package io.modelprint.scheme.ssf;

import io.modelprint.scheme.Labels;
import io.modelprint.scheme.boundary.ChunkedGenerator;
import io.modelprint.scheme.MatchingRate;
import io.modelprint.scheme.Parameter.Range;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Question;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;
import io.modelprint.verify.RepeatCheck;
import java.util.List;
import java.util.Map;

/**
 * Sensitive-Sample Fingerprinting (docs/schemes.md, "ssf"): is the model still exactly the target?
 * {@code ssf} stores the target's scores on its sensitive samples and reads "unmodified" only when a
 * suspect's scores are all within the tolerance; {@code ssf-hard} stores labels of samples moved to a
 * small top-1 margin and reads "unmodified" only when every label is the same. Never calibrated.
 */
public final class SsfScheme implements SchemeFactory {
    /** Every sample must agree: the similarity is the share that does. */
    public static final double ALL_SAMPLES = 1.0;

    private final boolean hard;

    public SsfScheme(boolean hard) {
        this.hard = hard;
    }

    @Override
    public String name() {
        return hard ? "ssf-hard" : "ssf";
    }

    @Override
    public String summary() {
        return hard ? "tampering (unmodified / modified), label-only: sensitive samples moved to a small top-1 margin, labels,"
                + " all must match"
                : "tampering (unmodified / modified): samples whose scores move most under any small weight change, scores,"
                + " all within the tolerance";
    }

    @Override
    public ParameterSpec parameters() {
        // with scores one sensitive sample catches every change the tests make; labels flip on a share of them
        ParameterSpec.Builder builder = ParameterSpec.builder().n(hard ? 64 : 32, "number of sensitive samples (verifying asks "
                        + RepeatCheck.QUERIES + " of them again)")
                .choice("init", "data", List.of("data", "random"), Map.of("t", "data", "r", "random"),
                        "where samples start: training/test images (T, the paper's) or uniform noise (R)")
                .real("sigma", 0.01f, Range.above(0), "weight perturbations the sensitivity is measured with, relative to each"
                        + " parameter tensor's RMS")
                .integer("draws", 4, Range.atLeast(1), "weight perturbations per optimisation step")
                .integer("steps", 50, Range.atLeast(1), "Adam steps up the sensitivity")
                .real("lr", 0.01f, Range.above(0), "Adam's learning rate, a fraction of the input range")
                .integer("pool", 2, Range.atLeast(1), "candidates optimised per sample kept (the most sensitive unsaturated ones)");
        if (hard) {
            builder.real("margin", 1e-4f, Range.above(0), "top-1 margin the samples are moved to, relative to max(1, max |logit|)");
        } else {
            builder.real("tolerance", 1e-4f, Range.above(0), "largest score difference an unmodified model may show, relative to"
                    + " max(1, max |logit|) of the stored row");
        }
        return builder.build();
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        SensitiveSamples samples = new SensitiveSamples(p.real("sigma"), p.integer("draws"), p.integer("steps"), p.real("lr"),
                p.integer("pool"), hard ? new SmallMargins(p.real("margin"), MARGIN_STEPS) : null);
        // at most ChunkedGenerator.CHUNK samples (pool x as many candidates) move in one batch, whatever --n is
        ChunkedGenerator chunked = new ChunkedGenerator(samples);
        if (hard) {
            return new Scheme<>(name(), chunked, new Labels(), new MatchingRate(), ALL_SAMPLES, p, Question.TAMPERING);
        }
        return new Scheme<>(name(), chunked, new ScoreRows(), new ScoresWithinTolerance(p.real("tolerance")), ALL_SAMPLES, p,
                Question.TAMPERING);
    }

    private static final int MARGIN_STEPS = 50;
}
