package io.modelprint.model.weights;

/**
 * A batch norm in inference mode after a layer, per output unit: y = gamma (x - mean) / sqrt(var + epsilon) + beta.
 */
public record NormParameters(float[] gamma, float[] beta, float[] mean, float[] var, float epsilon) {
    public NormParameters {
        int n = gamma.length;
        if (beta.length != n || mean.length != n || var.length != n) {
            throw new IllegalArgumentException("a batch norm needs gamma, beta, mean and var of one length, got " + n + ", "
                    + beta.length + ", " + mean.length + ", " + var.length);
        }
        if (!(epsilon >= 0) || !Float.isFinite(epsilon)) {
            throw new IllegalArgumentException("batch norm epsilon must be finite and >= 0, got " + epsilon);
        }
        for (int i = 0; i < n; i++) {
            if (!(var[i] + epsilon > 0)) {
                throw new IllegalArgumentException("batch norm variance " + var[i] + " + epsilon " + epsilon + " of unit " + i
                        + " is not positive");
            }
        }
    }

    public int units() {
        return gamma.length;
    }

    /** The four vectors as one [4, units] array: gamma, beta, mean, var. */
    public float[] stacked() {
        int n = units();
        float[] all = new float[4 * n];
        System.arraycopy(gamma, 0, all, 0, n);
        System.arraycopy(beta, 0, all, n, n);
        System.arraycopy(mean, 0, all, 2 * n, n);
        System.arraycopy(var, 0, all, 3 * n, n);
        return all;
    }

    /** The inverse of {@link #stacked()}. */
    public static NormParameters unstack(float[] all, float epsilon) {
        if (all.length % 4 != 0) {
            throw new IllegalArgumentException("a stacked batch norm holds 4 rows, got " + all.length + " values");
        }
        int n = all.length / 4;
        return new NormParameters(java.util.Arrays.copyOfRange(all, 0, n), java.util.Arrays.copyOfRange(all, n, 2 * n),
                java.util.Arrays.copyOfRange(all, 2 * n, 3 * n), java.util.Arrays.copyOfRange(all, 3 * n, 4 * n), epsilon);
    }
}
