package io.modelprint.lab.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.scheme.boundary.CwL2;
import io.modelprint.scheme.boundary.Fgsm;
import io.modelprint.scheme.boundary.Igsm;
import io.modelprint.scheme.boundary.IpGuard;
import io.modelprint.scheme.boundary.IpGuardMultipoint;
import io.modelprint.scheme.boundary.RandomPoints;
import io.modelprint.scheme.boundary.SeedSelection;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.SyntheticData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Table 4's fingerprints are made through {@code Schemes}: every sweep point's scheme makes, bit for
 * bit, the queries of the generator the bench built by hand before (the paper's defaults: IGSM's
 * α = 1/255, IPGuard's learning rate 0.01 with clipping, CW-L2's learning rate 0.05).
 */
class TableFourSchemesTest {
    private static final ImageDataset DATA = SyntheticData.bands(60, 4, 8, 8, 3);

    @Test
    void everyPointMakesTheQueriesOfItsHandBuiltGenerator() {
        EvaluationPreset preset = new EvaluationPreset("tiny", EvaluationPreset.COMBOS, EvaluationPreset.paperSweeps(new double[] {0.1},
                new double[] {1}, new double[] {1}, Map.of("binarySteps", 2, "maxIter", 20, "initialConst", 0.1), 20), 12);
        try (LinearModel target = new LinearModel(DATA.spec(), 4, 5)) {
            for (SweepPoint point : preset.points()) {
                Scheme<?> scheme = Schemes.create(point.scheme(), point.schemeParameters(), "test");
                QueryGenerator byHand = handBuilt(point);
                SeedSource seeds = point.combo().startsWith("T") ? SeedSource.fromData(DATA) : SeedSource.uniform(target.inputSpec());
                GeneratedQueries made = scheme.queries().generate(target, seeds, point.n(), 0, ProgressListener.NONE);
                GeneratedQueries expected = byHand.generate(target, seeds, point.n(), 0, ProgressListener.NONE);
                assertArrayEquals(expected.queries().values(), made.queries().values(), point.fileName());
                assertArrayEquals(expected.converged(), made.converged(), point.fileName());
            }
        }
    }

    /** The generators the bench made before Table 4 went through Schemes (MethodConfig.generator). */
    private static QueryGenerator handBuilt(SweepPoint point) {
        SeedSelection selection = new SeedSelection(SeedSelection.Init.parse(point.combo().substring(0, 1)),
                SeedSelection.TargetLabel.parse(point.combo().substring(1, 2)));
        float value = (float) point.value();
        Map<String, Object> fixed = point.fixed();
        return switch (point.scheme()) {
            case "random" -> new RandomPoints(selection);
            case "fgsm" -> new Fgsm(value, selection);
            case "igsm" -> new Igsm(value, Igsm.DEFAULT_ALPHA, (Integer) fixed.get("maxIter"), selection);
            case "cw-l2" -> new CwL2(value, 0.05f, (Integer) fixed.get("binarySteps"), (Integer) fixed.get("maxIter"),
                    ((Double) fixed.get("initialConst")).floatValue(), selection);
            case "ipguard" -> new IpGuard(value, 0.01f, (Integer) fixed.get("maxIter"), selection, true);
            case "ipguard-multipoint" -> new IpGuardMultipoint(value, 0.1f, 0.01f, (Integer) fixed.get("maxIter"), selection, true);
            default -> throw new IllegalArgumentException(point.scheme());
        };
    }
}
