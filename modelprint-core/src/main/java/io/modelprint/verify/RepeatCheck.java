package io.modelprint.verify;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.model.Classifier;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.Scheme;

/**
 * A tampering scheme's check that the suspect answers the same query the same way: up to {@value #QUERIES}
 * samples are asked again — those whose answers did not match the fingerprint, else the first ones — and
 * compared with the suspect's own first answers under the scheme's distance (its tolerance). A suspect
 * that answers differently is refused: an API that randomizes its answers cannot be checked for
 * tampering, and its differences are no evidence that the model changed. A deterministic model
 * answers alike, so a mismatch that repeats is the model's own.
 */
public final class RepeatCheck {
    public static final int QUERIES = 4;

    private RepeatCheck() {}

    /** Asks {@code suspect} the chosen samples again; refused naming it when any answer changed. */
    public static void require(Fingerprint fingerprint, Scheme<?> scheme, Classifier suspect, Answers answers) {
        int[] rows = rowsToRepeat(fingerprint, scheme, answers);
        Queries all = fingerprint.queries();
        int size = all.spec().pixelsPerImage();
        float[] values = new float[rows.length * size];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(all.values(), rows[i] * size, values, i * size, size);
        }
        Answers again = Answers.ask(suspect, new Queries(all.spec(), values, rows.length), scheme.suspectAccess());
        int same = scheme.matches(answers.select(rows), again);
        if (same < rows.length) {
            throw new InputException(suspect.description() + ": not checked: answered " + (rows.length - same) + " of "
                    + rows.length + " " + scheme.name() + " samples differently when they were asked again; a model that"
                    + " answers the same query differently (a randomized API) cannot be checked for tampering");
        }
    }

    /** Queries asked in all: the fingerprint's and the repeats. */
    public static int queriesAsked(Fingerprint fingerprint) {
        return fingerprint.size() + Math.min(QUERIES, fingerprint.size());
    }

    private static int[] rowsToRepeat(Fingerprint fingerprint, Scheme<?> scheme, Answers answers) {
        int n = Math.min(QUERIES, fingerprint.size());
        int[] rows = new int[n];
        int found = 0;
        for (int i = 0; i < fingerprint.size() && found < n; i++) {
            int[] one = {i};
            if (scheme.matches(fingerprint.answers().select(one), answers.select(one)) == 0) {
                rows[found++] = i;
            }
        }
        for (int i = 0; found < n; i++) {
            final int row = i;
            if (java.util.stream.IntStream.range(0, found).noneMatch(j -> rows[j] == row)) {
                rows[found++] = i;
            }
        }
        return rows;
    }
}
