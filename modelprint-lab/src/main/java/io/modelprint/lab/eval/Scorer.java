package io.modelprint.lab.eval;

import io.modelprint.InputException;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.scheme.Scheme;
import java.util.List;
import java.util.Map;

/**
 * How the evaluation turns one kind of run into a result: which suspects it asks, how their
 * similarities are scored, and what the bench log says along the way.
 */
interface Scorer<K extends ZooRun, R> {
    /**
     * Every suspect's similarity to one fingerprint, the number of matching queries where the scheme
     * counts them, and the suspects that could not be asked, with why.
     */
    record Asked(Map<String, Double> similarities, Map<String, Integer> matches, Map<String, String> skipped) {}

    /** What a run made of the target: its scheme and the fingerprint. */
    record Made(Scheme<?> scheme, ExtractionCache.Extracted extracted) {}

    Class<K> runType();

    Class<R> resultType();

    /** The suspects every fingerprint is asked of, in the order they are scored. */
    List<ZooEntry> suspects(LoadedZoo zoo);

    /** The result of a run whose scheme cannot fingerprint this target; throws {@code e} where that is an error. */
    R cannotFingerprint(K run, InputException e);

    R score(K run, Made made, Asked asked, List<ZooEntry> suspects);

    /** The log line when a run's fingerprint is made (or found in the cache). */
    String extracted(K run, ExtractionCache.Extracted extracted);

    /** The log line before the suspects are asked. */
    String asking(int suspects, int fingerprints);

    /** The log line when a run is scored. */
    String scored(K run, R result);
}
