package io.modelprint.lab.evasive;

import io.modelprint.InputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an evasive prediction API does to its answers (every part off by default), parsed from
 * {@code serve --defense NAME[=VALUE]} options:
 * {@code noise=SIGMA} Gaussian noise of standard deviation SIGMA added to each input (clipped to the
 * input range); {@code smoothing=M} randomized smoothing: the majority label over M noisy copies (noise
 * SIGMA, 0.25 if not given) and their mean scores; {@code round=K} scores rounded to K decimals;
 * {@code top1} the top-1 label only, never scores; {@code flip=P} each label replaced by another class,
 * uniformly, with probability P (its score swapped with the top one); {@code seed=S} the random
 * stream (default 1), so that a defended server answers reproducibly.
 */
public record Defense(double noise, int smoothing, Integer round, boolean top1, double flip, long seed) {
    public static final Defense NONE = new Defense(0, 0, null, false, 0, 1);
    /** Noise of randomized smoothing when no {@code noise=} is given (Cohen et al.'s middle setting). */
    public static final double DEFAULT_SMOOTHING_NOISE = 0.25;
    private static final String KNOWN = "noise=SIGMA, smoothing=M, round=K, top1, flip=P, seed=S";

    public boolean active() {
        return noise > 0 || smoothing > 0 || round != null || top1 || flip > 0;
    }

    /** Noise added to each input: SIGMA, or smoothing's default when smoothing is on without it. */
    public double inputNoise() {
        return noise > 0 ? noise : smoothing > 0 ? DEFAULT_SMOOTHING_NOISE : 0;
    }

    /** @param specs the {@code --defense} values, each {@code NAME[=VALUE]} or several joined by commas */
    public static Defense parse(List<String> specs) {
        double noise = 0;
        int smoothing = 0;
        Integer round = null;
        boolean top1 = false;
        double flip = 0;
        long seed = 1;
        List<String> parts = new ArrayList<>();
        for (String spec : specs) {
            for (String part : spec.split(",")) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        Set<String> given = new HashSet<>();
        for (String part : parts) {
            int eq = part.indexOf('=');
            String name = (eq < 0 ? part : part.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? null : part.substring(eq + 1);
            if (!given.add(name)) {
                throw new InputException("--defense " + part + ": " + name + " is given twice; give each defense once");
            }
            switch (name) {
                case "noise" -> noise = number(part, value, 0, 1e6, "a standard deviation >= 0");
                case "smoothing" -> smoothing = (int) whole(part, value, 1, 10_000, "a number of noisy copies from 1 to 10000");
                case "round" -> round = (int) whole(part, value, 0, 8, "a number of decimals from 0 to 8");
                case "flip" -> flip = number(part, value, 0, 1, "a probability in [0,1]");
                case "seed" -> seed = whole(part, value, Long.MIN_VALUE, Long.MAX_VALUE, "an integer");
                case "top1" -> {
                    if (value != null) {
                        throw new InputException("--defense " + part + ": top1 takes no value");
                    }
                    top1 = true;
                }
                default -> throw new InputException("--defense " + part + ": unknown defense '" + name + "'; known: " + KNOWN);
            }
        }
        return new Defense(noise, smoothing, round, top1, flip, seed);
    }

    private static double number(String part, String value, double min, double max, String expected) {
        try {
            double v = Double.parseDouble(require(part, value, expected));
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InputException("--defense " + part + ": expected " + expected);
    }

    private static long whole(String part, String value, long min, long max, String expected) {
        try {
            long v = Long.parseLong(require(part, value, expected));
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InputException("--defense " + part + ": expected " + expected);
    }

    private static String require(String part, String value, String expected) {
        if (value == null || value.isBlank()) {
            throw new InputException("--defense " + part + ": expected NAME=VALUE with " + expected);
        }
        return value.strip();
    }

    /** As given back to clients in the model's metadata, e.g. {@code noise=0.1,round=2,seed=1}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (noise > 0) {
            parts.add("noise=" + noise);
        }
        if (smoothing > 0) {
            parts.add("smoothing=" + smoothing + (noise > 0 ? "" : ",noise=" + DEFAULT_SMOOTHING_NOISE));
        }
        if (round != null) {
            parts.add("round=" + round);
        }
        if (top1) {
            parts.add("top1");
        }
        if (flip > 0) {
            parts.add("flip=" + flip);
        }
        if (parts.isEmpty()) {
            return "none";
        }
        parts.add("seed=" + seed);
        return String.join(",", parts);
    }
}
