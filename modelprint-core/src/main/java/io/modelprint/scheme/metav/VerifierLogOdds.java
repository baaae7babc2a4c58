package io.modelprint.scheme.metav;

import io.modelprint.InputException;
import io.modelprint.fleet.LearnedVerifier;
import io.modelprint.fleet.QuerySelection;
import io.modelprint.fleet.VerifierFeatures;
import io.modelprint.scheme.Distance;
import io.modelprint.scheme.NullModel;
import io.modelprint.scheme.SimilarityRange;

/**
 * The learned verifier's log-odds that a suspect is derived: b + Σ w_k x_k over the features x of the
 * suspect's labels ({@link VerifierFeatures}: its agreements with the fingerprint's labels, or its
 * one-hot answers). Above 0 the verifier finds "derived" more likely than not.
 */
public final class VerifierLogOdds implements Distance<long[]> {
    private final LearnedVerifier verifier;
    /** Features per query: 1 (agreement) or the class count (answers). */
    private final int perQuery;

    /** @param selection the fleet's record with the learned weights; null for a scheme still to learn them (it compares nothing) */
    public VerifierLogOdds(QuerySelection selection) {
        this.verifier = selection == null ? null : selection.verifier();
        this.perQuery = verifier == null || selection.queries() == 0 ? 1 : verifier.weights().length / selection.queries();
    }

    @Override
    public String name() {
        return "learned-verifier-log-odds";
    }

    @Override
    public double similarity(long[] fingerprint, long[] suspect) {
        LearnedVerifier learned = recorded();
        return learned.logOdds(learned.features().of(fingerprint, suspect, perQuery));
    }

    /** From a suspect that answers every query the way the verifier finds least derived to one that answers each the most. */
    @Override
    public SimilarityRange range() {
        LearnedVerifier learned = recorded();
        double[] w = learned.weights();
        // per query, the contributions a suspect can choose between: 0 or w_i (agreement), one w_(i,k) per class (answers)
        double min = learned.intercept();
        double max = learned.intercept();
        for (int i = 0; i < w.length; i += perQuery) {
            double low = learned.features() == VerifierFeatures.AGREEMENT ? Math.min(0, w[i]) : w[i];
            double high = learned.features() == VerifierFeatures.AGREEMENT ? Math.max(0, w[i]) : w[i];
            for (int k = i + 1; k < i + perQuery; k++) {
                low = Math.min(low, w[k]);
                high = Math.max(high, w[k]);
            }
            min += low;
            max += high;
        }
        return new SimilarityRange(min, max);
    }

    @Override
    public boolean usesLearnedVerifier() {
        return true;
    }

    /** A continuous score: references' scores are modelled by a Student-t predictive. */
    @Override
    public NullModel nullModel() {
        return NullModel.STUDENT_T;
    }

    private LearnedVerifier recorded() {
        if (verifier == null) {
            throw new InputException(MetaVerifierScheme.NAME + " scores suspects with the verifier its fleet taught, and this scheme"
                    + " has none: only a fingerprint made with a fleet (extract --fleet DIR) compares suspects");
        }
        return verifier;
    }
}
