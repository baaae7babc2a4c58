package io.modelprint.lab.zoo;

import static io.modelprint.lab.zoo.TrainingSchedule.ALL_LAYERS;

import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.lab.attack.AdversarialExtraction;
import io.modelprint.lab.attack.AttackerQueries;
import io.modelprint.lab.attack.Distillation;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The extraction students of a zoo plan: per seed, probability and label students of the target's
 * architecture and smaller ones, adversarial students at both PGD radii and students of other data;
 * then the preset's extra label students, each with its adversarial children. Every student is
 * built after its parent; names of students that earlier zoos hold do not change.
 */
final class StudentPlans {
    private static final String LABEL_PREFIX = "distill-label-";

    private final Preset preset;
    private final Architecture targetArch;
    private final long seed;
    private final List<SuspectPlan> plans;

    StudentPlans(Preset preset, Architecture targetArch, long seed, List<SuspectPlan> plans) {
        this.preset = preset;
        this.targetArch = targetArch;
        this.seed = seed;
        this.plans = plans;
    }

    /** Students of the target's architecture and of smaller ones, each on its own seeds (the first keeps the plain name). */
    void add() {
        Architecture smaller = Architecture.LENET5 == targetArch ? Architecture.VGG : Architecture.LENET5;
        for (int s = 0; s < preset.distillSeeds(); s++) {
            TrainingConfig distill = ALL_LAYERS.withEpochs(preset.distillEpochs()).config(seed + 21 + 100L * s, 0);
            String suffix = s == 0 ? "" : "-s" + (s + 1);
            addDistillation(Distillation.Access.PROBABILITIES, targetArch, distill, suffix);
            addDistillation(Distillation.Access.PROBABILITIES, smaller, distill, suffix);
            addDistillation(Distillation.Access.LABELS, targetArch, distill, suffix);
            addDistillation(Distillation.Access.LABELS, smaller, distill, suffix);
            if (targetArch != Architecture.MLP) {
                addDistillation(Distillation.Access.LABELS, Architecture.MLP, distill, suffix);
            }
            // adversarial and other-data students: of the smaller architecture and the MLP, and of the target's in the
            // full set (PGD training costs ~12 passes per image)
            Set<Architecture> parents = new LinkedHashSet<>();
            if (preset.fullStudentSet()) {
                parents.add(targetArch);
            }
            parents.add(smaller);
            TrainingConfig adversarial = ALL_LAYERS.withEpochs(preset.advEpochs()).config(seed + 22 + 100L * s, 0);
            parents.forEach(parent -> addAdversarial(LABEL_PREFIX + parent.cliName() + suffix, ZooPlan.PGD_EPSILON, adversarial));
            for (AttackerQueries queries : List.of(AttackerQueries.CUTMIX, AttackerQueries.UNIFORM)) {
                Distillation other = new Distillation(Distillation.Access.PROBABILITIES, queries, preset.distillBudget(), ZooPlan.NOISE);
                parents.forEach(student -> addDistillation(other, student, distill, suffix));
            }
            addLaterStudents(parents, suffix, s);
        }
        for (int i = 0; i < preset.extraLabelStudents(); i++) {
            addExtraLabelStudent(i);
        }
    }

    /**
     * The students added when families grew to five (issue 21): adversarial children of the MLP label
     * student at PGD ε 0.1 and of every parent at ε 4/256, and students of CutMix queries of other
     * architectures and of label access.
     */
    private void addLaterStudents(Set<Architecture> parents, String suffix, int s) {
        TrainingConfig adversarial = ALL_LAYERS.withEpochs(preset.advEpochs()).config(seed + 22 + 100L * s, 0);
        Set<Architecture> withMlp = new LinkedHashSet<>(parents);
        withMlp.add(Architecture.MLP);
        if (!parents.contains(Architecture.MLP)) {
            addAdversarial(LABEL_PREFIX + Architecture.MLP.cliName() + suffix, ZooPlan.PGD_EPSILON, adversarial);
        }
        TrainingConfig small = ALL_LAYERS.withEpochs(preset.advEpochs()).config(seed + 25 + 100L * s, 0);
        withMlp.forEach(parent -> addAdversarial(LABEL_PREFIX + parent.cliName() + suffix, ZooPlan.PGD_SMALL_EPSILON, small));
        TrainingConfig other = ALL_LAYERS.withEpochs(preset.distillEpochs()).config(seed + 24 + 100L * s, 0);
        if (!parents.contains(Architecture.MLP)) {
            addDistillation(new Distillation(Distillation.Access.PROBABILITIES, AttackerQueries.CUTMIX, preset.distillBudget(),
                    ZooPlan.NOISE), Architecture.MLP, other, suffix);
        }
        Distillation labels = new Distillation(Distillation.Access.LABELS, AttackerQueries.CUTMIX, preset.distillBudget(), ZooPlan.NOISE);
        Set<Architecture> labelStudents = new LinkedHashSet<>();
        if (preset.fullStudentSet()) {
            labelStudents.add(targetArch);
        }
        labelStudents.add(Architecture.LENET5);
        labelStudents.add(Architecture.MLP);
        labelStudents.forEach(student -> addDistillation(labels, student, other, suffix));
    }

    /**
     * The {@code index}-th extra label student: LeNet-5 and MLP in turn, on half the query budget for
     * two students then on all of it for two, on seed {@code seed + 500 + 10·index}; then its
     * adversarial children at ε 0.1 and 4/256.
     */
    private void addExtraLabelStudent(int index) {
        Architecture student = index % 2 == 0 ? Architecture.LENET5 : Architecture.MLP;
        int budget = (index / 2) % 2 == 0 ? preset.distillBudget() / 2 : preset.distillBudget();
        long studentSeed = seed + 500 + 10L * index;
        TrainingConfig config = ALL_LAYERS.withEpochs(preset.distillEpochs()).config(studentSeed, 0);
        String name = addDistillation(new Distillation(Distillation.Access.LABELS, budget, ZooPlan.NOISE), student, config,
                "-q" + budget + "-s" + studentSeed);
        addAdversarial(name, ZooPlan.PGD_EPSILON, ALL_LAYERS.withEpochs(preset.advEpochs()).config(studentSeed + 1, 0));
        addAdversarial(name, ZooPlan.PGD_SMALL_EPSILON, ALL_LAYERS.withEpochs(preset.advEpochs()).config(studentSeed + 2, 0));
    }

    private void addDistillation(Distillation.Access access, Architecture student, TrainingConfig config, String suffix) {
        addDistillation(new Distillation(access, preset.distillBudget(), ZooPlan.NOISE), student, config, suffix);
    }

    /** Adds the student and returns its name. */
    private String addDistillation(Distillation attack, Architecture student, TrainingConfig config, String suffix) {
        Map<String, Object> parameters = new LinkedHashMap<>(attack.parameters());
        parameters.put("student", student.cliName());
        parameters.put("epochs", config.epochs());
        parameters.put("seed", config.seed());
        Object queries = attack.parameters().get("queries");
        String access = queries != null && "labels".equals(attack.parameters().get("access")) ? "-labels" : "";
        String name = attack.kind().toLowerCase(Locale.ROOT) + (queries == null ? "" : "-" + queries + access) + "-" + student.cliName()
                + suffix;
        plans.add(new SuspectPlan(name, SuspectGroup.EXTRACTION, attack.kind(), "target", parameters, null,
                Recipes.distill(attack, student, config)));
        return name;
    }

    /**
     * Adversarial extraction of the zoo's label student {@code student} (built before it in the plan)
     * at PGD radius {@code epsilon}: "distill-adv-STUDENT" at ε 0.1 (the zoo's first adversarial
     * students), "distill-adv-4of256-STUDENT" at ε 4/256.
     */
    private void addAdversarial(String student, float epsilon, TrainingConfig config) {
        boolean small = epsilon == ZooPlan.PGD_SMALL_EPSILON;
        AdversarialExtraction attack = new AdversarialExtraction(preset.advImages(), ZooPlan.NOISE, epsilon,
                small ? ZooPlan.PGD_SMALL_STEP : ZooPlan.PGD_STEP, ZooPlan.PGD_STEPS);
        Map<String, Object> parameters = new LinkedHashMap<>(attack.parameters());
        parameters.put("epochs", config.epochs());
        parameters.put("seed", config.seed());
        String name = attack.kind().toLowerCase(Locale.ROOT) + (small ? "-4of256-" : "-") + student.substring(LABEL_PREFIX.length());
        plans.add(new SuspectPlan(name, SuspectGroup.EXTRACTION, attack.kind(), student, parameters, null,
                Recipes.adversarial(attack, student, config)));
    }
}
