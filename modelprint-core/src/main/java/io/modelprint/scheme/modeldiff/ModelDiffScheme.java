package io.modelprint.scheme.modeldiff;

import io.modelprint.scheme.Access;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/**
 * ModelDiff (Li et al., ISSTA 2021): seed/adversarial pairs made on the target; decision distance
 * vectors; cosine of the two vectors, in [-1,1] (in practice [0,1]).
 */
public final class ModelDiffScheme implements SchemeFactory {
    public static final double DEFAULT_THRESHOLD = 0.85;

    @Override
    public String name() {
        return "modeldiff";
    }

    @Override
    public String summary() {
        return "seed images paired with targeted PGD inputs, decision distance vector, cosine (scores)";
    }

    @Override
    public Access suspectAccess() {
        return Access.SCORES;
    }

    @Override
    public boolean comparesAcrossTasks() {
        return true;
    }

    @Override
    public String defaultSplit() {
        return "test";
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        return new Scheme<>(name(), new AdversarialPairs(p.real("epsilon", 0.05f), p.integer("steps", 50)),
                new DecisionDistanceVector(), new Cosine(), DEFAULT_THRESHOLD);
    }
}
