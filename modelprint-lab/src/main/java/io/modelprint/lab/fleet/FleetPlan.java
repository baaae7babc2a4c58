package io.modelprint.lab.fleet;

import static io.modelprint.lab.zoo.TrainingSchedule.ALL_LAYERS;
import static io.modelprint.lab.zoo.TrainingSchedule.ALL_LAYERS_SMALL_STEP;

import io.modelprint.engine.ModelProvenance;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.lab.attack.AdversarialExtraction;
import io.modelprint.lab.attack.AttackerQueries;
import io.modelprint.lab.attack.Distillation;
import io.modelprint.lab.attack.FineTuning;
import io.modelprint.lab.zoo.Recipe;
import io.modelprint.lab.zoo.Recipes;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.SuspectPlan;
import io.modelprint.lab.zoo.ZooPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every member of a fleet, in build order: references first, then surrogates (a label student
 * before the adversarial students made from it). Seeds start at {@code seed + 7000}, away from the
 * zoo's ({@code seed + 1} to {@code seed + 500}), so that no fleet member is a bench suspect
 * trained again under another name.
 */
final class FleetPlan {
    /** The fleet's seeds are {@code seed + SEED_OFFSET + ...}. */
    static final long SEED_OFFSET = 7000;
    /** The adversarial students' PGD radii (L-infinity, inputs in [0,1]): SACBench's 4/256 and the zoo's 0.1; step radius / 5. */
    static final float[] PGD_EPSILONS = {4f / 256, ZooPlan.PGD_EPSILON};
    /** How far below the target's test accuracy an other-arch reference may stop: half a point. */
    static final double ACCURACY_SLACK = 0.005;
    /** How the members' names write those radii. */
    private static final String[] PGD_EPSILON_NAMES = {"4-256", "0.1"};

    private final FleetPreset preset;
    private final Architecture targetArch;
    private final Architecture smaller;
    private final long base;
    private final List<SuspectPlan> plans = new ArrayList<>();

    private FleetPlan(FleetPreset preset, Architecture targetArch, long seed) {
        this.preset = preset;
        this.targetArch = targetArch;
        this.smaller = targetArch == Architecture.LENET5 ? Architecture.VGG : Architecture.LENET5;
        this.base = seed + SEED_OFFSET;
    }

    static List<SuspectPlan> of(FleetPreset preset, Architecture targetArch, long seed, ModelProvenance target) {
        FleetPlan fleet = new FleetPlan(preset, targetArch, seed);
        fleet.addReferences(target);
        for (int s = 0; s < preset.studentSeeds(); s++) {
            fleet.addSurrogates(s);
        }
        return List.copyOf(fleet.plans);
    }

    /** The two architectures of the other-arch references: the first two of LeNet-5, MLP, VGG that are not the target's. */
    static List<Architecture> otherArchitectures(Architecture targetArch) {
        return List.of(Architecture.LENET5, Architecture.MLP, Architecture.VGG).stream().filter(a -> a != targetArch).limit(2).toList();
    }

    private void addReferences(ModelProvenance target) {
        int epochs = target.epochs() > 0 ? target.epochs() : ALL_LAYERS.epochs();
        int batch = target.batchSize() > 0 ? target.batchSize() : ALL_LAYERS.config(0, 0).batchSize();
        float lr = target.learningRate() > 0 ? (float) target.learningRate() : ALL_LAYERS.learningRate();
        for (int i = 0; i < preset.sameRecipe(); i++) {
            addReference(FleetKind.SAME_RECIPE, targetArch, new TrainingConfig(epochs, batch, lr, base + 1 + i, 0), 0);
        }
        List<Architecture> others = otherArchitectures(targetArch);
        double goal = accuracyGoal(target);
        for (int i = 0; i < preset.otherArchEach() * others.size(); i++) {
            Architecture arch = others.get(i % others.size());
            TrainingConfig cap = ALL_LAYERS.withEpochs(preset.otherArchMaxEpochs()).config(base + 100 + i, 0);
            Map<String, Object> parameters = referenceParameters(FleetKind.OTHER_ARCH, arch, cap, 0);
            parameters.remove("epochs");
            parameters.put("maxEpochs", cap.epochs());
            if (Double.isFinite(goal)) {
                parameters.put("untilAccuracy", goal);
            }
            addReference(FleetKind.OTHER_ARCH, arch, cap.seed(), parameters, FleetRecipes.trainToAccuracy(arch, goal, cap));
        }
        for (int i = 0; i < preset.subsets(); i++) {
            Architecture arch = i % 2 == 0 ? targetArch : smaller;
            addReference(FleetKind.SUBSET, arch, ALL_LAYERS.config(base + 200 + i, 0), preset.subsetImages());
        }
    }

    /**
     * The test accuracy other-arch references train to: the target's, less {@link #ACCURACY_SLACK}, cut to
     * 4 decimals (a test split's accuracy has as many per 10,000 images, and the manifest records it);
     * for a target whose provenance records none, a goal no model reaches: they train to the cap.
     */
    static double accuracyGoal(ModelProvenance target) {
        double accuracy = target.testAccuracy();
        return accuracy > 0 ? Math.floor((accuracy - ACCURACY_SLACK) * 1e4 + 1e-6) / 1e4 : Double.POSITIVE_INFINITY;
    }

    /** A reference trained from scratch: on the whole training split, or on {@code images} drawn at random. */
    private void addReference(String fleetKind, Architecture arch, TrainingConfig config, int images) {
        addReference(fleetKind, arch, config.seed(), referenceParameters(fleetKind, arch, config, images),
                images == 0 ? Recipes.train(arch, config) : FleetRecipes.trainOnSubset(arch, images, config));
    }

    private void addReference(String fleetKind, Architecture arch, long seed, Map<String, Object> parameters, Recipe recipe) {
        plans.add(new SuspectPlan(fleetKind + "-" + arch.cliName() + "-s" + seed, SuspectGroup.REFERENCE,
                arch.cliName().toUpperCase(Locale.ROOT), null, parameters, null, recipe));
    }

    private static Map<String, Object> referenceParameters(String fleetKind, Architecture arch, TrainingConfig config, int images) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(FleetDirectory.KIND, fleetKind);
        parameters.put("arch", arch.cliName());
        parameters.put("seed", config.seed());
        parameters.put("epochs", config.epochs());
        parameters.put("batchSize", config.batchSize());
        parameters.put("lr", config.learningRate());
        parameters.put("images", images);
        parameters.put("data", images == 0 ? "full" : "random-subset");
        return parameters;
    }

    private void addSurrogates(int s) {
        long seed = base + 300 + 10L * s;
        TrainingConfig distill = ALL_LAYERS.withEpochs(preset.studentEpochs()).config(seed + 1, 0);
        float noise = ZooPlan.NOISE;
        addStudent(FleetKind.LABEL_STUDENT, new Distillation(Distillation.Access.LABELS, preset.studentBudget(), noise), targetArch,
                distill);
        String labelStudent = addStudent(FleetKind.LABEL_STUDENT,
                new Distillation(Distillation.Access.LABELS, preset.studentBudget(), noise), smaller, distill);
        addStudent(FleetKind.PROB_STUDENT, new Distillation(Distillation.Access.PROBABILITIES, preset.studentBudget(), noise), smaller,
                distill);
        TrainingConfig adversarial = ALL_LAYERS.config(seed + 2, 0);
        for (int e = 0; e < PGD_EPSILONS.length; e++) {
            float epsilon = PGD_EPSILONS[e];
            addAdversarial(new AdversarialExtraction(preset.advImages(), noise, epsilon, epsilon / 5, ZooPlan.PGD_STEPS),
                    PGD_EPSILON_NAMES[e], labelStudent, adversarial);
        }
        addStudent(FleetKind.OTHER_DATA_STUDENT, new Distillation(Distillation.Access.PROBABILITIES, AttackerQueries.CUTMIX,
                preset.studentBudget(), noise), smaller, distill);
        // the first seed's copy is fine-tuned gently (FTAL), the next one's retrained from a new head (RTAL)
        boolean gentle = s % 2 == 0;
        FineTuning fineTuning = new FineTuning(gentle ? FineTuning.Variant.FTAL : FineTuning.Variant.RTAL);
        TrainingConfig tuning = (gentle ? ALL_LAYERS_SMALL_STEP : ALL_LAYERS).config(seed + 3, preset.fineTuneImages());
        Map<String, Object> parameters = new LinkedHashMap<>(fineTuning.parameters());
        parameters.put(FleetDirectory.KIND, FleetKind.FINE_TUNED);
        parameters.put("epochs", tuning.epochs());
        parameters.put("lr", tuning.learningRate());
        parameters.put("images", tuning.maxTrainImages());
        parameters.put("seed", tuning.seed());
        plans.add(new SuspectPlan(FleetKind.FINE_TUNED + "-" + fineTuning.kind().toLowerCase(Locale.ROOT) + "-s" + tuning.seed(),
                SuspectGroup.SURROGATE, fineTuning.kind(), "target", parameters, null, Recipes.postProcess(fineTuning, tuning)));
    }

    /** A student of the target; returns its name. */
    private String addStudent(String fleetKind, Distillation attack, Architecture student, TrainingConfig config) {
        Map<String, Object> parameters = new LinkedHashMap<>(attack.parameters());
        parameters.put(FleetDirectory.KIND, fleetKind);
        parameters.put("student", student.cliName());
        parameters.put("epochs", config.epochs());
        parameters.put("seed", config.seed());
        String name = fleetKind + "-" + student.cliName() + "-s" + config.seed();
        plans.add(new SuspectPlan(name, SuspectGroup.SURROGATE, attack.kind(), "target", parameters, null,
                Recipes.distill(attack, student, config)));
        return name;
    }

    /** Adversarial extraction of the fleet's label student {@code student} (built before it). */
    private void addAdversarial(AdversarialExtraction attack, String radius, String student, TrainingConfig config) {
        Map<String, Object> parameters = new LinkedHashMap<>(attack.parameters());
        parameters.put(FleetDirectory.KIND, FleetKind.ADVERSARIAL_STUDENT);
        parameters.put("epochs", config.epochs());
        parameters.put("seed", config.seed());
        plans.add(new SuspectPlan(FleetKind.ADVERSARIAL_STUDENT + "-eps" + radius + "-" + smaller.cliName() + "-s" + config.seed(),
                SuspectGroup.SURROGATE, attack.kind(), student, parameters, null, Recipes.adversarial(attack, student, config)));
    }

    /** The manifest's notes: how each kind is made, written from the preset's values. */
    static Map<String, Object> notes(FleetPreset p, Architecture targetArch) {
        Architecture smaller = new FleetPlan(p, targetArch, 0).smaller;
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("seeds", "seed + " + SEED_OFFSET + " and up, disjoint from the zoo's (seed + 1 to seed + 500)");
        notes.put(FleetKind.SAME_RECIPE, p.sameRecipe() + " x the target's architecture, epochs, batch size and learning rate (as its"
                + " provenance records them) on the whole training split, other seeds");
        notes.put(FleetKind.OTHER_ARCH, p.otherArchEach() + " x each of " + otherArchitectures(targetArch).stream()
                .map(Architecture::cliName).toList() + " on the whole training split, lr " + ALL_LAYERS.rateText() + ", until the test"
                + " accuracy is within " + ACCURACY_SLACK + " of the target's (its provenance's; without one, to the cap), at most "
                + p.otherArchMaxEpochs() + " epochs");
        notes.put(FleetKind.SUBSET, p.subsets() + " x " + targetArch.cliName() + " / " + smaller.cliName() + " (alternating), "
                + ALL_LAYERS.epochsText() + " on " + p.subsetImages() + " training images drawn at random per model");
        String students = p.studentSeeds() + " seed(s); students trained " + p.studentEpochs() + " epoch(s) on the target's answers to "
                + p.studentBudget() + " training images with uniform noise ±" + ZooPlan.NOISE;
        notes.put(FleetKind.LABEL_STUDENT, targetArch.cliName() + " and " + smaller.cliName() + " on the top-1 labels; " + students);
        notes.put(FleetKind.PROB_STUDENT, smaller.cliName() + " by knowledge distillation (T " + Distillation.TEMPERATURE + ")");
        notes.put(FleetKind.ADVERSARIAL_STUDENT, "the " + smaller.cliName() + " label student trained " + ALL_LAYERS.epochsText()
                + " more on the target's labels for " + p.advImages() + " noisy images, loss CE(clean) + CE(PGD L-inf eps 4/256 or "
                + ZooPlan.PGD_EPSILON + ", step eps/5, " + ZooPlan.PGD_STEPS + " steps)");
        notes.put(FleetKind.OTHER_DATA_STUDENT, smaller.cliName() + " probability student on CutMix mixtures of two training images");
        notes.put(FleetKind.FINE_TUNED, "the target fine-tuned on the first " + p.fineTuneImages() + " training images: FTAL ("
                + ALL_LAYERS_SMALL_STEP.epochsText() + ", lr " + ALL_LAYERS_SMALL_STEP.rateText() + ") for the first seed, RTAL (lr "
                + ALL_LAYERS.rateText() + ") for the next");
        return notes;
    }
}
