package io.modelprint.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.lab.eval.EvaluationPreset;
import io.modelprint.lab.eval.EvaluationResults;
import io.modelprint.lab.eval.MethodResult;
import io.modelprint.lab.eval.Sweep;
import io.modelprint.lab.eval.SweptMethod;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Table 4's per-method parts of report.md come from the preset's sweeps and the results, not from lists of names. */
class ReportMarkdownTest {
    private static final List<ZooEntry> ENTRIES = List.of(
            new ZooEntry("target", SuspectGroup.TARGET, "TARGET", null, Map.of("arch", "vgg"), 0.9, "target", "0".repeat(64), 1, true),
            new ZooEntry("ftll", SuspectGroup.POSITIVE, "FTLL", "target", Map.of(), 0.89, "ftll", "1".repeat(64), 1, true),
            new ZooEntry("neg-vgg-s1", SuspectGroup.NEGATIVE, "VGG", null, Map.of(), 0.88, "n", "2".repeat(64), 1, true));
    private static final ZooManifest ZOO = new ZooManifest(1, "tiny", 0, "synthetic", Map.of(), ENTRIES, null);

    private static MethodResult result(String method, Map<String, Object> params) {
        return new MethodResult(method, "TL", params, 0.8, 0.9, 0.5, 0.6, 0.1, Double.NaN, 2, 100, Map.of("ftll", 1.0, "neg-vgg-s1", 0.2));
    }

    @Test
    void linksTheFiguresOfThePresetsSweeps() {
        EvaluationPreset quick = EvaluationPreset.of("quick");
        EvaluationResults results = new EvaluationResults("quick", ZOO, List.of(result("random", Map.of()), result("fgsm", Map.of("eps", 0.1)),
                result("igsm", Map.of("eps", 0.1)), result("cw-l2", Map.of("k", 10.0)), result("ipguard", Map.of("k", 3.0))));
        String md = ReportMarkdown.render(results, quick, ENTRIES.subList(1, 3));
        assertTrue(md.contains("\n![robustness and uniqueness of IPGuard](fig2-ipguard.png) ![ARUC vs k](fig6-ipguard-aruc-vs-k.png)\n"
                + "![ARUC vs eps, FGSM](fig3-fgsm-aruc-vs-eps.png) ![ARUC vs eps, IGSM](fig4-igsm-aruc-vs-eps.png)"
                + " ![ARUC vs k, CW-L2](fig5-cw-l2-aruc-vs-k.png) ![ARUC vs k, IPGuard multipoint](fig7-ipguard-multipoint-aruc-vs-k.png)\n\n"),
                md);
        assertEquals(List.of("fig3-fgsm-aruc-vs-eps.png", "fig4-igsm-aruc-vs-eps.png", "fig5-cw-l2-aruc-vs-k.png",
                "fig6-ipguard-aruc-vs-k.png", "fig7-ipguard-multipoint-aruc-vs-k.png"),
                SweepFigure.of(quick).stream().map(SweepFigure::file).toList());
        assertTrue(md.contains("| ipguard | TL {k=3.0} | 0.80 | 0.94 |"), md);
        assertTrue(md.contains("| suspect | random | fgsm | igsm | cw-l2 | ipguard |"), "Table 5's columns in Table 4's order: " + md);
    }

    @Test
    void aMethodTheSweepsGainNeedsNoReportCode() {
        EvaluationPreset preset = new EvaluationPreset("more", List.of("TL"), List.of(Sweep.once(new SweptMethod("random", "Random", Map.of())),
                Sweep.of("k", "k", new double[] {1}, new SweptMethod("ipguard", "IPGuard", Map.of())),
                Sweep.of("augment", "augment", new double[] {1}, new SweptMethod("akh", "AKH", Map.of()))), 100);
        EvaluationResults results = new EvaluationResults("more", ZOO, List.of(result("random", Map.of()), result("ipguard", Map.of("k", 1.0)),
                result("akh", Map.of("augment", 1.0))));
        String md = ReportMarkdown.render(results, preset, ENTRIES.subList(1, 3));
        assertTrue(md.contains("| akh | TL {augment=1.0} | 0.80 | - |"), "no paper figure: " + md);
        assertTrue(md.contains("- akh: ARUC 0.80 (not in the paper)."), md);
        assertTrue(md.contains("| akh | 2.00 | - |"), "Table 8: " + md);
        assertTrue(md.contains("![ARUC vs k](fig3-ipguard-aruc-vs-k.png)\n![ARUC vs augment, AKH](fig4-akh-aruc-vs-augment.png)"), md);
    }
}
