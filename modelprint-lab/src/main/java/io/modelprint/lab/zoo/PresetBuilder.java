package io.modelprint.lab.zoo;

import io.modelprint.engine.arch.Architecture;

/** Builds a {@link Preset}; a value not set is the quick preset's. */
public final class PresetBuilder {
    String name;
    int targetEpochs = 1;
    int fineTuneImages = 10_000;
    int retrainImages = 5_000;
    int distillBudget = 20_000;
    int distillEpochs = 3;
    int distillSeeds = 1;
    int sameArchNegatives = 4;
    int negativeImages = 10_000;
    int otherArchNegatives = 4;
    Architecture cheapOtherArch = Architecture.MLP;
    int forests = 3;
    int forestImages = 5_000;
    int forestTrees = 20;
    int sweepStep = 2;
    int advImages = 5_000;
    int advEpochs = 1;
    int fullSplitNegatives = 0;
    boolean fullStudentSet = false;
    int transferNegatives = 2;
    int extraLabelStudents = 3;
    int sameRecipeNegatives = 3;
    int pytorchNegatives = 3;
    int pytorchEpochs = 2;

    PresetBuilder() {}

    public PresetBuilder setName(String value) {
        name = value;
        return this;
    }

    public PresetBuilder optTargetEpochs(int value) {
        targetEpochs = value;
        return this;
    }

    public PresetBuilder optFineTuneImages(int value) {
        fineTuneImages = value;
        return this;
    }

    public PresetBuilder optRetrainImages(int value) {
        retrainImages = value;
        return this;
    }

    public PresetBuilder optDistillBudget(int value) {
        distillBudget = value;
        return this;
    }

    public PresetBuilder optDistillEpochs(int value) {
        distillEpochs = value;
        return this;
    }

    public PresetBuilder optDistillSeeds(int value) {
        distillSeeds = value;
        return this;
    }

    public PresetBuilder optSameArchNegatives(int value) {
        sameArchNegatives = value;
        return this;
    }

    public PresetBuilder optNegativeImages(int value) {
        negativeImages = value;
        return this;
    }

    public PresetBuilder optOtherArchNegatives(int value) {
        otherArchNegatives = value;
        return this;
    }

    public PresetBuilder optCheapOtherArch(Architecture value) {
        cheapOtherArch = value;
        return this;
    }

    public PresetBuilder optForests(int value) {
        forests = value;
        return this;
    }

    public PresetBuilder optForestImages(int value) {
        forestImages = value;
        return this;
    }

    public PresetBuilder optForestTrees(int value) {
        forestTrees = value;
        return this;
    }

    public PresetBuilder optSweepStep(int value) {
        sweepStep = value;
        return this;
    }

    public PresetBuilder optAdvImages(int value) {
        advImages = value;
        return this;
    }

    public PresetBuilder optAdvEpochs(int value) {
        advEpochs = value;
        return this;
    }

    public PresetBuilder optFullSplitNegatives(int value) {
        fullSplitNegatives = value;
        return this;
    }

    public PresetBuilder optFullStudentSet(boolean value) {
        fullStudentSet = value;
        return this;
    }

    public PresetBuilder optTransferNegatives(int value) {
        transferNegatives = value;
        return this;
    }

    public PresetBuilder optExtraLabelStudents(int value) {
        extraLabelStudents = value;
        return this;
    }

    public PresetBuilder optSameRecipeNegatives(int value) {
        sameRecipeNegatives = value;
        return this;
    }

    public PresetBuilder optPytorchNegatives(int value) {
        pytorchNegatives = value;
        return this;
    }

    public PresetBuilder optPytorchEpochs(int value) {
        pytorchEpochs = value;
        return this;
    }

    /** The preset; refused without a name, or with a sweep step outside 1..9 (the WP sweep would be empty). */
    public Preset build() {
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("a preset needs a name");
        }
        if (sweepStep < 1 || sweepStep > 9) {
            throw new IllegalStateException("sweep step must be 1..9, got " + sweepStep);
        }
        return new Preset(this);
    }
}
