package io.modelprint.testing;

import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fleet.FleetRole;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.gradient.GradientCheck;
import io.modelprint.model.Classifier;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tiny fleets for the tests of schemes a fleet chooses label queries for (fleet-llr, metav): a linear
 * target, surrogates that are perturbed copies of it and references that are independent linear
 * models, all on 10 x 10 band images of 10 classes.
 */
public final class CopyFleets {
    public static final ImageDataset DATA = SyntheticData.bands(600, 10, 10, 10, 3);
    public static final long TARGET_SEED = 1;
    /** Per weight, how far a copy moves from the target: enough that copies disagree with it now and then. */
    public static final float COPY_NOISE = 0.4f;

    private CopyFleets() {}

    public static LinearModel target() {
        return new LinearModel(DATA.spec(), 10, TARGET_SEED);
    }

    public static LinearModel copy(long seed) {
        try (LinearModel target = target()) {
            return LinearModel.perturbed(target, COPY_NOISE, seed);
        }
    }

    public static LinearModel independent(long seed) {
        return new LinearModel(DATA.spec(), 10, seed);
    }

    /** Surrogates are copies with seeds 1.., references independent models with seeds 100..; no other test model uses them. */
    public static InMemoryFleet fleet(int surrogates, int references) {
        InMemoryFleet fleet = new InMemoryFleet(DATA.spec(), 10);
        try (LinearModel target = target()) {
            fleet.forTarget(target.sha256());
        }
        for (int i = 0; i < surrogates; i++) {
            long seed = 1 + i;
            fleet.add("copy-" + seed, FleetRole.SURROGATE, "perturbed", () -> copy(seed));
        }
        for (int i = 0; i < references; i++) {
            long seed = 100 + i;
            fleet.add("independent-" + seed, FleetRole.REFERENCE, "seed", () -> independent(seed));
        }
        return fleet;
    }

    /** {@code suspect}'s similarity to {@code fingerprint} under the fingerprint's scheme, asked for labels only. */
    public static double similarity(Fingerprint fingerprint, Classifier suspect) {
        return fingerprint.scheme().similarity(fingerprint.answers(), Answers.ask(suspect, fingerprint.queries(), Access.LABELS));
    }

    /** The lowest similarity of held-out copies (seeds 50-53) and the highest of held-out independent models (seeds 500-507). */
    public record Separation(double lowestCopy, double highestIndependent) {}

    public static Separation separation(Fingerprint fingerprint) {
        double lowestCopy = Double.POSITIVE_INFINITY;
        double highestIndependent = Double.NEGATIVE_INFINITY;
        for (long seed = 50; seed < 54; seed++) {
            try (LinearModel copy = copy(seed)) {
                lowestCopy = Math.min(lowestCopy, similarity(fingerprint, copy));
            }
        }
        for (long seed = 500; seed < 508; seed++) {
            try (LinearModel independent = independent(seed)) {
                highestIndependent = Math.max(highestIndependent, similarity(fingerprint, independent));
            }
        }
        return new Separation(lowestCopy, highestIndependent);
    }

    /** {@code scheme}'s fingerprint of the target with {@code parameters} (n included), chosen with {@code split}. */
    public static Fingerprint extract(String scheme, FleetSplit split, Map<String, Object> parameters) {
        SchemeFactory factory = Schemes.require(scheme, "test");
        try (LinearModel target = target()) {
            return FingerprintExtractor.extract(target, "target", factory.create(new LinkedHashMap<>(parameters)),
                    SeedSource.fromData(DATA), 7, split, ProgressListener.NONE, new GradientCheck()).fingerprint();
        }
    }
}
