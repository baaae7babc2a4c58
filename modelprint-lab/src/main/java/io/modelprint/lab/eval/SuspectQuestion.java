package io.modelprint.lab.eval;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.gradient.UnreliableGradientsException;
import io.modelprint.model.Classifier;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Scheme;
import io.modelprint.verify.Verifier;

/**
 * One zoo suspect asked one fingerprint: its similarity (and matching queries) into {@code asked}, or
 * why it could not be asked. A suspect whose input gradients fail the check (ModelGiF asks them) is
 * left out of that scheme with the reason, as a suspect that cannot give what a scheme needs: the
 * check speaks of this machine's kernels for that network, and one such suspect must not stop an
 * hours-long bench (`verify` and `scan` still exit 4 for it, and the launcher reruns them with
 * slower, correct kernels).
 */
final class SuspectQuestion {
    private SuspectQuestion() {}

    static void ask(Scorer.Asked asked, String suspect, Fingerprint fingerprint, Scheme<?> scheme, Classifier model) {
        try {
            Answers answers = Verifier.answers(fingerprint, scheme, model);
            asked.similarities().put(suspect, scheme.similarity(fingerprint.answers(), answers));
            Integer matches = scheme.matches(fingerprint.answers(), answers);
            if (matches != null) {
                asked.matches().put(suspect, matches);
            }
        } catch (InputException e) {
            asked.skipped().put(suspect, e.getMessage());
        } catch (UnreliableGradientsException e) {
            asked.skipped().put(suspect, "its input gradients are unreliable on this machine: " + e.getMessage());
        }
    }
}
