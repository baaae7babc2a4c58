package io.modelprint.scheme.boundary;

import io.modelprint.scheme.boundary.CwL2;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Labels;
import io.modelprint.scheme.MatchingRate;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/** Carlini-Wagner L2 adversarial points with confidence k (paper baseline), labels, matching rate; similarity in [0,1]. */
public final class CwL2Scheme implements SchemeFactory {
    @Override
    public String name() {
        return "cw-l2";
    }

    @Override
    public String summary() {
        return "Carlini-Wagner L2 adversarial points with confidence k (paper baseline), labels, matching rate";
    }

    @Override
    public Access suspectAccess() {
        return Access.LABELS;
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        CwL2 generator = new CwL2(p.real("k", 3f), p.real("lr", 0.05f), p.integer("binarySteps", 3), p.integer("maxIter", 150),
                p.real("initialConst", 1f), Selections.read(p));
        return new Scheme<>(name(), new ChunkedGenerator(generator), new Labels(), new MatchingRate(), 0.5);
    }
}
