package io.modelprint.lab.zoo;

import io.modelprint.InputException;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.lab.attack.AdversarialExtraction;
import io.modelprint.lab.attack.AttackerQueries;
import io.modelprint.lab.attack.Distillation;
import io.modelprint.lab.attack.FinePruning;
import io.modelprint.lab.attack.FilterPruning;
import io.modelprint.lab.attack.FineTuning;
import io.modelprint.lab.attack.Quantization;
import io.modelprint.lab.attack.Reparametrization;
import io.modelprint.lab.attack.TransferLearning;
import io.modelprint.lab.attack.TransferTask;
import io.modelprint.lab.attack.WeightPruning;
import io.modelprint.lab.evasive.Defense;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The size of a zoo. {@code quick} is a first look within minutes; {@code paper} has the paper's
 * counts (50 same-architecture negatives, 10 + 10 other-architecture, 10 random forests, full WP/FP
 * sweeps). To fit a CPU, negatives and post-processing train on subsets of the training split, as
 * recorded in the manifest's notes.
 */
public record Preset(
        String name,
        int targetEpochs,
        int fineTuneImages,
        int retrainImages,
        int distillBudget,
        int distillEpochs,
        int distillSeeds,
        int sameArchNegatives,
        int negativeImages,
        int otherArchNegatives,
        Architecture cheapOtherArch,
        int forests,
        int forestImages,
        int forestTrees,
        int sweepStep,
        int advImages,
        int advEpochs,
        int fullSplitNegatives,
        boolean fullStudentSet,
        int transferNegatives) {

    /** A post-processed model may lose at most this much test accuracy (paper: 3%). */
    public static final double MAX_ACCURACY_LOSS = 0.03;
    static final float NOISE = 0.1f;
    /** Adversarial extraction's PGD (L-infinity, inputs in [0,1]): epsilon, step, steps. */
    static final float PGD_EPSILON = 0.1f;
    static final float PGD_STEP = 0.02f;
    static final int PGD_STEPS = 10;
    /** Fine-pruning removes up to this fraction of the last convolution's channels, in steps of a fifth. */
    static final double[] FINE_PRUNING_FRACTIONS = {0.2, 0.4, 0.6, 0.8};
    /** The evasive APIs the zoo serves its target behind (docs/remote.md). */
    static final List<String> EVASIVE_DEFENSES = List.of("noise=0.05", "smoothing=8,noise=0.1", "round=1", "top1", "flip=0.1");

    public static Preset of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "quick" -> new Preset("quick", 1, 10_000, 5_000, 20_000, 3, 1, 4, 10_000, 4, Architecture.MLP, 3, 5_000, 20,
                    2, 5_000, 1, 0, false, 2);
            case "paper" -> new Preset("paper", 2, 20_000, 10_000, 30_000, 5, 2, 50, 20_000, 10, Architecture.RESNET20, 10, 10_000, 20,
                    1, 10_000, 1, 2, true, 5);
            default -> throw new InputException("--preset: unknown preset '" + name + "' (expected quick or paper)");
        };
    }

    public Map<String, Object> notes(Architecture targetArch) {
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("target", targetArch.cliName() + ", " + targetEpochs + " epoch(s) on the whole training split");
        notes.put("fineTuning", "FTLL/RTLL: last layer on " + fineTuneImages + " training images, 3 epochs, lr 1e-3;"
                + " FTAL/RTAL: all layers, 1 epoch on " + fineTuneImages + " images, lr 1e-4 / 1e-3");
        notes.put("pruning", "WP p=0.1..0.9 and FP c=1/16..15/16, each retrained 1 epoch on " + retrainImages
                + " images (lr 1e-4); a sweep stops at the first model losing more than 3% test accuracy (kept=false)");
        notes.put("extraction", "students (" + distillSeeds + " seed(s) each) trained " + distillEpochs + " epoch(s) on the target's"
                + " answers to " + distillBudget + " training images with uniform noise ±" + NOISE + "; probabilities by knowledge"
                + " distillation (T " + Distillation.TEMPERATURE + ", alpha " + Distillation.ALPHA + "), labels by cross-entropy on"
                + " the top-1");
        notes.put("adversarialExtraction", "label students trained " + advEpochs + " more epoch(s) on the target's labels for "
                + advImages + " noisy training images, loss = CE(clean) + CE(PGD L-inf eps " + PGD_EPSILON + ", step " + PGD_STEP
                + ", " + PGD_STEPS + " steps)");
        notes.put("otherData", "probability students (as above) whose queries are CutMix mixtures of two training images"
                + " (box 30-70 %, noise ±" + NOISE + ") or uniform noise: no task image at all");
        List<String> fractions = finePruningFractions().stream().map(f -> Math.round(f * 100) + " %").toList();
        notes.put("finePruning", "the last convolution's channels least active on the first " + fineTuneImages
                + " training images removed (" + String.join(", ", fractions) + "), then 1 epoch on " + fineTuneImages
                + " images, lr 1e-4; the sweep stops at the first model losing more than 3%");
        notes.put("transfer", "the target's layers under a new head for a coarser task of the same images, head only (3 epochs,"
                + " lr 1e-3) or all layers (1 epoch, lr 1e-4) on " + fineTuneImages + " images; " + transferNegatives
                + " negatives trained from scratch on that task (1 epoch, first " + negativeImages + " images)");
        notes.put("negatives", "architectures trained 1 epoch on the first " + negativeImages + " training images"
                + " (\"data\": \"subset\", the attacker's share, to fit a CPU)"
                + (fullSplitNegatives > 0 ? "; the last " + fullSplitNegatives + " of each architecture on the whole training"
                        + " split (\"data\": \"full\")" : "")
                + "; random forests on " + forestImages + " images, " + forestTrees + " trees");
        return notes;
    }

    /** Every model of the zoo, in build order; the target first when it is to be trained here. */
    public List<SuspectPlan> plan(Architecture targetArch, int numClasses, long seed, boolean trainTarget) {
        List<SuspectPlan> plans = new ArrayList<>();
        if (trainTarget) {
            plans.add(new SuspectPlan("target", SuspectGroup.TARGET, "TARGET", null, Map.of("arch", targetArch.cliName()), null,
                    Recipes.train(targetArch, new TrainingConfig(targetEpochs, 128, 1e-3f, seed + 1, 0))));
        }
        TrainingConfig lastLayer = new TrainingConfig(3, 128, 1e-3f, seed + 11, fineTuneImages);
        TrainingConfig allLayersSmallStep = new TrainingConfig(1, 128, 1e-4f, seed + 12, fineTuneImages);
        TrainingConfig allLayers = new TrainingConfig(1, 128, 1e-3f, seed + 13, fineTuneImages);
        addPostProcessing(plans, new FineTuning(FineTuning.Variant.FTLL), lastLayer, "ftll", null);
        addPostProcessing(plans, new FineTuning(FineTuning.Variant.FTAL), allLayersSmallStep, "ftal", null);
        addPostProcessing(plans, new FineTuning(FineTuning.Variant.RTLL), lastLayer, "rtll", null);
        addPostProcessing(plans, new FineTuning(FineTuning.Variant.RTAL), allLayers, "rtal", null);
        TrainingConfig retrain = new TrainingConfig(1, 128, 1e-4f, seed + 14, retrainImages);
        for (int tenth = sweepStep; tenth <= 9; tenth += sweepStep) {
            addPostProcessing(plans, new WeightPruning(tenth / 10.0), retrain, "wp-0." + tenth, "WP");
        }
        for (int sixteenth = sweepStep; sixteenth <= 15; sixteenth += sweepStep) {
            addPostProcessing(plans, new FilterPruning(sixteenth / 16.0), retrain, "fp-" + sixteenth + "-16", "FP");
        }
        if (targetArch != Architecture.RESNET20) {
            // the same function, other weights: no training (the config is only what the model file records)
            TrainingConfig none = new TrainingConfig(1, 128, 1e-3f, seed + 31, 0);
            addWithoutTraining(plans, new Reparametrization(Reparametrization.Variant.PERMUTE, seed + 31), none, "reparam-permute");
            if (targetArch == Architecture.VGG) {
                addWithoutTraining(plans, new Reparametrization(Reparametrization.Variant.FOLD_BN, 0), none, "reparam-bnfold");
            }
        }
        if (targetArch == Architecture.VGG || targetArch == Architecture.LENET5) {
            TrainingConfig finePrune = new TrainingConfig(1, 128, 1e-4f, seed + 15, fineTuneImages);
            for (double fraction : finePruningFractions()) {
                addPostProcessing(plans, new FinePruning(fraction, fineTuneImages), finePrune,
                        "fineprune-" + Math.round(fraction * 100), "FINE-PRUNE");
            }
        }
        TrainingConfig unchanged = new TrainingConfig(1, 128, 1e-3f, seed + 32, 0);
        addWithoutTraining(plans, new Quantization(Quantization.Precision.FP16), unchanged, "quant-fp16");
        addWithoutTraining(plans, new Quantization(Quantization.Precision.INT8), unchanged, "quant-int8");
        if (targetArch != Architecture.RESNET20) {
            // the same weights in another format, asked through ONNX Runtime
            Map<String, Object> format = new LinkedHashMap<>();
            format.put("format", "onnx");
            format.put("runtime", "onnxruntime");
            plans.add(new SuspectPlan("format-onnx", SuspectGroup.POSITIVE, OnnxCopy.KIND, "target", format, null,
                    Recipes.onnx(unchanged)));
        }
        // transfer learning: the target's body under a new head for a coarser task, with that task's own negatives
        TransferTask task = TransferTask.forClasses(numClasses);
        addTransfer(plans, new TransferLearning(task, false), new TrainingConfig(3, 128, 1e-3f, seed + 34, fineTuneImages));
        addTransfer(plans, new TransferLearning(task, true), new TrainingConfig(1, 128, 1e-4f, seed + 35, fineTuneImages));
        for (int i = 0; i < transferNegatives; i++) {
            addNegative(plans, targetArch, seed + 400 + i, false, task);
        }
        // the target served behind an evasive API (reached over HTTP by the bench): one suspect per defense
        TrainingConfig served = new TrainingConfig(1, 128, 1e-3f, seed + 33, 0);
        for (String defense : EVASIVE_DEFENSES) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("defense", Defense.parse(List.of(defense)).toString());
            plans.add(new SuspectPlan("evasive-" + defense.replace('=', '-').replace(',', '-'), SuspectGroup.POSITIVE, "EVASIVE",
                    "target", parameters, null, Recipes.evasive(Defense.parse(List.of(defense)), served)));
        }
        // students of the target's architecture and of smaller ones, each on its own seeds (the first keeps the plain name)
        Architecture smaller = Architecture.LENET5 == targetArch ? Architecture.VGG : Architecture.LENET5;
        for (int s = 0; s < distillSeeds; s++) {
            TrainingConfig distill = new TrainingConfig(distillEpochs, 128, 1e-3f, seed + 21 + 100L * s, 0);
            String suffix = s == 0 ? "" : "-s" + (s + 1);
            addDistillation(plans, Distillation.Access.PROBABILITIES, targetArch, distill, suffix);
            addDistillation(plans, Distillation.Access.PROBABILITIES, smaller, distill, suffix);
            addDistillation(plans, Distillation.Access.LABELS, targetArch, distill, suffix);
            addDistillation(plans, Distillation.Access.LABELS, smaller, distill, suffix);
            if (targetArch != Architecture.MLP) {
                addDistillation(plans, Distillation.Access.LABELS, Architecture.MLP, distill, suffix);
            }
            // adversarial and other-data students: of the smaller architecture, and of the target's in the full set
            // (PGD training costs ~12 passes per image)
            TrainingConfig adversarial = new TrainingConfig(advEpochs, 128, 1e-3f, seed + 22 + 100L * s, 0);
            if (fullStudentSet) {
                addAdversarial(plans, "distill-label-" + targetArch.cliName() + suffix, adversarial);
            }
            addAdversarial(plans, "distill-label-" + smaller.cliName() + suffix, adversarial);
            for (AttackerQueries queries : List.of(AttackerQueries.CUTMIX, AttackerQueries.UNIFORM)) {
                Distillation other = new Distillation(Distillation.Access.PROBABILITIES, queries, distillBudget, NOISE);
                if (fullStudentSet) {
                    addDistillation(plans, other, targetArch, distill, suffix);
                }
                addDistillation(plans, other, smaller, distill, suffix);
            }
        }
        for (int i = 0; i < sameArchNegatives; i++) {
            addNegative(plans, targetArch, seed + 100 + i, i, sameArchNegatives);
        }
        for (Architecture other : otherArchitectures(targetArch)) {
            for (int i = 0; i < otherArchNegatives; i++) {
                addNegative(plans, other, seed + 200 + i, i, otherArchNegatives);
            }
        }
        for (int i = 0; i < forests; i++) {
            long forestSeed = seed + 300 + i;
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("seed", forestSeed);
            parameters.put("trees", forestTrees);
            parameters.put("images", forestImages);
            plans.add(new SuspectPlan("neg-rf-s" + forestSeed, SuspectGroup.NEGATIVE, "RF", null, parameters, null,
                    Recipes.forest(forestTrees, forestImages, forestSeed)));
        }
        return plans;
    }

    private List<Architecture> otherArchitectures(Architecture targetArch) {
        List<Architecture> others = new ArrayList<>();
        for (Architecture candidate : new Architecture[] {Architecture.LENET5, cheapOtherArch}) {
            others.add(candidate == targetArch ? Architecture.VGG : candidate);
        }
        return others;
    }

    private void addPostProcessing(List<SuspectPlan> plans, io.modelprint.lab.attack.PostProcessing attack,
            TrainingConfig config, String name, String series) {
        Map<String, Object> parameters = new LinkedHashMap<>(attack.parameters());
        parameters.put("epochs", config.epochs());
        parameters.put("lr", config.learningRate());
        parameters.put("images", config.maxTrainImages());
        parameters.put("seed", config.seed());
        plans.add(new SuspectPlan(name, SuspectGroup.POSITIVE, attack.kind(), "target", parameters, series,
                Recipes.postProcess(attack, config)));
    }

    /** A copy made without training (reparametrization, quantization): only the attack's own parameters are recorded. */
    private void addWithoutTraining(List<SuspectPlan> plans, io.modelprint.lab.attack.PostProcessing attack, TrainingConfig config,
            String name) {
        plans.add(new SuspectPlan(name, SuspectGroup.POSITIVE, attack.kind(), "target", new LinkedHashMap<>(attack.parameters()), null,
                Recipes.postProcess(attack, config)));
    }

    private void addDistillation(List<SuspectPlan> plans, Distillation.Access access, Architecture student, TrainingConfig config,
            String suffix) {
        addDistillation(plans, new Distillation(access, distillBudget, NOISE), student, config, suffix);
    }

    private void addDistillation(List<SuspectPlan> plans, Distillation attack, Architecture student, TrainingConfig config,
            String suffix) {
        Map<String, Object> parameters = new LinkedHashMap<>(attack.parameters());
        parameters.put("student", student.cliName());
        parameters.put("epochs", config.epochs());
        parameters.put("seed", config.seed());
        Object queries = attack.parameters().get("queries");
        String name = attack.kind().toLowerCase(Locale.ROOT) + (queries == null ? "" : "-" + queries) + "-" + student.cliName() + suffix;
        plans.add(new SuspectPlan(name, SuspectGroup.EXTRACTION, attack.kind(), "target", parameters, null,
                Recipes.distill(attack, student, config)));
    }

    private void addTransfer(List<SuspectPlan> plans, TransferLearning attack, TrainingConfig config) {
        Map<String, Object> parameters = new LinkedHashMap<>(attack.parameters());
        parameters.put("epochs", config.epochs());
        parameters.put("lr", config.learningRate());
        parameters.put("images", config.maxTrainImages());
        parameters.put("seed", config.seed());
        plans.add(new SuspectPlan(attack.toString(), SuspectGroup.POSITIVE, attack.kind(), "target", parameters, null,
                Recipes.transfer(attack, config)));
    }

    /** Adversarial extraction of the zoo's label student {@code student} (built before it in the plan). */
    private void addAdversarial(List<SuspectPlan> plans, String student, TrainingConfig config) {
        AdversarialExtraction attack = new AdversarialExtraction(advImages, NOISE, PGD_EPSILON, PGD_STEP, PGD_STEPS);
        Map<String, Object> parameters = new LinkedHashMap<>(attack.parameters());
        parameters.put("epochs", config.epochs());
        parameters.put("seed", config.seed());
        plans.add(new SuspectPlan(attack.kind().toLowerCase(Locale.ROOT) + "-" + student.substring("distill-label-".length()),
                SuspectGroup.EXTRACTION, attack.kind(), student, parameters, null, Recipes.adversarial(attack, student, config)));
    }

    /** The {@code index}-th of {@code count} negatives of one architecture: the last {@code fullSplitNegatives} see every image. */
    private void addNegative(List<SuspectPlan> plans, Architecture arch, long negativeSeed, int index, int count) {
        addNegative(plans, arch, negativeSeed, index >= count - fullSplitNegatives, null);
    }

    /** A model trained from scratch for 1 epoch: on the target's task, or on {@code task} (the transfer family's negatives). */
    private void addNegative(List<SuspectPlan> plans, Architecture arch, long negativeSeed, boolean full, TransferTask task) {
        int images = full ? 0 : negativeImages;
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("arch", arch.cliName());
        if (task != null) {
            parameters.put("task", task.name());
        }
        parameters.put("seed", negativeSeed);
        parameters.put("epochs", 1);
        parameters.put("images", images);
        parameters.put("data", full ? "full" : "subset");
        TrainingConfig config = new TrainingConfig(1, 128, 1e-3f, negativeSeed, images);
        plans.add(new SuspectPlan((task == null ? "neg-" : "neg-task-") + arch.cliName() + "-s" + negativeSeed, SuspectGroup.NEGATIVE,
                arch.cliName().toUpperCase(Locale.ROOT), null, parameters, null,
                task == null ? Recipes.train(arch, config) : Recipes.trainOnTask(arch, task, config)));
    }

    /** The fine-pruning steps this preset takes (every {@code sweepStep}-th, ending at the largest). */
    private List<Double> finePruningFractions() {
        List<Double> fractions = new ArrayList<>();
        for (int step = sweepStep - 1; step < FINE_PRUNING_FRACTIONS.length; step += sweepStep) {
            fractions.add(FINE_PRUNING_FRACTIONS[step]);
        }
        return fractions;
    }
}
