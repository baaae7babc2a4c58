package io.modelprint.lab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.scheme.Scheme;
import io.modelprint.testing.HalfGradient;
import io.modelprint.testing.LabelsOnly;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.TinyFingerprints;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class SuspectQuestionTest {
    @Test
    void aSuspectWhoseGradientsFailTheCheckIsLeftOutOfThatSchemeWithTheReasonAndTheOthersAreAsked() {
        try (LinearModel target = TinyFingerprints.target(1); LinearModel broken = TinyFingerprints.target(2);
                LinearModel healthy = TinyFingerprints.target(3)) {
            Fingerprint fingerprint = TinyFingerprints.extract("modelgif", target, 6, 3);
            Scheme<?> scheme = fingerprint.scheme();
            Scorer.Asked asked = new Scorer.Asked(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());

            SuspectQuestion.ask(asked, "broken", fingerprint, scheme, new HalfGradient(broken));
            SuspectQuestion.ask(asked, "labels-only", fingerprint, scheme, new LabelsOnly(healthy));
            SuspectQuestion.ask(asked, "healthy", fingerprint, scheme, healthy);
            SuspectQuestion.ask(asked, "target", fingerprint, scheme, target);

            String why = asked.skipped().get("broken");
            assertTrue(why.startsWith("its input gradients are unreliable on this machine") && why.contains("ONEDNN_MAX_CPU_ISA=SSE41"), why);
            assertTrue(asked.skipped().containsKey("labels-only"), "a suspect without gradients is left out as before");
            assertEquals(2, asked.similarities().size(), asked.similarities().toString());
            assertEquals(1, asked.similarities().get("target"), 1e-6);
            assertTrue(asked.similarities().get("healthy") < 0.9, "an independent linear model: " + asked.similarities());
        }
    }
}
