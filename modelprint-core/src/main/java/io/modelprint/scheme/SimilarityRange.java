package io.modelprint.scheme;

/** The values a {@link Distance}'s similarity can take, both ends included: a threshold outside it decides nothing. */
public record SimilarityRange(double min, double max) {
    /** A share of matching queries. */
    public static final SimilarityRange UNIT = new SimilarityRange(0, 1);
    /** A cosine or an agreement that can be negative. */
    public static final SimilarityRange SIGNED_UNIT = new SimilarityRange(-1, 1);

    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    /** E.g. {@code [0,1]}. */
    @Override
    public String toString() {
        return "[" + text(min) + "," + text(max) + "]";
    }

    private static String text(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
