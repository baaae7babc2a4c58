package io.modelprint.scheme;

/**
 * The cosine of two models' per-image blocks (Zest's explanation weights of a reference image, UAP's
 * score shifts of a data point), averaged over images so that each counts alike; [-1,1].
 */
public final class MeanImageCosine implements Distance<double[]> {
    private final int images;

    public MeanImageCosine(int images) {
        this.images = images;
    }

    @Override
    public String name() {
        return "mean-cosine-per-image";
    }

    @Override
    public double similarity(double[] fingerprint, double[] suspect) {
        if (fingerprint.length != suspect.length || fingerprint.length == 0 || fingerprint.length % images != 0) {
            throw new IllegalArgumentException("per-image vectors differ in size: " + fingerprint.length + " vs " + suspect.length);
        }
        int block = fingerprint.length / images;
        double sum = 0;
        for (int i = 0; i < images; i++) {
            sum += Cosine.of(fingerprint, suspect, i * block, (i + 1) * block);
        }
        return sum / images;
    }
}
