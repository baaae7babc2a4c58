package io.modelprint.scheme;

import io.modelprint.InputException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One parameter a scheme declares: its name, type, default, the values it accepts and what it does.
 * {@link #accept} turns a given value (a number, a string from the command line or meta.json) into
 * the declared type or refuses it with the accepted range.
 */
public record Parameter(String name, Kind kind, Object defaultValue, Range range, List<String> choices,
        Map<String, String> aliases, String description) {

    /** The declared types. Reals are floats, as the generators compute in float32. */
    public enum Kind { INTEGER, REAL, FLAG, CHOICE }

    /** Bounds of a numeric parameter; an infinite bound is none. */
    public record Range(double lower, boolean lowerInclusive, double upper, boolean upperInclusive) {
        public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

        public static Range atLeast(double lower) {
            return new Range(lower, true, Double.POSITIVE_INFINITY, false);
        }

        public static Range above(double lower) {
            return new Range(lower, false, Double.POSITIVE_INFINITY, false);
        }

        public Range atMost(double bound) {
            return new Range(lower, lowerInclusive, bound, true);
        }

        boolean contains(double value) {
            boolean low = lowerInclusive ? value >= lower : value > lower;
            boolean high = upperInclusive ? value <= upper : value < upper;
            return low && high;
        }

        String describe() {
            boolean hasLower = lower != Double.NEGATIVE_INFINITY;
            boolean hasUpper = upper != Double.POSITIVE_INFINITY;
            if (hasLower && hasUpper) {
                return "in " + (lowerInclusive ? "[" : "(") + number(lower) + ", " + number(upper) + (upperInclusive ? "]" : ")");
            }
            if (hasLower) {
                return (lowerInclusive ? ">= " : "> ") + number(lower);
            }
            return hasUpper ? (upperInclusive ? "<= " : "< ") + number(upper) : "any value";
        }

        private static String number(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }

    /** The value as this parameter's type, or an {@link InputException} naming {@code owner}, the parameter and what it accepts. */
    public Object accept(Object value, String owner) {
        return switch (kind) {
            case INTEGER -> inRange(integer(value, owner), value, owner).intValue();
            case REAL -> inRange(real(value, owner), value, owner).floatValue();
            case FLAG -> flag(value, owner);
            case CHOICE -> choice(value, owner);
        };
    }

    /** What the parameter accepts, for messages and --help, e.g. "integer >= 0" or "one of data, random". */
    public String accepted() {
        return switch (kind) {
            case INTEGER -> range == Range.ANY ? "an integer" : "an integer " + range.describe();
            case REAL -> range == Range.ANY ? "a number" : "a number " + range.describe();
            case FLAG -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
        };
    }

    private Number inRange(Number parsed, Object given, String owner) {
        if (!range.contains(parsed.doubleValue())) {
            throw refused(given, owner);
        }
        return parsed;
    }

    private Number integer(Object value, String owner) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw refused(value, owner);
        }
    }

    private Number real(Object value, String owner) {
        float result;
        if (value instanceof Number n) {
            result = n.floatValue();
        } else {
            try {
                result = Float.parseFloat(value.toString().trim());
            } catch (NumberFormatException e) {
                throw refused(value, owner);
            }
        }
        if (!Float.isFinite(result)) {
            throw refused(value, owner);
        }
        return result;
    }

    private Boolean flag(Object value, String owner) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw refused(value, owner);
    }

    private String choice(Object value, String owner) {
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        String canonical = aliases.getOrDefault(text, text);
        if (!choices.contains(canonical)) {
            throw refused(value, owner);
        }
        return canonical;
    }

    private InputException refused(Object value, String owner) {
        return new InputException(owner + ": parameter " + name + " must be " + accepted() + ", got '" + value + "'");
    }
}
