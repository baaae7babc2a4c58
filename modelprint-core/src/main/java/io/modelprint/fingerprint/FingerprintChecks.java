package io.modelprint.fingerprint;

import io.modelprint.fleet.QuerySelection;

/**
 * What a fingerprint must satisfy beyond its hash, since a hash only says the file is as written:
 * at least one query (none for a scheme that compares weights, which holds the target's instead), at least 2 classes, labels within the classes, finite queries, scores, gradient field and layer activations, and
 * a calibration that can be used (at least 2 finite negatives; rates in [0,1] for label matching; kinds and
 * weight hashes, when recorded, one per negative), and a fleet's record of its choice that fits the queries
 * (rates strictly inside (0, 1); a learned verifier's weights finite, one per feature).
 */
final class FingerprintChecks {
    private FingerprintChecks() {}

    static void validate(Fingerprint fingerprint) {
        FingerprintMeta meta = fingerprint.meta();
        if (fingerprint.size() == 0 && fingerprint.weights() == null) {
            throw new IllegalArgumentException("the fingerprint has 0 queries");
        }
        if (meta.numClasses() < 2) {
            throw new IllegalArgumentException("numClasses must be at least 2, got " + meta.numClasses());
        }
        long[] labels = fingerprint.labels();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= meta.numClasses()) {
                throw new IllegalArgumentException("label " + labels[i] + " of query " + i + " is outside the "
                        + meta.numClasses() + " classes");
            }
        }
        float[] values = fingerprint.queries().values();
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("query " + i / fingerprint.queries().spec().pixelsPerImage()
                        + " holds a non-finite value (" + values[i] + ")");
            }
        }
        if (fingerprint.scores() != null) {
            for (float v : fingerprint.scores()) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("scores.npy holds a non-finite value (" + v + ")");
                }
            }
        }
        if (fingerprint.field() != null && fingerprint.field().firstNonFiniteSample() >= 0) {
            throw new IllegalArgumentException("field.npy holds a non-finite value (sample " + fingerprint.field().firstNonFiniteSample() + ")");
        }
        if (fingerprint.activations() != null && fingerprint.activations().firstNonFiniteTest() >= 0) {
            throw new IllegalArgumentException(FingerprintParts.ACTIVATIONS + " holds a non-finite value (test "
                    + fingerprint.activations().firstNonFiniteTest() + ")");
        }
        Calibration calibration = meta.calibration();
        if (calibration != null) {
            if (calibration.rates() == null || calibration.rates().length < 2) {
                throw new IllegalArgumentException("calibration needs at least 2 reference negatives");
            }
            boolean rates = Calibration.BETA_BINOMIAL.equals(calibration.model());
            for (double r : calibration.rates()) {
                if (!Double.isFinite(r) || (rates && (r < 0 || r > 1))) {
                    throw new IllegalArgumentException("calibration holds an impossible " + (rates ? "matching rate" : "similarity")
                            + " (" + r + ")");
                }
            }
            requireParallel(calibration.kinds(), calibration.rates().length, "kinds", false);
            requireParallel(calibration.weightsSha256(), calibration.rates().length, "weightsSha256", true);
        }
        validate(meta.selection(), fingerprint.size(), meta.numClasses());
    }

    /** A list beside the calibration's rates: absent, or one entry per reference (null entries only where {@code nullable}). */
    private static void requireParallel(java.util.List<String> values, int references, String name, boolean nullable) {
        if (values == null) {
            return;
        }
        if (values.size() != references) {
            throw new IllegalArgumentException("calibration holds " + values.size() + " " + name + " for " + references + " references");
        }
        if (!nullable && values.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("calibration's " + name + " holds null for a reference");
        }
    }

    /** A fleet's record of how it chose the queries: one pair of agreement rates per query, each in (0, 1). */
    private static void validate(QuerySelection selection, int queries, int classes) {
        if (selection == null) {
            return;
        }
        if (selection.surrogateAgreement() == null || selection.referenceAgreement() == null || selection.chosenBy() == null
                || selection.fleetSha256() == null) {
            throw new IllegalArgumentException("selection lacks fleetSha256, chosenBy or its agreement rates");
        }
        if (selection.queries() != queries) {
            throw new IllegalArgumentException("selection holds rates for " + selection.queries() + " queries, the fingerprint has "
                    + queries);
        }
        for (int i = 0; i < queries; i++) {
            double p1 = selection.surrogateAgreement()[i];
            double p0 = selection.referenceAgreement()[i];
            if (!(p1 > 0 && p1 < 1 && p0 > 0 && p0 < 1)) {
                throw new IllegalArgumentException("selection's agreement rates of query " + i + " (" + p1 + ", " + p0
                        + ") are not both strictly between 0 and 1");
            }
        }
        if (selection.verifier() != null) {
            selection.verifier().requireUsable(queries, classes);
        }
    }
}
