package io.modelprint.lab.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How well a scheme separates one family of positives from the negatives: AUC, the TPR at 1 % and
 * 5 % FPR, the similarity range of the family, and the TPR at zero false positives (the share of the
 * family above every negative). A result cached before the last was recorded is computed again.
 */
public record FamilyScore(String family, int positives, double auc, double tprAt1Fpr, double tprAt5Fpr, double minSimilarity,
        double maxSimilarity, @JsonProperty(required = true) double tprAtZeroFpr) {}
