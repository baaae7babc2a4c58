package io.modelprint.lab.report;

import io.modelprint.lab.eval.EvaluationPreset;
import io.modelprint.lab.eval.Sweep;
import io.modelprint.lab.eval.SweptMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * A figure of ARUC against a method's swept parameter (the paper's Figs. 3-6), one per method that
 * sweeps a parameter, numbered from 3 in the order of Table 4.
 */
record SweepFigure(SweptMethod method, String parameter, String file) {
    static List<SweepFigure> of(EvaluationPreset preset) {
        List<SweepFigure> figures = new ArrayList<>();
        for (Sweep sweep : preset.sweeps()) {
            if (sweep.parameter() == null) {
                continue;
            }
            for (SweptMethod method : sweep.methods()) {
                figures.add(new SweepFigure(method, sweep.shown(),
                        "fig" + (3 + figures.size()) + "-" + method.scheme() + "-aruc-vs-" + sweep.shown() + ".png"));
            }
        }
        return figures;
    }

    /** The figure in markdown, e.g. "![ARUC vs eps, FGSM](fig3-fgsm-aruc-vs-eps.png)" (without the title beside its method's own). */
    String image(boolean withTitle) {
        return "![ARUC vs " + parameter + (withTitle ? ", " + method.title() : "") + "](" + file + ")";
    }
}
