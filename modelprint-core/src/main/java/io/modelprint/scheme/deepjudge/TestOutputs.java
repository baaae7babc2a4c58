package io.modelprint.scheme.deepjudge;

import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Representation;

/**
 * What DeepJudge's black-box metrics read of a model's answers on its queries (seeds, then their
 * test cases): the labels of both halves and the output distributions (softmax of the scores) on
 * the test cases. Scores that are already probabilities are passed through softmax as well, as any
 * other scores: serve logits.
 */
public final class TestOutputs implements Representation<TestOutputs.Outputs> {
    /** Labels of the seeds and of the test cases; one distribution per test case, row-major [tests, classes]. */
    public record Outputs(long[] seedLabels, long[] testLabels, double[] distributions, int classes) {
        public int tests() {
            return testLabels.length;
        }

        public double[] distribution(int test) {
            double[] row = new double[classes];
            System.arraycopy(distributions, test * classes, row, 0, classes);
            return row;
        }
    }

    @Override
    public String name() {
        return "deepjudge-outputs";
    }

    @Override
    public Access access() {
        return Access.SCORES;
    }

    @Override
    public Outputs represent(Answers answers) {
        int tests = answers.count() / 2;
        int classes = answers.classes();
        long[] seedLabels = new long[tests];
        long[] testLabels = new long[tests];
        double[] distributions = new double[tests * classes];
        for (int i = 0; i < tests; i++) {
            seedLabels[i] = answers.labels()[i];
            testLabels[i] = answers.labels()[tests + i];
            System.arraycopy(Softmax.of(answers.row(tests + i)), 0, distributions, i * classes, classes);
        }
        return new Outputs(seedLabels, testLabels, distributions, classes);
    }
}
