package io.modelprint.fingerprint;

import java.util.List;

/**
 * Matching rates of reference negatives (models known to be independent of the target) against
 * this fingerprint, stored in its meta.json by {@code calibrate}; verification turns them into a
 * p-value.
 */
public record Calibration(String model, List<String> negatives, double[] rates, int queries) {
    public static final String BETA_BINOMIAL = "beta-binomial";
}
