package io.modelprint.scheme;

import io.modelprint.model.Classifier;

/**
 * What a scheme makes of a model's answers on the queries (labels, a correlation matrix, a
 * decision-distance vector, explanation weights), and the access it needs of the model.
 */
public interface Representation<R> {
    String name();

    Access access();

    R represent(Answers answers);

    /**
     * What {@link #represent} reads, asked of {@code model} on {@code queries}: its labels or scores
     * (and weights) by {@link #access()}. A representation of gradients asks them its own way.
     */
    default Answers ask(Classifier model, Queries queries) {
        return Answers.ask(model, queries, access());
    }

    /** Inputs a model is asked per query: 1, or for a gradient field every point of the path to the sample (what a suspect costs). */
    default int inputsPerQuery() {
        return 1;
    }

    /**
     * Whether two models' representations compare even when they answer different tasks (other class
     * counts), as a transfer-learning copy does: true only when the representation does not depend
     * on which output means which class (ModelDiff's decision distances).
     */
    default boolean comparesAcrossTasks() {
        return false;
    }
}
