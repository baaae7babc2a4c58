package io.modelprint.lab.eval;

/** How well a scheme separates one family of positives from the negatives. */
public record FamilyScore(String family, int positives, double auc, double tprAt1Fpr, double tprAt5Fpr, double minSimilarity,
        double maxSimilarity) {}
