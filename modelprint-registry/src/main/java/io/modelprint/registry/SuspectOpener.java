package io.modelprint.registry;

import io.modelprint.data.InputSpec;
import io.modelprint.model.Classifier;

/**
 * Opens one suspect as a classifier of queries in a given input spec. A scan opens the suspect once
 * per input spec its registry's fingerprints use (1x28x28 grey and 3x32x32 colour fingerprints can
 * share a registry), and closes what it opened.
 */
@FunctionalInterface
public interface SuspectOpener {
    /**
     * The suspect, asked queries of {@code spec}; {@code classes} and {@code scores} are what the fingerprints of
     * that spec expect (a remote suspect is asked for scores only when one of them compares scores).
     *
     * @throws io.modelprint.InputException when the suspect cannot be opened or cannot take queries of {@code spec}
     *     (the scan lists those fingerprints as not checked, with this reason)
     */
    Classifier open(InputSpec spec, int classes, boolean scores);
}
