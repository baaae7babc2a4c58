package io.modelprint.lab.eval;

import java.util.Map;

/** What one method configuration achieved on the zoo. */
public record MethodResult(
        String method,
        String combo,
        Map<String, Object> params,
        double aruc,
        double auc,
        double tprAt1Fpr,
        double tprAt5Fpr,
        double gap,
        double extractionAruc,
        double seconds,
        int converged,
        Map<String, Double> matchingRates) {}
