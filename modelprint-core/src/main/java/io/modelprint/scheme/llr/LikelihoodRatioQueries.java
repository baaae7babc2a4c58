package io.modelprint.scheme.llr;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.scheme.FleetAnswers;
import io.modelprint.fleet.FleetMember;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.fleet.QuerySelection;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.FleetSelectedQueries;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.SeedSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * fleet-llr's queries: a pool of candidates ({@link CandidatePool}) that the target labels and every
 * surrogate and selection reference of the split answers; per candidate the shrunk shares that
 * agree with the target ({@link AgreementRates}); n of them chosen with the guards of
 * {@link GuardedChoice}. The queries carry the selection: the fleet, the models that chose, p1 and p0.
 */
public final class LikelihoodRatioQueries implements FleetSelectedQueries {
    /** Below these a rate is a guess: 3 surrogates and 2 references to choose, 8 held-out references to calibrate. */
    public static final int MIN_SURROGATES = 3;
    public static final int MIN_SELECTION_REFERENCES = 2;
    public static final int MIN_CALIBRATION_REFERENCES = 8;
    /** The pool holds at least this many candidates per query, or there is nothing to choose from. */
    public static final int MIN_POOL_PER_QUERY = 2;

    private final int pool;
    private final float epsilon;
    private final double shrink;
    private final GuardedChoice choice;

    public LikelihoodRatioQueries(int pool, float epsilon, double shrink, double plainShare, double maxShare) {
        this.pool = pool;
        this.epsilon = epsilon;
        this.shrink = shrink;
        this.choice = new GuardedChoice(plainShare, maxShare);
    }

    @Override
    public String name() {
        return FleetLlrScheme.NAME;
    }

    /** Gradients only for the PGD candidates; with eps 0 the target's labels suffice. */
    @Override
    public Access targetAccess() {
        return epsilon > 0 ? Access.GRADIENTS : Access.LABELS;
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, FleetSplit fleet,
            ProgressListener progress) {
        fleet.requireAtLeast(MIN_SURROGATES, MIN_SELECTION_REFERENCES, MIN_CALIBRATION_REFERENCES, FleetLlrScheme.NAME);
        if (pool < MIN_POOL_PER_QUERY * n) {
            throw new InputException(FleetLlrScheme.NAME + ": a pool of " + pool + " candidates leaves nothing to choose " + n
                    + " queries from; give pool >= " + MIN_POOL_PER_QUERY * n + " (--param pool=" + MIN_POOL_PER_QUERY * n + ")");
        }
        ImageDataset data = seeds.dataset(FleetLlrScheme.NAME + " candidates (the target's mistakes, PGD, CutMix)");
        Candidates candidates = new CandidatePool(pool, epsilon).make(target, data, seed, progress);
        List<FleetMember> surrogates = fleet.surrogates();
        List<FleetMember> references = fleet.selectionReferences();
        int[] surrogateAgree = FleetAnswers.ask(fleet.fleet(), surrogates, candidates.values(), candidates.count(),
                stage(progress, "surrogates asked")).agreeing(candidates.targetLabels());
        int[] referenceAgree = FleetAnswers.ask(fleet.fleet(), references, candidates.values(), candidates.count(),
                stage(progress, "selection references asked")).agreeing(candidates.targetLabels());
        AgreementRates rates = AgreementRates.of(surrogateAgree, surrogates.size(), referenceAgree, references.size(), shrink);
        int[] chosen = choice.choose(candidates.sources(), rates, n);
        progress.update(n, n, "queries chosen: " + describe(candidates, chosen));
        List<FleetMember> chosenBy = new ArrayList<>(surrogates);
        chosenBy.addAll(references);
        QuerySelection selection = new QuerySelection(fleet.fleet().sha256(), fleet.fleet().location(), chosenBy,
                pick(rates.surrogate(), chosen), pick(rates.reference(), chosen));
        boolean[] converged = new boolean[n];
        Arrays.fill(converged, true);
        return new GeneratedQueries(new Queries(candidates.spec(), candidates.images(chosen), n), new int[n], converged, selection);
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
