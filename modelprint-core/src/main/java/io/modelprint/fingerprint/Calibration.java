package io.modelprint.fingerprint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.modelprint.scheme.NullModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Similarities of reference negatives (models known to be independent of the target) to this
 * fingerprint, stored in its meta.json by {@code calibrate}; verification turns them into a p-value.
 * For label-matching schemes they are matching rates and the model is beta-binomial; for
 * continuous similarities the model is a Student-t predictive null. The field keeps its version 1
 * name, {@code rates}.
 *
 * <p>{@code kinds} names how each reference was made ("same-recipe", "other-arch", "mlp-subset",
 * {@value #UNSPECIFIED}), parallel to {@code negatives}, so the null can account for the spread
 * between kinds; {@code weightsSha256} holds each reference's weight hash where known (null entries
 * otherwise), so a reference that chose the queries can be recognised. Both are absent (null) in
 * files calibrated before they existed, which verify exactly as they did.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Calibration(String model, List<String> negatives, double[] rates, int queries, List<String> kinds,
        List<String> weightsSha256) {
    public static final String BETA_BINOMIAL = NullModel.BETA_BINOMIAL.label();
    public static final String STUDENT_T = NullModel.STUDENT_T.label();
    /** The kind of a reference nobody said how it was made. */
    public static final String UNSPECIFIED = "unspecified";

    /** A calibration without kinds or hashes, as files made before them hold. */
    public Calibration(String model, List<String> negatives, double[] rates, int queries) {
        this(model, negatives, rates, queries, null, null);
    }

    /** The references' similarities per kind, kinds in order of first appearance; empty when the kinds are not recorded. */
    @JsonIgnore
    public Map<String, double[]> ratesByKind() {
        Map<String, double[]> byKind = new LinkedHashMap<>();
        if (kinds == null) {
            return byKind;
        }
        for (int i = 0; i < rates.length; i++) {
            double[] old = byKind.getOrDefault(kinds.get(i), new double[0]);
            double[] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = rates[i];
            byKind.put(kinds.get(i), grown);
        }
        return byKind;
    }
}
