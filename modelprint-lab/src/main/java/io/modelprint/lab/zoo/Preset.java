package io.modelprint.lab.zoo;

import io.modelprint.InputException;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.lab.attack.TransferTask;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The size of a zoo. {@code quick} is a first look within minutes; {@code paper} has the paper's
 * counts (50 same-architecture negatives, 10 + 10 other-architecture, 10 random forests, full WP/FP
 * sweeps). To fit a CPU, negatives and post-processing train on subsets of the training split, as
 * recorded in the manifest's notes. Made with {@link #builder()}: every value not set is quick's.
 */
public final class Preset implements BuildPlan {
    /** A post-processed model may lose at most this much test accuracy (paper: 3%). */
    public static final double MAX_ACCURACY_LOSS = 0.03;

    private final String name;
    private final int targetEpochs;
    private final int fineTuneImages;
    private final int retrainImages;
    private final int distillBudget;
    private final int distillEpochs;
    private final int distillSeeds;
    private final int sameArchNegatives;
    private final int negativeImages;
    private final int otherArchNegatives;
    private final Architecture cheapOtherArch;
    private final int forests;
    private final int forestImages;
    private final int forestTrees;
    private final int sweepStep;
    private final int advImages;
    private final int advEpochs;
    private final int fullSplitNegatives;
    private final boolean fullStudentSet;
    private final int transferNegatives;
    private final int extraLabelStudents;
    private final int sameRecipeNegatives;
    private final int pytorchNegatives;
    private final int pytorchEpochs;

    Preset(PresetBuilder b) {
        name = b.name;
        targetEpochs = b.targetEpochs;
        fineTuneImages = b.fineTuneImages;
        retrainImages = b.retrainImages;
        distillBudget = b.distillBudget;
        distillEpochs = b.distillEpochs;
        distillSeeds = b.distillSeeds;
        sameArchNegatives = b.sameArchNegatives;
        negativeImages = b.negativeImages;
        otherArchNegatives = b.otherArchNegatives;
        cheapOtherArch = b.cheapOtherArch;
        forests = b.forests;
        forestImages = b.forestImages;
        forestTrees = b.forestTrees;
        sweepStep = b.sweepStep;
        advImages = b.advImages;
        advEpochs = b.advEpochs;
        fullSplitNegatives = b.fullSplitNegatives;
        fullStudentSet = b.fullStudentSet;
        transferNegatives = b.transferNegatives;
        extraLabelStudents = b.extraLabelStudents;
        sameRecipeNegatives = b.sameRecipeNegatives;
        pytorchNegatives = b.pytorchNegatives;
        pytorchEpochs = b.pytorchEpochs;
    }

    public static PresetBuilder builder() {
        return new PresetBuilder();
    }

    public static Preset of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "quick" -> builder().setName("quick").build();
            case "paper" -> builder().setName("paper").optTargetEpochs(2).optFineTuneImages(20_000).optRetrainImages(10_000)
                    .optDistillBudget(30_000).optDistillEpochs(5).optDistillSeeds(2).optSameArchNegatives(50).optNegativeImages(20_000)
                    .optOtherArchNegatives(10).optCheapOtherArch(Architecture.RESNET20).optForests(10).optForestImages(10_000)
                    .optSweepStep(1).optAdvImages(10_000).optFullSplitNegatives(2).optFullStudentSet(true).optTransferNegatives(5)
                    .optExtraLabelStudents(6).optSameRecipeNegatives(5).optPytorchNegatives(6).optPytorchEpochs(3).build();
            default -> throw new InputException("--preset: unknown preset '" + name + "' (expected quick or paper)");
        };
    }

    @Override
    public String what() {
        return "zoo";
    }

    /** How the models are made, in words (the manifest's notes). */
    @Override
    public Map<String, Object> notes(Architecture targetArch) {
        return PresetNotes.of(this, targetArch);
    }

    /** Every model of the zoo, in build order; the target first when it is to be trained here. */
    public List<SuspectPlan> plan(Architecture targetArch, TransferTask task, long seed, boolean trainTarget) {
        return ZooPlan.of(this, targetArch, task, seed, trainTarget);
    }

    /** {@link #plan(Architecture, TransferTask, long, boolean)} with the transfer task of the class count alone. */
    public List<SuspectPlan> plan(Architecture targetArch, int numClasses, long seed, boolean trainTarget) {
        return plan(targetArch, TransferTask.forClasses(numClasses), seed, trainTarget);
    }

    /** The zoo of {@code train}: its transfer task is chosen by the data set's classes ({@link TransferTask#of}). */
    @Override
    public List<SuspectPlan> plan(Architecture targetArch, ImageDataset train, long seed, ModelProvenance target) {
        return plan(targetArch, TransferTask.of(train), seed, target == null);
    }

    @Override
    public String name() {
        return name;
    }

    /** Epochs of the target trained here, on the whole training split. */
    public int targetEpochs() {
        return targetEpochs;
    }

    /** Training images of the fine-tuned, fine-pruned and transfer-learning copies. */
    public int fineTuneImages() {
        return fineTuneImages;
    }

    /** Training images of the retraining after weight and filter pruning. */
    public int retrainImages() {
        return retrainImages;
    }

    /** Queries of each extraction student. */
    public int distillBudget() {
        return distillBudget;
    }

    public int distillEpochs() {
        return distillEpochs;
    }

    /** How many times each student is trained, on its own seeds. */
    public int distillSeeds() {
        return distillSeeds;
    }

    public int sameArchNegatives() {
        return sameArchNegatives;
    }

    /** Training images of a negative (the first of the training split), unless it is one of the full-split ones. */
    public int negativeImages() {
        return negativeImages;
    }

    /** Negatives of each other architecture (LeNet-5 and {@link #cheapOtherArch()}). */
    public int otherArchNegatives() {
        return otherArchNegatives;
    }

    public Architecture cheapOtherArch() {
        return cheapOtherArch;
    }

    public int forests() {
        return forests;
    }

    public int forestImages() {
        return forestImages;
    }

    public int forestTrees() {
        return forestTrees;
    }

    /** Every how many steps the WP, FP and fine-pruning sweeps take (1: every step). */
    public int sweepStep() {
        return sweepStep;
    }

    /** Queries of each adversarial-extraction student. */
    public int advImages() {
        return advImages;
    }

    public int advEpochs() {
        return advEpochs;
    }

    /** The last this many negatives of each architecture train on the whole training split. */
    public int fullSplitNegatives() {
        return fullSplitNegatives;
    }

    /** Whether adversarial and other-data students are also of the target's architecture (else only the smaller one). */
    public boolean fullStudentSet() {
        return fullStudentSet;
    }

    /** Negatives of the transfer-learning task, trained from scratch. */
    public int transferNegatives() {
        return transferNegatives;
    }

    /**
     * Label students beyond the ones of each seed, alternately LeNet-5 and MLP, on half the budget or
     * all of it, each on its own seed and each the parent of an adversarial student at both PGD radii.
     */
    public int extraLabelStudents() {
        return extraLabelStudents;
    }

    /** Negatives trained exactly as the target (its architecture and epochs, the whole training split) with other seeds. */
    public int sameRecipeNegatives() {
        return sameRecipeNegatives;
    }

    /** Negatives trained by PyTorch ({@code scripts/train_pytorch_negatives.py}) on the whole training split, read as TorchScript. */
    public int pytorchNegatives() {
        return pytorchNegatives;
    }

    public int pytorchEpochs() {
        return pytorchEpochs;
    }
}
