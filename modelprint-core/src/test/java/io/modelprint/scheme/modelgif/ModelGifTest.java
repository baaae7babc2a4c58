package io.modelprint.scheme.modelgif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.GradientField;
import io.modelprint.scheme.Schemes;
import io.modelprint.testing.LabelsOnly;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.TinyFingerprints;
import io.modelprint.verify.Verdict;
import io.modelprint.verify.Verifier;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelGifTest {
    private static final InputSpec SPEC = TinyFingerprints.DATA.spec();

    private static double similarity(Fingerprint fingerprint, io.modelprint.model.Classifier suspect) {
        return new Verifier((Double) null).verify(fingerprint, suspect).similarity();
    }

    @Test
    void aLinearModelsFieldIsItsIntegratedGradientsAndEndsAtItsLogitGain() {
        int n = 6;
        int steps = 8;
        try (LinearModel model = TinyFingerprints.target(1); NDManager manager = NDManager.newBaseManager()) {
            Fingerprint fingerprint = TinyFingerprints.extract(model, "linear", "modelgif", Map.of("steps", steps), TinyFingerprints.DATA,
                    n, 3);
            GradientField field = fingerprint.field();
            float[] samples = fingerprint.queries().values();
            float[] reference = ReferencePoint.MEAN.image(SPEC, samples, n);
            int size = SPEC.pixelsPerImage();
            float[] logits;
            float[] referenceLogits;
            try (NDArray x = manager.create(samples, SPEC.batchShape(n)); NDArray z = model.predictLogits(x);
                    NDArray r = manager.create(reference, SPEC.batchShape(1)); NDArray zr = model.predictLogits(r)) {
                logits = z.toFloatArray();
                referenceLogits = zr.toFloatArray();
            }
            double[] cumulative = new double[steps];
            PathQuadrature path = PathQuadrature.gaussLegendre(steps);
            for (int k = 0; k < steps; k++) {
                cumulative[k] = (k == 0 ? 0 : cumulative[k - 1]) + path.weights()[k];
            }
            assertEquals(1, cumulative[steps - 1], 1e-9, "the weights integrate over the whole path");
            for (int i = 0; i < n; i++) {
                int c = (int) fingerprint.labels()[i];
                for (int k = 0; k < steps; k++) {
                    double sum = 0;
                    for (int p = 0; p < size; p++) {
                        sum += field.values()[(i * steps + k) * size + p];
                    }
                    // a linear logit gains along a straight path in proportion to how far along the path it is
                    double gain = logits[i * 10 + c] - referenceLogits[c];
                    assertEquals(cumulative[k] * gain, sum, 1e-3 * (1 + Math.abs(gain)), "sample " + i + " step " + k);
                }
            }
        }
    }

    @Test
    void theTargetIsItselfAndAPerturbedCopyIsFarCloserThanIndependentModels() {
        try (LinearModel target = TinyFingerprints.target(1); LinearModel copy = LinearModel.perturbed(target, 0.1f, 9);
                LinearModel other = TinyFingerprints.target(2); LinearModel third = TinyFingerprints.target(3)) {
            Fingerprint fingerprint = TinyFingerprints.extract("modelgif", target, 30, 3);
            double self = similarity(fingerprint, target);
            double derived = similarity(fingerprint, copy);
            double independent = Math.max(similarity(fingerprint, other), similarity(fingerprint, third));
            System.out.printf("modelgif on linear models: self %.4f copy %.4f independent (max of 2) %.4f%n", self, derived, independent);
            assertEquals(1, self, 1e-6);
            assertTrue(derived > independent + 0.4, "copy " + derived + ", independent " + independent);
            Verdict verdict = new Verifier((Double) null).verify(fingerprint, copy);
            assertTrue(verdict.similarity() >= ModelGifScheme.DEFAULT_THRESHOLD, verdict.toString());
        }
    }

    @Test
    void aSuspectWithoutGradientsIsRefusedNamingTheSchemesThatWork() {
        try (LinearModel target = TinyFingerprints.target(1)) {
            Fingerprint fingerprint = TinyFingerprints.extract("modelgif", target, 4, 3);
            InputException labels = assertThrows(InputException.class, () -> similarity(fingerprint, new LabelsOnly(target)));
            assertTrue(labels.getMessage().contains("offers labels only, but scheme modelgif compares gradients")
                    && labels.getMessage().contains("schemes that work with labels: ipguard"), labels.getMessage());
            InputException scores = assertThrows(InputException.class, () -> similarity(fingerprint, new ScoresOnly(target)));
            assertTrue(scores.getMessage().contains("offers scores only, but scheme modelgif compares gradients")
                    && scores.getMessage().contains("sac-w") && !scores.getMessage().contains("modelgif,"), scores.getMessage());
        }
    }

    @Test
    void badParametersAreRefusedByName() {
        InputException steps = assertThrows(InputException.class, () -> Schemes.create("modelgif", Map.of("steps", 0), "--param"));
        assertTrue(steps.getMessage().contains("steps"), steps.getMessage());
        InputException reference = assertThrows(InputException.class,
                () -> Schemes.create("modelgif", Map.of("reference", "grey"), "--param"));
        assertTrue(reference.getMessage().contains("reference") && reference.getMessage().contains("grey"), reference.getMessage());
        InputException unknown = assertThrows(InputException.class, () -> Schemes.create("modelgif", Map.of("alpha", 1), "--param"));
        assertTrue(unknown.getMessage().contains("unknown parameter 'alpha'") && unknown.getMessage().contains("steps"),
                unknown.getMessage());
    }

    @Test
    void fieldsOfAnotherShapeAreNotCompared() {
        GradientField two = new GradientField(1, 2, 3, new float[6]);
        GradientField three = new GradientField(1, 3, 3, new float[9]);
        assertThrows(IllegalArgumentException.class, () -> new MeanFieldCosine().similarity(two, three));
        Answers answers = new Answers(new long[1], new float[2], 2).withField(two);
        assertThrows(IllegalArgumentException.class, () -> new GradientFields(PathQuadrature.gaussLegendre(3), ReferencePoint.MEAN)
                .represent(answers));
    }
}
