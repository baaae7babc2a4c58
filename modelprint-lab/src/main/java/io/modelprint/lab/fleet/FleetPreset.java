package io.modelprint.lab.fleet;

import io.modelprint.InputException;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.lab.zoo.BuildPlan;
import io.modelprint.lab.zoo.SuspectPlan;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The size of an owner's fleet. {@code quick} fits a few minutes on 2 cores for a small target;
 * {@code paper} has more of every kind. References: {@code sameRecipe} retrainings of the target's
 * own recipe, {@code otherArchEach} models of each of two other architectures trained on the
 * whole split until within half a point of the target's accuracy (at most
 * {@code otherArchMaxEpochs} epochs), {@code subsets} weaker models on random subsets of
 * {@code subsetImages}. Surrogates, per student seed: label students of the target's and a smaller
 * architecture, a probability student, adversarial students at PGD epsilon 4/256 and 0.1, a CutMix
 * student and a fine-tuned copy. The manifest records it as {@code fleet-<size>}.
 */
public record FleetPreset(String size, int sameRecipe, int otherArchEach, int otherArchMaxEpochs, int subsets, int subsetImages,
        int studentSeeds, int studentBudget, int studentEpochs, int advImages, int fineTuneImages) implements BuildPlan {

    /** Prefix of a fleet's preset in its manifest: a fleet and a zoo of the same size are never mistaken for each other. */
    public static final String PREFIX = "fleet-";

    public static FleetPreset of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "quick" -> new FleetPreset("quick", 3, 2, 12, 5, 5_000, 1, 10_000, 2, 5_000, 5_000);
            case "paper" -> new FleetPreset("paper", 8, 4, 16, 8, 10_000, 2, 20_000, 3, 10_000, 10_000);
            default -> throw new InputException("--preset: unknown fleet preset '" + name + "' (expected quick or paper)");
        };
    }

    @Override
    public String name() {
        return PREFIX + size;
    }

    @Override
    public String what() {
        return "fleet";
    }

    @Override
    public Map<String, Object> notes(Architecture targetArch) {
        return FleetPlan.notes(this, targetArch);
    }

    @Override
    public List<SuspectPlan> plan(Architecture targetArch, ImageDataset train, long seed, ModelProvenance target) {
        if (target == null) {
            throw new IllegalArgumentException("a fleet is built around an existing target");
        }
        return FleetPlan.of(this, targetArch, seed, target);
    }

    @Override
    public boolean needsExistingTarget() {
        return true;
    }
}
