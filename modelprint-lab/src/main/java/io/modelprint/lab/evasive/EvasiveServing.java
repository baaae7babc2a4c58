package io.modelprint.lab.evasive;

import io.modelprint.model.Classifier;

/**
 * How an evaluation reaches a zoo model that is "served behind a defense" (the evasive family): the
 * bench serves it for real ({@code modelprint serve}'s server on loopback, asked through the
 * Open Inference Protocol client); {@link #IN_PROCESS} applies the same defense without HTTP (tests).
 * The returned classifier owns {@code model}: closing it closes the model (and a server, if any).
 */
@FunctionalInterface
public interface EvasiveServing {
    EvasiveServing IN_PROCESS = (name, model, defense) -> DefendedClassifier.wrap(model, defense);

    Classifier serve(String name, Classifier model, Defense defense);
}
