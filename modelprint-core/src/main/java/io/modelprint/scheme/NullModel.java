package io.modelprint.scheme;

/**
 * How independent models' similarities are modelled for a p-value: counts of matching queries
 * (beta-binomial over the references' rates) or a continuous similarity (Student-t predictive).
 * The label is what a calibration records in meta.json.
 */
public enum NullModel {
    BETA_BINOMIAL("beta-binomial"),
    STUDENT_T("student-t");

    private final String label;

    NullModel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
