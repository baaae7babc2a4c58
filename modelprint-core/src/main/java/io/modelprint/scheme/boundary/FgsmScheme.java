package io.modelprint.scheme.boundary;

import io.modelprint.scheme.boundary.Fgsm;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Labels;
import io.modelprint.scheme.MatchingRate;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/** one targeted gradient-sign step of size epsilon (paper baseline), labels, matching rate; similarity in [0,1]. */
public final class FgsmScheme implements SchemeFactory {
    @Override
    public String name() {
        return "fgsm";
    }

    @Override
    public String summary() {
        return "one targeted gradient-sign step of size epsilon (paper baseline), labels, matching rate";
    }

    @Override
    public Access suspectAccess() {
        return Access.LABELS;
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        return new Scheme<>(name(), new ChunkedGenerator(new Fgsm(p.real("epsilon", 0.1f), Selections.read(p))), new Labels(), new MatchingRate(), 0.5);
    }
}
