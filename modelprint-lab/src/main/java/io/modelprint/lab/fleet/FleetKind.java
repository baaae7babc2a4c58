package io.modelprint.lab.fleet;

import java.util.List;

/** The kinds of an owner's fleet, as {@code fleet build} records them in each member's {@code fleetKind} parameter. */
public final class FleetKind {
    private FleetKind() {}

    /** References: the target's own recipe (architecture, epochs, batch size, learning rate) on the whole training split, other seeds. */
    public static final String SAME_RECIPE = "same-recipe";
    /** References: other architectures on the whole training split. */
    public static final String OTHER_ARCH = "other-arch";
    /** References: weaker models, each on its own random subset of the training split. */
    public static final String SUBSET = "subset";
    /** Surrogates: students trained on the target's top-1 labels. */
    public static final String LABEL_STUDENT = "label-student";
    /** Surrogates: students trained by knowledge distillation on the target's probabilities. */
    public static final String PROB_STUDENT = "prob-student";
    /** Surrogates: label students trained further with PGD adversarial training on the target's labels. */
    public static final String ADVERSARIAL_STUDENT = "adversarial-student";
    /** Surrogates: probability students whose queries are CutMix mixtures, not the task's images. */
    public static final String OTHER_DATA_STUDENT = "other-data-student";
    /** Surrogates: the target's weights fine-tuned. */
    public static final String FINE_TUNED = "fine-tuned";

    public static final List<String> REFERENCES = List.of(SAME_RECIPE, OTHER_ARCH, SUBSET);
    public static final List<String> SURROGATES = List.of(LABEL_STUDENT, PROB_STUDENT, ADVERSARIAL_STUDENT, OTHER_DATA_STUDENT,
            FINE_TUNED);
}
