package io.modelprint.lab.zoo;

import static io.modelprint.lab.zoo.TrainingSchedule.ALL_LAYERS;
import static io.modelprint.lab.zoo.TrainingSchedule.ALL_LAYERS_SMALL_STEP;
import static io.modelprint.lab.zoo.TrainingSchedule.LAST_LAYER;

import io.modelprint.engine.arch.Architecture;
import io.modelprint.lab.attack.AttackerQueries;
import io.modelprint.lab.attack.Distillation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The manifest's notes: how a preset's models are made, in words written from the values its plan uses. */
final class PresetNotes {
    private PresetNotes() {}

    static Map<String, Object> of(Preset p, Architecture targetArch) {
        String lossLimit = Math.round(Preset.MAX_ACCURACY_LOSS * 100) + "%";
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("target", targetArch.cliName() + ", " + p.targetEpochs() + " epoch(s) on the whole training split");
        notes.put("fineTuning", "FTLL/RTLL: last layer on " + p.fineTuneImages() + " training images, " + LAST_LAYER.epochsText()
                + ", lr " + LAST_LAYER.rateText() + "; FTAL/RTAL: all layers, " + ALL_LAYERS_SMALL_STEP.epochsText() + " on "
                + p.fineTuneImages() + " images, lr " + ALL_LAYERS_SMALL_STEP.rateText() + " / " + ALL_LAYERS.rateText());
        List<Integer> tenths = ZooPlan.weightPruningTenths(p);
        List<Integer> sixteenths = ZooPlan.filterPruningSixteenths(p);
        notes.put("pruning", "WP p=0." + tenths.get(0) + "..0." + tenths.get(tenths.size() - 1) + " and FP c=" + sixteenths.get(0)
                + "/16.." + sixteenths.get(sixteenths.size() - 1) + "/16, each retrained " + ALL_LAYERS_SMALL_STEP.epochsText() + " on "
                + p.retrainImages() + " images (lr " + ALL_LAYERS_SMALL_STEP.rateText() + "); a sweep stops at the first model losing"
                + " more than " + lossLimit + " test accuracy (kept=false)");
        notes.put("extraction", "students (" + p.distillSeeds() + " seed(s) each) trained " + p.distillEpochs() + " epoch(s) on the"
                + " target's answers to " + p.distillBudget() + " training images with uniform noise ±" + ZooPlan.NOISE
                + "; probabilities by knowledge distillation (T " + Distillation.TEMPERATURE + ", alpha " + Distillation.ALPHA
                + "), labels by cross-entropy on the top-1");
        notes.put("adversarialExtraction", "label students trained " + p.advEpochs() + " more epoch(s) on the target's labels for "
                + p.advImages() + " noisy training images, loss = CE(clean) + CE(PGD L-inf eps " + ZooPlan.PGD_EPSILON + ", step "
                + ZooPlan.PGD_STEP + ", " + ZooPlan.PGD_STEPS + " steps)");
        long smallestBox = Math.round(AttackerQueries.MIN_BOX_AREA * 100);
        long largestBox = Math.round((AttackerQueries.MIN_BOX_AREA + AttackerQueries.BOX_AREA_SPREAD) * 100);
        notes.put("otherData", "probability students (as above) whose queries are CutMix mixtures of two training images (box "
                + smallestBox + "-" + largestBox + " %, noise ±" + ZooPlan.NOISE + ") or uniform noise: no task image at all");
        List<String> fractions = ZooPlan.finePruningFractions(p).stream().map(f -> Math.round(f * 100) + " %").toList();
        notes.put("finePruning", "the last convolution's channels least active on the first " + p.fineTuneImages()
                + " training images removed (" + String.join(", ", fractions) + "), then " + ALL_LAYERS_SMALL_STEP.epochsText() + " on "
                + p.fineTuneImages() + " images, lr " + ALL_LAYERS_SMALL_STEP.rateText() + "; the sweep stops at the first model losing"
                + " more than " + lossLimit);
        notes.put("transfer", "the target's layers under a new head for a coarser task of the same images, head only ("
                + LAST_LAYER.epochsText() + ", lr " + LAST_LAYER.rateText() + ") or all layers (" + ALL_LAYERS_SMALL_STEP.epochsText()
                + ", lr " + ALL_LAYERS_SMALL_STEP.rateText() + ") on " + p.fineTuneImages() + " images; " + p.transferNegatives()
                + " negatives trained from scratch on that task (" + ALL_LAYERS.epochsText() + ", first " + p.negativeImages()
                + " images)");
        notes.put("negatives", "architectures trained " + ALL_LAYERS.epochsText() + " on the first " + p.negativeImages()
                + " training images (\"data\": \"subset\", the attacker's share, to fit a CPU)"
                + (p.fullSplitNegatives() > 0 ? "; the last " + p.fullSplitNegatives() + " of each architecture on the whole training"
                        + " split (\"data\": \"full\")" : "")
                + "; random forests on " + p.forestImages() + " images, " + p.forestTrees() + " trees");
        notes.put("extraStudents", p.extraLabelStudents() + " more label students, LeNet-5 and MLP in turn, on " + p.distillBudget() / 2
                + " or " + p.distillBudget() + " queries, each with adversarial children at both PGD radii");
        notes.put("adversarialExtractionSmall", "as adversarialExtraction with PGD L-inf eps 4/256, step 1/256, " + ZooPlan.PGD_STEPS
                + " steps (SACBench's radius)");
        notes.put("otherDataLabels", "label students trained on the target's top-1 labels for CutMix queries");
        notes.put("sameRecipeNegatives", p.sameRecipeNegatives() + " models of the target's architecture trained as the target ("
                + p.targetEpochs() + " epoch(s) on the whole training split) with other seeds");
        notes.put("pytorchNegatives", p.pytorchNegatives() + " models trained by PyTorch (scripts/" + PytorchPipeline.SCRIPT + ": "
                + String.join(", ", PytorchPipeline.ARCHITECTURES) + ") for " + p.pytorchEpochs() + " epoch(s) on the whole training"
                + " split, kept as TorchScript; skipped where Python has no torch");
        return notes;
    }
}
