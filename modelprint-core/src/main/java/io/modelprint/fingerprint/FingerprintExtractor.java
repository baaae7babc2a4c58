package io.modelprint.fingerprint;

import io.modelprint.fleet.FleetSplit;
import io.modelprint.scheme.FleetSelectedQueries;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.InputSpec;
import io.modelprint.data.SpecConversion;
import io.modelprint.gradient.GradientCheck;
import io.modelprint.model.ConvertedDifferentiable;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes a fingerprint: queries from a generator, labelled by the target itself, with the
 * provenance that the file format stores. A target seen through a {@link ConvertedDifferentiable}
 * is fingerprinted in pixel space and its queries are stored in the target's own input spec.
 */
public final class FingerprintExtractor {
    /** The fingerprint and what making it cost. */
    public record Result(Fingerprint fingerprint, GeneratedQueries generated, double seconds) {}

    private FingerprintExtractor() {}

    /**
     * Makes {@code scheme}'s queries on {@code target} and records the target's answers with the
     * access the scheme's representation needs (labels, or labels and scores).
     */
    public static Result extract(Differentiable target, String targetName, Scheme<?> scheme, SeedSource seeds,
            long seed, ProgressListener progress) {
        return extract(target, targetName, scheme, seeds, seed, progress, new GradientCheck());
    }

    /** As above, with a gradient checker that remembers the targets it passed (one per evaluation or bundle). */
    public static Result extract(Differentiable target, String targetName, Scheme<?> scheme, SeedSource seeds,
            long seed, ProgressListener progress, GradientCheck checks) {
        return extract(target, targetName, scheme, seeds, seed, null, progress, checks);
    }

    /**
     * As above; a scheme whose queries a fleet chooses ({@link FleetSelectedQueries}) chooses them
     * with {@code fleet}'s selection half, other schemes ignore it (null: no fleet).
     */
    public static Result extract(Differentiable target, String targetName, Scheme<?> scheme, SeedSource seeds,
            long seed, FleetSplit fleet, ProgressListener progress, GradientCheck checks) {
        long start = System.nanoTime();
        if (target instanceof ConvertedDifferentiable && scheme.suspectAccess().readsInternals()) {
            // a field taken in pixel space is not the gradient in the target's own input spec, where the file keeps queries
            throw new io.modelprint.InputException(targetName + ": scheme " + scheme.name() + " compares " + scheme.suspectAccess().label()
                    + " in the target's own input spec; fingerprint the target without an input conversion (--input-shape / --resize)");
        }
        // the number of queries is the scheme's own parameter, recorded with the others: one source for both
        int n = scheme.parameters().queryCount();
        QueryGenerator generator = scheme.queries();
        if (generator.targetAccess() == Access.GRADIENTS || generator.targetAccess() == Access.LAYERS) {
            checks.require(target, targetName);
        }
        GeneratedQueries generated;
        if (generator instanceof FleetSelectedQueries selected && fleet != null) {
            fleet.fleet().requireCompatible(target.inputSpec(), target.numClasses(), targetName);
            generated = selected.generate(target, seeds, n, seed, fleet, progress);
        } else {
            generated = generator.generate(target, seeds, n, seed, progress);
        }
        Answers answers = scheme.representation().ask(target, generated.queries());
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> parameters = new LinkedHashMap<>(scheme.parameters().values());
        Queries queries = generated.queries();
        InputSpec spec = target.inputSpec();
        if (target instanceof ConvertedDifferentiable converted) {
            queries = convert(queries, converted.conversion());
            spec = queries.spec();
            parameters.put("generatedIn", converted.conversion().from().toString());
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("queries", queries.count());
        stats.put("converged", generated.convergedCount());
        stats.put("meanIterations", generated.meanIterations());
        stats.put("maxIterations", generated.maxIterations());
        stats.put("seconds", seconds);
        stats.put("madeBy", io.modelprint.ToolVersion.environment());
        if (seeds.isData() && generator.usesSeeds()) {
            stats.put("seedDataSha256", seeds.dataset("the seed source").sha256());
        }
        FingerprintMeta meta = FingerprintMeta.builder()
                .setScheme(scheme.name(), scheme.representation().name(), scheme.distance().name(), scheme.suspectAccess().label())
                .setParameters(parameters)
                .setInput(spec, target.numClasses())
                .setTarget(targetName, target.sha256())
                .setSeed(seed, generator.usesSeeds() ? seeds.describe() : "none")
                .optCreatedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .optStats(stats)
                .optSelection(generated.selection())
                .optNetwork(answers.weights() != null ? answers.weights().specs()
                        : answers.activations() != null ? answers.activations().network() : null)
                .build();
        return new Result(new Fingerprint(queries, answers.labels(), answers.scores(), meta, answers.weights(), answers.field(),
                answers.activations()),
                generated, seconds);
    }

    private static Queries convert(Queries queries, SpecConversion conversion) {
        try (NDManager manager = NDManager.newBaseManager();
                NDArray batch = manager.create(queries.values(), queries.spec().batchShape(queries.count()));
                NDArray converted = conversion.apply(batch)) {
            return new Queries(conversion.to(), converted.toFloatArray(), queries.count());
        }
    }
}
