package io.modelprint.scheme.llr;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.fleet.FleetMember;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.fleet.QuerySelection;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.FleetAnswers;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.Parameter;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.SchemeParameters;
import io.modelprint.scheme.SeedSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the owner's fleet chooses label queries, for every scheme that scores a suspect's agreements
 * with the target on them (fleet-llr, metav): a pool of candidates ({@link CandidatePool}) that the
 * target labels and every surrogate and selection reference of the split answers; per candidate the
 * shrunk shares that agree with the target ({@link AgreementRates}); n of them chosen with the guards
 * of {@link GuardedChoice}. The parameters it takes are declared once, by {@link #declare}.
 */
public final class FleetQueryChoice {
    /** Label-only queries per suspect at the most. */
    public static final int MAX_QUERIES = 200;
    /** The pool holds at least this many candidates per query, or there is nothing to choose from. */
    public static final int MIN_POOL_PER_QUERY = 2;

    private final int pool;
    private final float epsilon;
    private final double shrink;
    private final GuardedChoice choice;

    public FleetQueryChoice(int pool, float epsilon, double shrink, double plainShare, double maxShare) {
        this.pool = pool;
        this.epsilon = epsilon;
        this.shrink = shrink;
        this.choice = new GuardedChoice(plainShare, maxShare);
    }

    /** Declares n and the choice's parameters (pool, eps, shrink, plain, maxShare) on {@code builder}. */
    public static ParameterSpec.Builder declare(ParameterSpec.Builder builder) {
        return builder
                .integer(ParameterSpec.N, 100, Parameter.Range.atLeast(1).atMost(MAX_QUERIES), "number of queries (label-only)")
                .integer("pool", 600, Parameter.Range.atLeast(2).atMost(100_000),
                        "candidates the fleet answers (at least 2 x n): a third mistakes, a third PGD-pushed, CutMix for the rest")
                .real("eps", 4f / 256, Parameter.Range.atLeast(0).atMost(1),
                        "L-inf radius of the PGD step that pushes images off their label on the target; 0: no PGD candidates,"
                                + " and the target's gradients are not needed")
                .real("shrink", 2f, Parameter.Range.above(0).atMost(1000),
                        "pseudo models pulling each query's surrogate and reference rates toward the pool's rates")
                .real("plain", 0.5f, Parameter.Range.atLeast(0).atMost(1),
                        "share of n taken from the target's mistakes in seeded order (those the fleet does not contradict)")
                .real("maxShare", 0.5f, Parameter.Range.above(0).atMost(1),
                        "most of n that one candidate source (mistake, pgd, cutmix) may fill by rank");
    }

    /** The choice with the parameters {@link #declare} declared, resolved in {@code p}. */
    public static FleetQueryChoice of(SchemeParameters p) {
        return new FleetQueryChoice(p.integer("pool"), p.real("eps"), p.real("shrink"), p.real("plain"), p.real("maxShare"));
    }

    /** Gradients only for the PGD candidates; with eps 0 the target's labels suffice. */
    public Access targetAccess() {
        return epsilon > 0 ? Access.GRADIENTS : Access.LABELS;
    }

    /** What the fleet chose: the queries, the target's labels on them, how the selection models answered them, and the rates. */
    public record Chosen(Queries queries, long[] targetLabels, FleetAnswers surrogates, FleetAnswers references,
            QuerySelection selection) {
        /** The queries as a generator hands them over, carrying {@code recorded} (this selection, or one with more in it). */
        public GeneratedQueries generated(QuerySelection recorded) {
            boolean[] converged = new boolean[queries.count()];
            Arrays.fill(converged, true);
            return new GeneratedQueries(queries, new int[queries.count()], converged, recorded);
        }
    }

    /** n queries chosen with {@code fleet}'s selection part; {@code scheme} names the caller in messages and progress. */
    public Chosen choose(String scheme, Differentiable target, SeedSource seeds, int n, long seed, FleetSplit fleet,
            ProgressListener progress) {
        if (pool < MIN_POOL_PER_QUERY * n) {
            throw new InputException(scheme + ": a pool of " + pool + " candidates leaves nothing to choose " + n
                    + " queries from; give pool >= " + MIN_POOL_PER_QUERY * n + " (--param pool=" + MIN_POOL_PER_QUERY * n + ")");
        }
        ImageDataset data = seeds.dataset(scheme + " candidates (the target's mistakes, PGD, CutMix)");
        Candidates candidates = new CandidatePool(pool, epsilon).make(target, data, seed, progress);
        List<FleetMember> surrogates = fleet.surrogates();
        List<FleetMember> references = fleet.selectionReferences();
        FleetAnswers surrogateAnswers = FleetAnswers.ask(fleet.fleet(), surrogates, candidates.values(), candidates.count(),
                stage(progress, "surrogates asked"));
        FleetAnswers referenceAnswers = FleetAnswers.ask(fleet.fleet(), references, candidates.values(), candidates.count(),
                stage(progress, "selection references asked"));
        AgreementRates rates = AgreementRates.of(surrogateAnswers.agreeing(candidates.targetLabels()), surrogates.size(),
                referenceAnswers.agreeing(candidates.targetLabels()), references.size(), shrink);
        int[] chosen = choice.choose(candidates.sources(), rates, n);
        progress.update(n, n, "queries chosen: " + describe(candidates, chosen));
        List<FleetMember> chosenBy = new ArrayList<>(surrogates);
        chosenBy.addAll(references);
        QuerySelection selection = new QuerySelection(fleet.fleet().sha256(), fleet.fleet().location(), chosenBy,
                pick(rates.surrogate(), chosen), pick(rates.reference(), chosen));
        long[] targetLabels = Arrays.stream(chosen).mapToLong(i -> candidates.targetLabels()[i]).toArray();
        return new Chosen(new Queries(candidates.spec(), candidates.images(chosen), n), targetLabels,
                surrogateAnswers.columns(chosen), referenceAnswers.columns(chosen), selection);
    }

    private static ProgressListener stage(ProgressListener progress, String what) {
        return (done, total, message) -> progress.update(done, total, what);
    }

    private static String describe(Candidates candidates, int[] chosen) {
        StringBuilder text = new StringBuilder();
        for (CandidateSource source : CandidateSource.values()) {
            long picked = Arrays.stream(chosen).filter(i -> candidates.sources()[i] == source).count();
            text.append(text.length() == 0 ? "" : ", ").append(picked).append(" of ").append(candidates.from(source)).append(' ')
                    .append(source.label());
        }
        return text.toString();
    }

    private static double[] pick(double[] values, int[] rows) {
        return Arrays.stream(rows).mapToDouble(i -> values[i]).toArray();
    }
}
