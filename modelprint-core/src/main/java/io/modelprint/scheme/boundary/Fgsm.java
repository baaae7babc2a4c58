package io.modelprint.scheme.boundary;

/** FGSM (Goodfellow et al. 2015), targeted: one step of size ε against the gradient sign (paper eq. 1). */
public final class Fgsm extends GradientSign {
    public Fgsm(float epsilon, SeedSelection selection) {
        super(epsilon, epsilon, 1, selection);
    }

    @Override
    public String name() {
        return "fgsm";
    }
}
