package io.modelprint.scheme.boundary;

import io.modelprint.scheme.boundary.RandomPoints;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Labels;
import io.modelprint.scheme.MatchingRate;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/** seed images as they are (paper baseline), labels, matching rate; similarity in [0,1]. */
public final class RandomScheme implements SchemeFactory {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public String summary() {
        return "seed images as they are (paper baseline), labels, matching rate";
    }

    @Override
    public Access suspectAccess() {
        return Access.LABELS;
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        return new Scheme<>(name(), new RandomPoints(Selections.read(p)), new Labels(), new MatchingRate(), 0.5);
    }
}
