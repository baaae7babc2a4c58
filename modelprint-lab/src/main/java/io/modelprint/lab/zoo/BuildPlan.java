package io.modelprint.lab.zoo;

import io.modelprint.data.ImageDataset;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.engine.arch.Architecture;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ZooBuilder} builds into one directory: a suspect zoo ({@link Preset}) or an owner's
 * fleet. The builder brings the machinery (lock, manifest, hashes, resume); the plan says which
 * models to make and how.
 */
public interface BuildPlan {
    /** Recorded as the manifest's {@code preset}: a directory holds one plan, and another is refused. */
    String name();

    /** What the directory is, in log lines and messages: "zoo" or "fleet". */
    String what();

    /** How the models are made, in words (the manifest's notes). */
    Map<String, Object> notes(Architecture targetArch);

    /**
     * Every model, in build order.
     *
     * @param target the provenance of the target copied into the directory, or null when the plan trains it
     */
    List<SuspectPlan> plan(Architecture targetArch, ImageDataset train, long seed, ModelProvenance target);

    /** Whether the plan can only be built around an existing target (a fleet belongs to a model the owner has). */
    default boolean needsExistingTarget() {
        return false;
    }
}
