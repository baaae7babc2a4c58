package io.modelprint.lab.evasive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Classifier;
import io.modelprint.model.Scored;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.RandomImages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evasive APIs: each defense does what it says, measured on a linear model whose outputs are known. */
class DefenseTest {
    private static final InputSpec SPEC = InputSpec.unitRange(1, 8, 8);
    private static final int N = 2000;

    /** Images away from the range's ends, so that small noise is never clipped. */
    private static float[] images(long seed) {
        return RandomImages.uniform(N, SPEC, 0.3f, 0.4f, seed);
    }

    private static float[] scores(Scored model, float[] x) {
        try (NDManager manager = NDManager.newBaseManager(); NDArray batch = manager.create(x, SPEC.batchShape(N));
                NDArray out = model.predictLogits(batch)) {
            return out.toFloatArray();
        }
    }

    @Test
    void badValuesAreRefusedNamingTheFlag() {
        for (String bad : List.of("noise=-0.1", "flip=1.5", "round=-1", "smoothing=0", "foo=1", "noise", "top1=yes", "flip=abc")) {
            InputException e = assertThrows(InputException.class, () -> Defense.parse(List.of(bad)), bad);
            assertTrue(e.getMessage().startsWith("--defense " + bad), e.getMessage());
        }
        InputException twice = assertThrows(InputException.class, () -> Defense.parse(List.of("flip=0.1,flip=0.2")));
        assertEquals("--defense flip=0.2: flip is given twice; give each defense once", twice.getMessage());
        assertThrows(InputException.class, () -> Defense.parse(List.of("top1", "TOP1")));
        Defense d = Defense.parse(List.of("noise=0.1,round=2", "flip=0.05"));
        assertEquals("noise=0.1,round=2,flip=0.05,seed=1", d.toString());
        assertFalse(Defense.parse(List.of()).active());
    }

    @Test
    void noDefenseIsTheModelItselfAndTop1HidesTheScores() {
        try (LinearModel model = new LinearModel(SPEC, 10, 1)) {
            assertSame(model, DefendedClassifier.wrap(model, Defense.NONE));
            Classifier top1 = DefendedClassifier.wrap(model, Defense.parse(List.of("top1")));
            assertFalse(top1 instanceof Scored, "top1 answers labels only");
            float[] x = images(2);
            assertArrayEquals(model.predictLabels(x, N), top1.predictLabels(x, N));
        }
    }

    @Test
    void inputNoiseMovesTheScoresByTheStatedAmountAndNotOnAverage() {
        try (LinearModel model = new LinearModel(SPEC, 10, 1)) {
            float[] x = images(3);
            float[] clean = scores(model, x);
            double[] spread = new double[2];
            for (int k = 0; k < 2; k++) {
                double sigma = 0.01 * (k + 1);
                Scored noisy = (Scored) DefendedClassifier.wrap(model, Defense.parse(List.of("noise=" + sigma)));
                float[] answered = scores(noisy, x);
                double mean = 0;
                double square = 0;
                for (int j = 0; j < clean.length; j++) {
                    double d = answered[j] - clean[j];
                    mean += d;
                    square += d * d;
                }
                mean /= clean.length;
                spread[k] = Math.sqrt(square / clean.length - mean * mean);
                assertTrue(Math.abs(mean) < 0.1 * spread[k], "noise has mean 0: mean " + mean + ", sd " + spread[k]);
            }
            // a linear model turns input noise of sd sigma into score noise of sd proportional to sigma
            assertEquals(2.0, spread[1] / spread[0], 0.1, "score noise doubles with sigma");
        }
    }

    @Test
    void roundingKeepsTheStatedDecimalsAndFlipsHappenAtTheStatedRate() {
        try (LinearModel model = new LinearModel(SPEC, 10, 1)) {
            float[] x = images(4);
            float[] clean = scores(model, x);
            float[] rounded = scores((Scored) DefendedClassifier.wrap(model, Defense.parse(List.of("round=1"))), x);
            for (int j = 0; j < clean.length; j++) {
                assertEquals(clean[j], rounded[j], 0.05 + 1e-6);
                assertEquals(Math.round(rounded[j] * 10) / 10.0, rounded[j], 1e-5);
            }
            long[] labels = model.predictLabels(x, N);
            Scored flipping = (Scored) DefendedClassifier.wrap(model, Defense.parse(List.of("flip=0.3", "seed=9")));
            long[] flipped = flipping.predictLabels(x, N);
            int changed = 0;
            for (int i = 0; i < N; i++) {
                changed += labels[i] != flipped[i] ? 1 : 0;
            }
            // binomial(2000, 0.3): sd 0.0102; 5 sd either side
            assertEquals(0.3, changed / (double) N, 0.051, "flip rate");
            // in one answer, the scores agree with the flipped labels
            DefendedClassifier.Answer answer = ((DefendedClassifier) flipping).answer(x, N, true);
            float[] s = answer.scores();
            long[] again = answer.labels();
            int consistent = 0;
            for (int i = 0; i < N; i++) {
                int top = 0;
                for (int c = 1; c < 10; c++) {
                    top = s[i * 10 + c] > s[i * 10 + top] ? c : top;
                }
                consistent += top == again[i] ? 1 : 0;
            }
            assertEquals(N, consistent, "the answered label is the top score");
        }
    }

    @Test
    void smoothingVotesOverNoisyCopiesAndIsReproducibleFromItsSeed() {
        try (LinearModel model = new LinearModel(SPEC, 10, 1)) {
            float[] x = images(5);
            long[] labels = model.predictLabels(x, N);
            Classifier smoothed = DefendedClassifier.wrap(model, Defense.parse(List.of("smoothing=9", "noise=0.05")));
            long[] voted = smoothed.predictLabels(x, N);
            long[] again = DefendedClassifier.wrap(model, Defense.parse(List.of("smoothing=9", "noise=0.05"))).predictLabels(x, N);
            assertArrayEquals(voted, again, "same seed, same answers");
            int agree = 0;
            for (int i = 0; i < N; i++) {
                agree += labels[i] == voted[i] ? 1 : 0;
            }
            assertTrue(agree > 0.8 * N && agree < N, "smoothing changes some labels near the boundary, not most: " + agree);
        }
    }
}
