package io.modelprint.scheme.boundary;

import java.util.Locale;

/**
 * How a query starts (paper Table 3): initialization from a training example (T) or uniformly at
 * random (R), times a random (R) or least-likely (L) target label. Code "TL" is the default.
 */
public record SeedSelection(Init init, TargetLabel label) {
    public enum Init {
        DATA('T'),
        RANDOM('R');

        final char code;

        Init(char code) {
            this.code = code;
        }

        public static Init parse(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "data", "t" -> DATA;
                case "random", "r" -> RANDOM;
                default -> throw new IllegalArgumentException("init must be data or random, got '" + value + "'");
            };
        }
    }

    public enum TargetLabel {
        RANDOM('R'),
        LEAST_LIKELY('L');

        final char code;

        TargetLabel(char code) {
            this.code = code;
        }

        public static TargetLabel parse(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "least-likely", "l" -> LEAST_LIKELY;
                case "random", "r" -> RANDOM;
                default -> throw new IllegalArgumentException("label must be least-likely or random, got '" + value + "'");
            };
        }
    }

    public static final SeedSelection DEFAULT = new SeedSelection(Init.DATA, TargetLabel.LEAST_LIKELY);

    /** "TL", "TR", "RL" or "RR". */
    public String code() {
        return "" + init.code + label.code;
    }
}
