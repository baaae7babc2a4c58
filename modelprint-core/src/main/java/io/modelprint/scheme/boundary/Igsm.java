package io.modelprint.scheme.boundary;

/**
 * IGSM (Kurakin et al. 2017), targeted: steps of α = 1/255 (the smallest image step) within the
 * ε-ball, until the target label is reached or 1000 steps (paper eq. 2, §5.1.3).
 */
public final class Igsm extends GradientSign {
    public static final float DEFAULT_ALPHA = 1f / 255;
    public static final int DEFAULT_MAX_ITERATIONS = 1000;

    public Igsm(float epsilon, SeedSelection selection) {
        this(epsilon, DEFAULT_ALPHA, DEFAULT_MAX_ITERATIONS, selection);
    }

    public Igsm(float epsilon, float alpha, int maxIterations, SeedSelection selection) {
        super(epsilon, alpha, maxIterations, selection);
    }

    @Override
    public String name() {
        return "igsm";
    }
}
