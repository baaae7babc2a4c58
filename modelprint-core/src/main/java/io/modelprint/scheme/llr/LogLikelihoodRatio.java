package io.modelprint.scheme.llr;

import io.modelprint.InputException;
import io.modelprint.fleet.QuerySelection;
import io.modelprint.scheme.Distance;
import io.modelprint.scheme.NullModel;
import io.modelprint.scheme.SimilarityRange;

/**
 * The mean per-query log-likelihood ratio of a suspect's agreements with the target's labels, a
 * surrogate's rates (p1) against a reference's (p0), as the fleet measured them:
 * (1/n) Σ [a_i log(p1_i/p0_i) + (1 − a_i) log((1 − p1_i)/(1 − p0_i))], a_i = 1 when the suspect
 * gives the fingerprint's label to query i. Above 0 the suspect answers more like the surrogates.
 */
public final class LogLikelihoodRatio implements Distance<long[]> {
    private final QuerySelection selection;

    /** @param selection the recorded rates; null for a scheme that is still to choose its queries (it compares nothing) */
    public LogLikelihoodRatio(QuerySelection selection) {
        this.selection = selection;
    }

    @Override
    public String name() {
        return "log-likelihood-ratio";
    }

    @Override
    public double similarity(long[] fingerprint, long[] suspect) {
        QuerySelection rates = recorded();
        if (fingerprint.length != suspect.length || fingerprint.length != rates.queries()) {
            throw new IllegalArgumentException("label lists of " + fingerprint.length + " and " + suspect.length
                    + " answers compared under rates of " + rates.queries() + " queries");
        }
        double sum = 0;
        for (int i = 0; i < fingerprint.length; i++) {
            double p1 = rates.surrogateAgreement()[i];
            double p0 = rates.referenceAgreement()[i];
            sum += fingerprint[i] == suspect[i] ? AgreementRates.agreeWeight(p1, p0) : AgreementRates.disagreeWeight(p1, p0);
        }
        return sum / fingerprint.length;
    }

    /** From a suspect that answers every query the worse way to one that answers each the better way. */
    @Override
    public SimilarityRange range() {
        QuerySelection rates = recorded();
        double min = 0;
        double max = 0;
        for (int i = 0; i < rates.queries(); i++) {
            double agree = AgreementRates.agreeWeight(rates.surrogateAgreement()[i], rates.referenceAgreement()[i]);
            double disagree = AgreementRates.disagreeWeight(rates.surrogateAgreement()[i], rates.referenceAgreement()[i]);
            min += Math.min(agree, disagree);
            max += Math.max(agree, disagree);
        }
        return new SimilarityRange(min / rates.queries(), max / rates.queries());
    }

    /** A continuous score, not a count: references' scores are modelled by a Student-t predictive. */
    @Override
    public NullModel nullModel() {
        return NullModel.STUDENT_T;
    }

    private QuerySelection recorded() {
        if (selection == null) {
            throw new InputException(FleetLlrScheme.NAME + " weighs each query by the rates its fleet measured, and this scheme"
                    + " has none: only a fingerprint made with a fleet (extract --fleet DIR) compares suspects");
        }
        return selection;
    }
}
