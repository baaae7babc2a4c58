package io.modelprint.scheme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.data.InputSpec;
import io.modelprint.model.Classifier;
import io.modelprint.testing.ForwardingClassifier;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.RandomImages;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RepeatedAnswersTest {
    private static final InputSpec SPEC = InputSpec.unitRange(1, 4, 4);

    /** A prediction API that answers a uniformly random other label with probability {@code flip}. */
    private static final class LabelFlips extends ForwardingClassifier<Classifier> {
        private final double flip;
        private final Random random = new Random(7);
        int imagesAsked;

        LabelFlips(Classifier inner, double flip) {
            super(inner);
            this.flip = flip;
        }

        @Override
        public long[] predictLabels(float[] images, int count) {
            imagesAsked += count;
            long[] labels = inner.predictLabels(images, count);
            for (int i = 0; i < labels.length; i++) {
                if (random.nextDouble() < flip) {
                    labels[i] = (labels[i] + 1 + random.nextInt(numClasses() - 1)) % numClasses();
                }
            }
            return labels;
        }
    }

    private static Queries queries(int n) {
        return new Queries(SPEC, RandomImages.uniform(n, SPEC, 3), n);
    }

    @Test
    void aDeterministicModelAnswersEveryRepeatAlike() {
        try (LinearModel model = new LinearModel(SPEC, 5, 1)) {
            Queries q = queries(40);
            RepeatedAnswers repeated = RepeatedAnswers.ask(model, q, Access.LABELS, 5);
            assertEquals(0, repeated.inconsistentQueries());
            assertEquals(200, repeated.queriesAsked());
            assertArrayEquals(Answers.ask(model, q, Access.LABELS).labels(), repeated.answers().labels());
        }
    }

    @Test
    void repeatsExposeARandomizingApiAndTheMajorityUndoesMostFlips() {
        try (LinearModel model = new LinearModel(SPEC, 5, 1); LabelFlips api = new LabelFlips(new LinearModel(SPEC, 5, 1), 0.2)) {
            Queries q = queries(200);
            long[] truth = Answers.ask(model, q, Access.LABELS).labels();
            long[] once = Answers.ask(api, q, Access.LABELS).labels();
            RepeatedAnswers repeated = RepeatedAnswers.ask(api, q, Access.LABELS, 9);
            int wrongOnce = 0;
            int wrongMajority = 0;
            for (int i = 0; i < truth.length; i++) {
                wrongOnce += once[i] != truth[i] ? 1 : 0;
                wrongMajority += repeated.answers().labels()[i] != truth[i] ? 1 : 0;
            }
            assertTrue(repeated.inconsistentQueries() > 100, "most queries see a flip in 9 repeats: " + repeated.inconsistentQueries());
            assertTrue(wrongOnce > 20, "one answer each: ~20 % flipped, got " + wrongOnce);
            assertTrue(wrongMajority < wrongOnce / 4, "majority of 9: " + wrongMajority + " wrong against " + wrongOnce);
            assertEquals(200 + 200 * 9, api.imagesAsked, "every repeat is sent");
        }
    }

    @Test
    void repeatsOutsideTheirRangeAreRefused() {
        try (LinearModel model = new LinearModel(SPEC, 5, 1)) {
            assertThrows(IllegalArgumentException.class, () -> RepeatedAnswers.ask(model, queries(2), Access.LABELS, 0));
            assertThrows(IllegalArgumentException.class,
                    () -> RepeatedAnswers.ask(model, queries(2), Access.LABELS, RepeatedAnswers.MAX_REPEATS + 1));
        }
    }
}
