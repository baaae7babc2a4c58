package io.modelprint.scheme.deepjudge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.data.InputSpec;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Scheme;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.TinyFingerprints;
import org.junit.jupiter.api.Test;

class DeepJudgeTest {
    private static final TestOutputs OUTPUTS = new TestOutputs();

    private static TestOutputs.Outputs outputs(Fingerprint fingerprint, LinearModel model) {
        return OUTPUTS.represent(Answers.ask(model, fingerprint.queries(), OUTPUTS.access()));
    }

    @Test
    void aPerturbedCopyIsCloserThanAnIndependentModelAndTheTargetIsItself() {
        try (LinearModel target = TinyFingerprints.target(1);
                LinearModel copy = LinearModel.perturbed(target, 0.1f, 9);
                LinearModel independent = TinyFingerprints.target(2)) {
            Fingerprint fingerprint = TinyFingerprints.extract("deepjudge", target, 40, 3);
            assertTrue(fingerprint.meta().stats().get("converged") instanceof Number c && c.intValue() >= 30,
                    "the target is fooled on most of its own test cases: " + fingerprint.meta().stats());
            TestOutputs.Outputs recorded = OUTPUTS.represent(fingerprint.answers());
            TestOutputs.Outputs self = outputs(fingerprint, target);
            assertEquals(0, RobustnessAndDivergence.divergence(recorded, self), 1e-6, "JSD of the target with itself");
            assertEquals(0, RobustnessAndDivergence.robustnessDistance(recorded, self), 0);
            Scheme<?> scheme = fingerprint.scheme();
            double copySimilarity = similarity(scheme, fingerprint, copy);
            double independentSimilarity = similarity(scheme, fingerprint, independent);
            System.out.printf("deepjudge: copy %.3f (RobD %.3f, JSD %.3f) independent %.3f (RobD %.3f, JSD %.3f)%n",
                    copySimilarity, RobustnessAndDivergence.robustnessDistance(recorded, outputs(fingerprint, copy)),
                    RobustnessAndDivergence.divergence(recorded, outputs(fingerprint, copy)), independentSimilarity,
                    RobustnessAndDivergence.robustnessDistance(recorded, outputs(fingerprint, independent)),
                    RobustnessAndDivergence.divergence(recorded, outputs(fingerprint, independent)));
            assertEquals(1, similarity(scheme, fingerprint, target), 1e-6);
            assertTrue(copySimilarity > independentSimilarity, copySimilarity + " > " + independentSimilarity);
            // untrained linear models know no true labels, so RobD cannot tell them apart here; JSD can
            assertTrue(RobustnessAndDivergence.divergence(recorded, outputs(fingerprint, independent)) > 0.3,
                    "an independent model answers the target's test cases otherwise");
        }
    }

    @Test
    void aModelThatReadsTheBandsResistsTheTargetsTestCases() {
        // SyntheticData's class c is a bright row c: summing each row classifies every image, robustly
        InputSpec spec = TinyFingerprints.DATA.spec();
        float[] w = new float[spec.pixelsPerImage() * 10];
        for (int pixel = 0; pixel < spec.pixelsPerImage(); pixel++) {
            w[pixel * 10 + pixel / spec.width()] = 1;
        }
        try (LinearModel target = TinyFingerprints.target(1); LinearModel reader = LinearModel.of(spec, 10, w, new float[10])) {
            Fingerprint fingerprint = TinyFingerprints.extract("deepjudge", target, 40, 3);
            TestOutputs.Outputs recorded = OUTPUTS.represent(fingerprint.answers());
            double robd = RobustnessAndDivergence.robustnessDistance(recorded, outputs(fingerprint, reader));
            assertTrue(robd > 0.5, "the target is fooled by its test cases, the band reader is not: RobD " + robd);
        }
    }

    @Test
    void jensenShannonIsZeroForEqualDistributionsOneForDisjointOnesAndSymmetric() {
        double[] p = {0.7, 0.2, 0.1};
        double[] q = {0.1, 0.3, 0.6};
        assertEquals(0, JensenShannon.divergence(p, p), 1e-12);
        assertEquals(1, JensenShannon.divergence(new double[] {1, 0}, new double[] {0, 1}), 1e-12);
        assertEquals(JensenShannon.divergence(p, q), JensenShannon.divergence(q, p), 1e-12);
        // scipy: (entropy(p, m) + entropy(q, m)) / 2 = 0.2306 nats for these two
        assertEquals(0.23065, JensenShannon.divergence(p, q) * Math.log(2), 1e-4);
    }

    private static double similarity(Scheme<?> scheme, Fingerprint fingerprint, LinearModel model) {
        return scheme.similarity(fingerprint.answers(),
                Answers.ask(model, fingerprint.queries(), scheme.suspectAccess()));
    }
}
