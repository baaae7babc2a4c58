package io.modelprint.scheme;

/**
 * What a scheme makes of a model's answers on the queries (labels, a correlation matrix, a
 * decision-distance vector, explanation weights), and the access it needs of the model.
 */
public interface Representation<R> {
    String name();

    Access access();

    R represent(Answers answers);
}
