package io.modelprint.lab.zoo;

import java.util.Map;

/**
 * One model the zoo should hold. Plans of the same {@code series} (a WP or FP sweep) are built in
 * order and the series stops after the first one whose accuracy loss exceeds the preset's limit.
 */
public record SuspectPlan(String name, SuspectGroup group, String kind, String parent, Map<String, Object> parameters,
        String series, Recipe recipe) {}
