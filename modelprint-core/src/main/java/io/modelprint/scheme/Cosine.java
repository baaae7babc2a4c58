package io.modelprint.scheme;


/** Cosine similarity of two vectors, in [-1,1]; 0 when either is all zeros. */
public final class Cosine implements Distance<double[]> {
    @Override
    public String name() {
        return "cosine";
    }

    @Override
    public double similarity(double[] fingerprint, double[] suspect) {
        if (fingerprint.length != suspect.length || fingerprint.length == 0) {
            throw new IllegalArgumentException("vectors differ in length: " + fingerprint.length + " vs " + suspect.length);
        }
        return of(fingerprint, suspect, 0, fingerprint.length);
    }

    /** Cosine of a[from..to) and b[from..to). */
    public static double of(double[] a, double[] b, int from, int to) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = from; i < to; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    public static double of(float[] a, float[] b) {
        double[] x = new double[a.length];
        double[] y = new double[b.length];
        for (int i = 0; i < a.length; i++) {
            x[i] = a[i];
            y[i] = b[i];
        }
        return of(x, y, 0, x.length);
    }

    public static double[] normalized(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        double[] out = v.clone();
        for (int i = 0; i < out.length && norm > 0; i++) {
            out[i] /= norm;
        }
        return out;
    }
}
