package io.modelprint.scheme;

import io.modelprint.model.Classifier;

/** What a model answers on the queries (IPGuard: top-1 labels). */
public interface Representation<R> {
    String name();

    R represent(Classifier model, Queries queries);
}
