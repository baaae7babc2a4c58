package io.modelprint.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a fleet chose a fingerprint's queries, stored in its meta.json: the fleet's hash and location,
 * the models that chose (surrogates and selection references; calibration must not use them), and
 * per query the share of surrogates and of selection references that answered as the target did,
 * smoothed away from 0 and 1 so that a likelihood ratio stays finite; for a scheme that also learned
 * a verifier from the fleet's answers (metav), its weights ({@code verifier}; null for every other scheme).
 */
public record QuerySelection(String fleetSha256, String fleetLocation, List<FleetMember> chosenBy,
        double[] surrogateAgreement, double[] referenceAgreement,
        @JsonInclude(JsonInclude.Include.NON_NULL) LearnedVerifier verifier) {

    public QuerySelection {
        chosenBy = List.copyOf(chosenBy);
        if (surrogateAgreement.length != referenceAgreement.length) {
            throw new IllegalArgumentException(surrogateAgreement.length + " surrogate rates but " + referenceAgreement.length
                    + " reference rates");
        }
    }

    /** A selection without a learned verifier. */
    public QuerySelection(String fleetSha256, String fleetLocation, List<FleetMember> chosenBy, double[] surrogateAgreement,
            double[] referenceAgreement) {
        this(fleetSha256, fleetLocation, chosenBy, surrogateAgreement, referenceAgreement, null);
    }

    /** The same selection with the verifier learned from the fleet's answers to its queries. */
    public QuerySelection withVerifier(LearnedVerifier learned) {
        return new QuerySelection(fleetSha256, fleetLocation, chosenBy, surrogateAgreement, referenceAgreement, learned);
    }

    public int queries() {
        return surrogateAgreement.length;
    }

    /** Whether {@code sha256} (a model's weights) helped choose the queries. */
    public boolean choseWith(String sha256) {
        return sha256 != null && chosenBy.stream().anyMatch(m -> sha256.equals(m.sha256()));
    }
}
