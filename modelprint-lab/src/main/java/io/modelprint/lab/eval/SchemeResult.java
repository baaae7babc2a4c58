package io.modelprint.lab.eval;

import java.util.List;
import java.util.Map;

/**
 * One scheme on the zoo: what it needs of a suspect, what it asks each one, what making the
 * fingerprint cost, its scores per family and over all positives, every suspect's similarity, and
 * the suspects it could not ask (e.g. random forests answer labels only) with the reason. A scheme
 * that cannot fingerprint this target at all (e.g. AKH on a target with too few mistakes) has only
 * {@code error} set.
 */
public record SchemeResult(
        SchemeRun run,
        String access,
        int queries,
        double seconds,
        int negatives,
        List<FamilyScore> families,
        FamilyScore allPositives,
        Map<String, Double> similarities,
        Map<String, String> skipped,
        String error) {

    static SchemeResult failed(SchemeRun run, String error) {
        return new SchemeResult(run, null, 0, 0, 0, List.of(), new FamilyScore("all positives", 0, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN), Map.of(), Map.of(), error);
    }
}
