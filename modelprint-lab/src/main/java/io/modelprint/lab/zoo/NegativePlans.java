package io.modelprint.lab.zoo;

import static io.modelprint.lab.zoo.TrainingSchedule.ALL_LAYERS;

import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.lab.attack.TransferTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The negatives of a zoo plan, from the weakest to the hardest: models of the target's and other
 * architectures on a subset (the last few on the whole training split), random forests, models
 * trained exactly as the target with other seeds, and models trained by another pipeline (PyTorch).
 */
final class NegativePlans {
    private final Preset preset;
    private final Architecture targetArch;
    private final long seed;
    private final List<SuspectPlan> plans;

    NegativePlans(Preset preset, Architecture targetArch, long seed, List<SuspectPlan> plans) {
        this.preset = preset;
        this.targetArch = targetArch;
        this.seed = seed;
        this.plans = plans;
    }

    void add() {
        for (int i = 0; i < preset.sameArchNegatives(); i++) {
            addNegative(targetArch, seed + 100 + i, i, preset.sameArchNegatives());
        }
        for (Architecture other : otherArchitectures()) {
            for (int i = 0; i < preset.otherArchNegatives(); i++) {
                addNegative(other, seed + 200 + i, i, preset.otherArchNegatives());
            }
        }
        for (int i = 0; i < preset.forests(); i++) {
            long forestSeed = seed + 300 + i;
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("seed", forestSeed);
            parameters.put("trees", preset.forestTrees());
            parameters.put("images", preset.forestImages());
            plans.add(new SuspectPlan("neg-rf-s" + forestSeed, SuspectGroup.NEGATIVE, "RF", null, parameters, null,
                    Recipes.forest(preset.forestTrees(), preset.forestImages(), forestSeed)));
        }
        for (int i = 0; i < preset.sameRecipeNegatives(); i++) {
            addSameRecipe(seed + 600 + i);
        }
        for (int i = 0; i < preset.pytorchNegatives(); i++) {
            addPytorch(PytorchPipeline.ARCHITECTURES.get(i % PytorchPipeline.ARCHITECTURES.size()), seed + 700 + i);
        }
    }

    /** A model trained from scratch on {@code task} (the transfer family's negatives), on the preset's subset. */
    void addTaskNegative(Architecture arch, long negativeSeed, TransferTask task) {
        addNegative(arch, negativeSeed, false, task);
    }

    private List<Architecture> otherArchitectures() {
        List<Architecture> others = new ArrayList<>();
        for (Architecture candidate : new Architecture[] {Architecture.LENET5, preset.cheapOtherArch()}) {
            others.add(candidate == targetArch ? Architecture.VGG : candidate);
        }
        return others;
    }

    /** The {@code index}-th of {@code count} negatives of one architecture: the last {@code fullSplitNegatives} see every image. */
    private void addNegative(Architecture arch, long negativeSeed, int index, int count) {
        addNegative(arch, negativeSeed, index >= count - preset.fullSplitNegatives(), null);
    }

    /** A model trained from scratch: on the target's task, or on {@code task} (the transfer family's negatives). */
    private void addNegative(Architecture arch, long negativeSeed, boolean full, TransferTask task) {
        int images = full ? 0 : preset.negativeImages();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("arch", arch.cliName());
        if (task != null) {
            parameters.put("task", task.name());
        }
        parameters.put("seed", negativeSeed);
        parameters.put("epochs", ALL_LAYERS.epochs());
        parameters.put("images", images);
        parameters.put("data", full ? "full" : "subset");
        TrainingConfig config = ALL_LAYERS.config(negativeSeed, images);
        plans.add(new SuspectPlan((task == null ? "neg-" : "neg-task-") + arch.cliName() + "-s" + negativeSeed, SuspectGroup.NEGATIVE,
                arch.cliName().toUpperCase(Locale.ROOT), null, parameters, null,
                task == null ? Recipes.train(arch, config) : Recipes.trainOnTask(arch, task, config)));
    }

    /** The hardest honest model an owner can make: the target's own recipe (as {@link ZooPlan} trains it) on another seed. */
    private void addSameRecipe(long negativeSeed) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("arch", targetArch.cliName());
        parameters.put("seed", negativeSeed);
        parameters.put("epochs", preset.targetEpochs());
        parameters.put("images", 0);
        parameters.put("data", "full");
        parameters.put(SuspectFamily.RECIPE, "target");
        plans.add(new SuspectPlan("neg-same-recipe-" + targetArch.cliName() + "-s" + negativeSeed, SuspectGroup.NEGATIVE,
                targetArch.cliName().toUpperCase(Locale.ROOT), null, parameters, null,
                Recipes.train(targetArch, ZooPlan.targetConfig(preset, negativeSeed))));
    }

    /** A model trained by PyTorch on the whole training split ({@link PytorchPipeline}). */
    private void addPytorch(String arch, long negativeSeed) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(SuspectFamily.PIPELINE, "pytorch");
        parameters.put("arch", arch);
        parameters.put("seed", negativeSeed);
        parameters.put("epochs", preset.pytorchEpochs());
        parameters.put("images", 0);
        parameters.put("data", "full");
        plans.add(new SuspectPlan("neg-pytorch-" + arch + "-s" + negativeSeed, SuspectGroup.NEGATIVE,
                "PYTORCH-" + arch.toUpperCase(Locale.ROOT), null, parameters, null,
                PytorchPipeline.system().recipe(arch, negativeSeed, preset.pytorchEpochs())));
    }
}
