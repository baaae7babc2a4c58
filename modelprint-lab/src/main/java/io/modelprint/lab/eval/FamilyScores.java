package io.modelprint.lab.eval;

import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.metrics.Roc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suspects' similarities scored per family of positives against the negatives, in report order
 * (the known families first, then any others in the order met), and over all positives together.
 */
record FamilyScores(List<FamilyScore> families, FamilyScore allPositives, int negatives) {

    /**
     * Scores the suspects that have a similarity; the others (e.g. ones that could not answer) are left
     * out. A family of another task (transfer learning) is scored against that task's negatives; the
     * negatives of the target's task score every other family and "all positives".
     */
    static FamilyScores of(List<ZooEntry> suspects, Map<String, Double> similarities) {
        Map<String, List<Double>> byFamily = new LinkedHashMap<>();
        // task null = the target's own task (HashMap keys may be null)
        Map<String, String> familyTask = new LinkedHashMap<>();
        Map<String, List<Double>> negativesByTask = new LinkedHashMap<>();
        for (ZooEntry suspect : suspects) {
            Double similarity = similarities.get(suspect.name());
            if (similarity == null) {
                continue;
            }
            String task = SuspectFamily.task(suspect);
            if (suspect.group() == io.modelprint.lab.zoo.SuspectGroup.NEGATIVE) {
                negativesByTask.computeIfAbsent(task, t -> new ArrayList<>()).add(similarity);
            } else {
                byFamily.computeIfAbsent(SuspectFamily.of(suspect), f -> new ArrayList<>()).add(similarity);
                familyTask.put(SuspectFamily.of(suspect), task);
            }
        }
        double[] negatives = toArray(negativesByTask.getOrDefault(null, List.of()));
        Set<String> order = new LinkedHashSet<>(SuspectFamily.ORDER);
        order.addAll(byFamily.keySet());
        order.remove(SuspectFamily.NEGATIVE);
        List<FamilyScore> families = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (String family : order) {
            List<Double> values = byFamily.get(family);
            if (values == null) {
                continue;
            }
            String task = familyTask.get(family);
            if (task == null) {
                families.add(score(family, toArray(values), negatives));
                all.addAll(values);
            } else {
                families.add(score(family, toArray(values), toArray(negativesByTask.getOrDefault(task, List.of()))));
            }
        }
        return new FamilyScores(families, score("all positives", toArray(all), negatives), negatives.length);
    }

    static FamilyScore score(String family, double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            return new FamilyScore(family, positives.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double p : positives) {
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        return new FamilyScore(family, positives.length, Roc.auc(positives, negatives), Roc.tprAtFpr(positives, negatives, 0.01),
                Roc.tprAtFpr(positives, negatives, 0.05), min, max, Roc.tprAtFpr(positives, negatives, 0));
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
