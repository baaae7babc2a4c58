package io.modelprint.lab.zoo;

import static io.modelprint.lab.zoo.TrainingSchedule.ALL_LAYERS;
import static io.modelprint.lab.zoo.TrainingSchedule.ALL_LAYERS_SMALL_STEP;
import static io.modelprint.lab.zoo.TrainingSchedule.LAST_LAYER;

import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.lab.attack.FilterPruning;
import io.modelprint.lab.attack.FinePruning;
import io.modelprint.lab.attack.FineTuning;
import io.modelprint.lab.attack.PostProcessing;
import io.modelprint.lab.attack.Quantization;
import io.modelprint.lab.attack.Reparametrization;
import io.modelprint.lab.attack.TransferLearning;
import io.modelprint.lab.attack.TransferTask;
import io.modelprint.lab.attack.WeightPruning;
import io.modelprint.lab.evasive.Defense;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every model of a preset's zoo for one target architecture and seed, in build order. */
public final class ZooPlan {
    public static final float NOISE = 0.1f;
    /** Adversarial extraction's PGD (L-infinity, inputs in [0,1]): epsilon, step, steps. */
    public static final float PGD_EPSILON = 0.1f;
    public static final float PGD_STEP = 0.02f;
    public static final int PGD_STEPS = 10;
    /** The smaller PGD radius, SACBench's adversarial student's: 4/256, in steps of one grey level (1/256). */
    public static final float PGD_SMALL_EPSILON = 4f / 256;
    public static final float PGD_SMALL_STEP = 1f / 256;
    /** Fine-pruning removes up to this fraction of the last convolution's channels, in steps of a fifth. */
    static final double[] FINE_PRUNING_FRACTIONS = {0.2, 0.4, 0.6, 0.8};
    /** The evasive APIs the zoo serves its target behind (docs/remote.md). */
    static final List<String> EVASIVE_DEFENSES = List.of("noise=0.05", "smoothing=8,noise=0.1", "round=1", "top1", "flip=0.1");

    private final Preset preset;
    private final Architecture targetArch;
    private final long seed;
    private final List<SuspectPlan> plans = new ArrayList<>();

    private ZooPlan(Preset preset, Architecture targetArch, long seed) {
        this.preset = preset;
        this.targetArch = targetArch;
        this.seed = seed;
    }

    /** The target first when it is to be trained here, then every suspect. */
    static List<SuspectPlan> of(Preset preset, Architecture targetArch, TransferTask task, long seed, boolean trainTarget) {
        ZooPlan zoo = new ZooPlan(preset, targetArch, seed);
        if (trainTarget) {
            zoo.plans.add(new SuspectPlan("target", SuspectGroup.TARGET, "TARGET", null, Map.of("arch", targetArch.cliName()), null,
                    Recipes.train(targetArch, targetConfig(preset, seed + 1))));
        }
        zoo.addPostProcessed();
        zoo.addTransfer(task);
        zoo.addEvasive();
        new StudentPlans(preset, targetArch, seed, zoo.plans).add();
        new NegativePlans(preset, targetArch, seed, zoo.plans).add();
        return List.copyOf(zoo.plans);
    }

    /** How the target is trained here (the same-recipe negatives too, on their own seeds): all of the training split. */
    static TrainingConfig targetConfig(Preset preset, long seed) {
        return ALL_LAYERS.withEpochs(preset.targetEpochs()).config(seed, 0);
    }

    /** The WP sweep's steps in tenths: every {@code sweepStep}-th of 1..9. */
    static List<Integer> weightPruningTenths(Preset preset) {
        return steps(preset.sweepStep(), 9);
    }

    /** The FP sweep's steps in sixteenths: every {@code sweepStep}-th of 1..15. */
    static List<Integer> filterPruningSixteenths(Preset preset) {
        return steps(preset.sweepStep(), 15);
    }

    /** The fine-pruning steps this preset takes (every {@code sweepStep}-th, ending at the largest). */
    static List<Double> finePruningFractions(Preset preset) {
        List<Double> fractions = new ArrayList<>();
        for (int step = preset.sweepStep() - 1; step < FINE_PRUNING_FRACTIONS.length; step += preset.sweepStep()) {
            fractions.add(FINE_PRUNING_FRACTIONS[step]);
        }
        return fractions;
    }

    private static List<Integer> steps(int every, int last) {
        List<Integer> steps = new ArrayList<>();
        for (int step = every; step <= last; step += every) {
            steps.add(step);
        }
        return steps;
    }

    private void addPostProcessed() {
        int images = preset.fineTuneImages();
        TrainingConfig lastLayer = LAST_LAYER.config(seed + 11, images);
        addPostProcessing(new FineTuning(FineTuning.Variant.FTLL), lastLayer, "ftll", null);
        addPostProcessing(new FineTuning(FineTuning.Variant.FTAL), ALL_LAYERS_SMALL_STEP.config(seed + 12, images), "ftal", null);
        addPostProcessing(new FineTuning(FineTuning.Variant.RTLL), lastLayer, "rtll", null);
        addPostProcessing(new FineTuning(FineTuning.Variant.RTAL), ALL_LAYERS.config(seed + 13, images), "rtal", null);
        TrainingConfig retrain = ALL_LAYERS_SMALL_STEP.config(seed + 14, preset.retrainImages());
        for (int tenth : weightPruningTenths(preset)) {
            addPostProcessing(new WeightPruning(tenth / 10.0), retrain, "wp-0." + tenth, "WP");
        }
        for (int sixteenth : filterPruningSixteenths(preset)) {
            addPostProcessing(new FilterPruning(sixteenth / 16.0), retrain, "fp-" + sixteenth + "-16", "FP");
        }
        if (targetArch != Architecture.RESNET20) {
            // the same function, other weights: no training (the config is only what the model file records)
            TrainingConfig none = ALL_LAYERS.config(seed + 31, 0);
            addWithoutTraining(new Reparametrization(Reparametrization.Variant.PERMUTE, seed + 31), none, "reparam-permute");
            if (targetArch == Architecture.VGG) {
                addWithoutTraining(new Reparametrization(Reparametrization.Variant.FOLD_BN, 0), none, "reparam-bnfold");
            }
        }
        if (targetArch == Architecture.VGG || targetArch == Architecture.LENET5) {
            TrainingConfig finePrune = ALL_LAYERS_SMALL_STEP.config(seed + 15, images);
            for (double fraction : finePruningFractions(preset)) {
                addPostProcessing(new FinePruning(fraction, images), finePrune, "fineprune-" + Math.round(fraction * 100), "FINE-PRUNE");
            }
        }
        TrainingConfig unchanged = ALL_LAYERS.config(seed + 32, 0);
        addWithoutTraining(new Quantization(Quantization.Precision.FP16), unchanged, "quant-fp16");
        addWithoutTraining(new Quantization(Quantization.Precision.INT8), unchanged, "quant-int8");
        if (targetArch != Architecture.RESNET20) {
            // the same weights in another format, asked through ONNX Runtime
            Map<String, Object> format = new LinkedHashMap<>();
            format.put("format", "onnx");
            format.put("runtime", "onnxruntime");
            plans.add(new SuspectPlan("format-onnx", SuspectGroup.POSITIVE, OnnxCopy.KIND, "target", format, null,
                    Recipes.onnx(unchanged)));
        }
    }

    /** Transfer learning: the target's body under a new head for a coarser task, with that task's own negatives. */
    private void addTransfer(TransferTask task) {
        addTransfer(new TransferLearning(task, false), LAST_LAYER.config(seed + 34, preset.fineTuneImages()));
        addTransfer(new TransferLearning(task, true), ALL_LAYERS_SMALL_STEP.config(seed + 35, preset.fineTuneImages()));
        NegativePlans negatives = new NegativePlans(preset, targetArch, seed, plans);
        for (int i = 0; i < preset.transferNegatives(); i++) {
            negatives.addTaskNegative(targetArch, seed + 400 + i, task);
        }
    }

    /** The target served behind an evasive API (reached over HTTP by the bench): one suspect per defense. */
    private void addEvasive() {
        TrainingConfig served = ALL_LAYERS.config(seed + 33, 0);
        for (String defense : EVASIVE_DEFENSES) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("defense", Defense.parse(List.of(defense)).toString());
            plans.add(new SuspectPlan("evasive-" + defense.replace('=', '-').replace(',', '-'), SuspectGroup.POSITIVE, "EVASIVE",
                    "target", parameters, null, Recipes.evasive(Defense.parse(List.of(defense)), served)));
        }
    }

    private void addPostProcessing(PostProcessing attack, TrainingConfig config, String name, String series) {
        Map<String, Object> parameters = new LinkedHashMap<>(attack.parameters());
        parameters.put("epochs", config.epochs());
        parameters.put("lr", config.learningRate());
        parameters.put("images", config.maxTrainImages());
        parameters.put("seed", config.seed());
        plans.add(new SuspectPlan(name, SuspectGroup.POSITIVE, attack.kind(), "target", parameters, series,
                Recipes.postProcess(attack, config)));
    }

    /** A copy made without training (reparametrization, quantization): only the attack's own parameters are recorded. */
    private void addWithoutTraining(PostProcessing attack, TrainingConfig config, String name) {
        plans.add(new SuspectPlan(name, SuspectGroup.POSITIVE, attack.kind(), "target", new LinkedHashMap<>(attack.parameters()), null,
                Recipes.postProcess(attack, config)));
    }

    private void addTransfer(TransferLearning attack, TrainingConfig config) {
        Map<String, Object> parameters = new LinkedHashMap<>(attack.parameters());
        parameters.put("epochs", config.epochs());
        parameters.put("lr", config.learningRate());
        parameters.put("images", config.maxTrainImages());
        parameters.put("seed", config.seed());
        plans.add(new SuspectPlan(attack.toString(), SuspectGroup.POSITIVE, attack.kind(), "target", parameters, null,
                Recipes.transfer(attack, config)));
    }
}
