package io.modelprint.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.lab.eval.EvaluationResults;
import io.modelprint.lab.eval.FamilyScore;
import io.modelprint.lab.eval.MethodResult;
import io.modelprint.lab.eval.SchemeResult;
import io.modelprint.lab.eval.SchemeRun;
import io.modelprint.lab.eval.StageLog;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostSectionTest {
    private static ZooEntry entry(String name, SuspectGroup group, String kind, double seconds, boolean kept) {
        return new ZooEntry(name, group, kind, null, Map.of(), 0.9, name, "0".repeat(64), seconds, kept);
    }

    private static MethodResult method(String name, String combo, double seconds) {
        return new MethodResult(name, combo, Map.of("k", 10.0), 0.9, 0.9, 1, 1, 0.1, Double.NaN, seconds, 100, Map.of());
    }

    private static SchemeResult scheme(String name, double seconds, String error) {
        FamilyScore all = new FamilyScore("all positives", 1, 1, 1, 1, 1, 1, 1);
        return new SchemeResult(new SchemeRun(name, 100, Map.of()), "labels", 100, seconds, 3, List.of(), all, Map.of(), Map.of(),
                error);
    }

    private static String row(String markdown, String first) {
        return markdown.lines().filter(l -> l.startsWith("| " + first + " |")).findFirst().orElseThrow(() -> new AssertionError(
                "no row " + first + " in\n" + markdown));
    }

    @Test
    void sumsTheZooPerFamilyTheFingerprintsPerMethodAndTheStagesOfEveryRun() {
        ZooManifest zoo = new ZooManifest(1, "tiny", 0, "synthetic", Map.of(), List.of(
                entry("target", SuspectGroup.TARGET, "TARGET", 100, true),
                entry("ftll", SuspectGroup.POSITIVE, "FTLL", 10, true),
                entry("wp-0.1", SuspectGroup.POSITIVE, "WP", 5, true),
                entry("wp-0.2", SuspectGroup.POSITIVE, "WP", 7, false),
                entry("neg-vgg-s1", SuspectGroup.NEGATIVE, "VGG", 40, true),
                entry("neg-vgg-s2", SuspectGroup.NEGATIVE, "VGG", 50, true),
                entry("neg-lenet5-s1", SuspectGroup.NEGATIVE, "LENET5", 3, true),
                new ZooEntry("neg-task-vgg-s1", SuspectGroup.NEGATIVE, "VGG", null, Map.of("task", "halves"), 0.9, "t", "0".repeat(64), 30,
                        true),
                new ZooEntry("neg-same-recipe-vgg-s600", SuspectGroup.NEGATIVE, "VGG", null, Map.of("recipe", "target", "data", "full"),
                        0.9, "s", "0".repeat(64), 95, true)), null);
        EvaluationResults results = new EvaluationResults("tiny", zoo, List.of(method("ipguard", "TL", 8), method("ipguard", "RR", 4),
                method("cw-l2", "TL", 20), new MethodResult("random", "RR", Map.of(), 0.5, 0.5, 0, 0, 0, Double.NaN, 1, 100, Map.of())));
        List<SchemeResult> schemes = List.of(scheme("sac-w", 2, null), scheme("akh", 0, "too few mistakes"),
                scheme("bundle:ipguard+akh", 10, null));
        Map<String, Double> first = new LinkedHashMap<>(Map.of("zoo", 3600.0));
        Map<String, Double> second = new LinkedHashMap<>();
        second.put("zoo", 1.0);
        second.put("evaluation", 120.0);
        String md = CostSection.markdown(results, schemes, List.of(new StageLog.Run("t1", first), new StageLog.Run("t2", second)));

        assertEquals("| target | 1 | 100 | target 100 |", row(md, "target"));
        assertEquals("| pruning | 2 | 12 | wp-0.2 7 |", row(md, "pruning"), "a sweep step not kept still cost its seconds");
        assertEquals("| negative vgg | 2 | 90 | neg-vgg-s2 50 |", row(md, "negative vgg"));
        assertEquals("| negative lenet5 | 1 | 3 | neg-lenet5-s1 3 |", row(md, "negative lenet5"));
        assertEquals("| negative vgg (same recipe) | 1 | 95 | neg-same-recipe-vgg-s600 95 |", row(md, "negative vgg (same recipe)"),
                "the target's own recipe costs a target each: apart from the subsets");
        assertEquals("| negative vgg (halves) | 1 | 30 | neg-task-vgg-s1 30 |", row(md, "negative vgg (halves)"),
                "negatives of another task are costed apart");
        assertTrue(md.contains("| all | 9 | 340 (5m40s) | |"), md);
        assertTrue(md.indexOf("| target |") < md.indexOf("| fine-tuning |") && md.indexOf("| pruning |") < md.indexOf("| negative vgg |"),
                "target first, negatives last: " + md);

        assertEquals("| ipguard | 2 | 12 | TL {k=10.0} 8 |", row(md, "ipguard"));
        assertEquals("| cw-l2 | 1 | 20 | TL {k=10.0} 20 |", row(md, "cw-l2"));
        assertEquals("| schemes | 1 | 2 | sac-w-n100 2 |", row(md, "schemes"), "bundles reuse their members; failed runs made nothing");
        assertEquals("| random | 1 | 1 | RR 1 |", row(md, "random"));
        assertTrue(md.contains("| all | 5 | 35 (35s) | |"), md);

        assertEquals("| t1 | 3600 | | 3600 |", row(md, "t1"));
        assertEquals("| t2 | 1 | 120 | 121 |", row(md, "t2"));
        assertEquals("| all runs | 1h00m | 2m00s | 1h02m |", row(md, "all runs"));
    }

    @Test
    void withoutALogThereIsNoStageTable() {
        ZooManifest zoo = new ZooManifest(1, "tiny", 0, "synthetic", Map.of(), List.of(entry("target", SuspectGroup.TARGET, "TARGET", 1,
                true)), null);
        String md = CostSection.markdown(new EvaluationResults("tiny", zoo, List.of()), List.of(), List.of());
        assertFalse(md.contains("run started"), md);
        assertTrue(md.contains("| all | 0 | 0 (0s) | |"), md);
    }
}
