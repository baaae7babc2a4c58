package io.modelprint.fingerprint;

import io.modelprint.scheme.NullModel;
import java.util.List;

/**
 * Similarities of reference negatives (models known to be independent of the target) to this
 * fingerprint, stored in its meta.json by {@code calibrate}; verification turns them into a p-value.
 * For label-matching schemes they are matching rates and the model is beta-binomial; for
 * continuous similarities the model is a Student-t predictive null. The field keeps its version 1
 * name, {@code rates}.
 */
public record Calibration(String model, List<String> negatives, double[] rates, int queries) {
    public static final String BETA_BINOMIAL = NullModel.BETA_BINOMIAL.label();
    public static final String STUDENT_T = NullModel.STUDENT_T.label();
}
