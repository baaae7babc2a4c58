package io.modelprint.scheme.metav;

import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fleet.FleetMember;
import io.modelprint.fleet.FleetRole;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.fleet.LearnedVerifier;
import io.modelprint.fleet.VerifierFeatures;
import io.modelprint.metrics.Roc;
import io.modelprint.model.Classifier;
import io.modelprint.scheme.Labels;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.scheme.llr.FleetQueryChoice;
import io.modelprint.scheme.llr.LogLikelihoodRatio;
import io.modelprint.testing.InMemoryFleet;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.SyntheticData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The measurement behind metav's defaults and docs (not a test): on tiny linear worlds, metav's learned
 * verifier against fleet-llr's likelihood ratio on the same fleet-chosen queries and AKH on the same
 * budget, by AUC and TPR at zero false positives against held-out independent models. Run with
 * {@code mvn -o -q -pl modelprint-core exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.modelprint.scheme.metav.MetavComparison -Dexec.args="tune|report|minimum"}:
 * "tune" chooses l2 on worlds of other seeds than "report" and "minimum" measure on.
 */
public final class MetavComparison {
    static final int N = 100;
    static final double[] L2 = {0.001, 0.01, 0.05, 0.2, 1, 5};
    static final int SUSPECTS_PER_LEVEL = 12;
    static final int NEGATIVES = 24;
    static final int WORLDS = 5;

    /** A world: how its target, fleet members, held-out copies at a noise level and independent models are made. */
    record World(String kind, long offset, float[] levels, float[] mixes) {
        ImageDataset data() {
            return SyntheticData.bands(600, 10, 10, 10, 3 + offset);
        }

        LinearModel task() {
            return new LinearModel(data().spec(), 10, 100 + offset);
        }

        LinearModel target() {
            return kind.equals("random") ? new LinearModel(data().spec(), 10, 1 + offset) : perturbedTask(0.3f, 1 + offset);
        }

        private LinearModel perturbedTask(float noise, long seed) {
            try (LinearModel task = task()) {
                return LinearModel.perturbed(task, noise, seed);
            }
        }

        LinearModel copy(float noise, long seed) {
            try (LinearModel target = target()) {
                return LinearModel.perturbed(target, noise, seed + offset);
            }
        }

        LinearModel independent(long seed) {
            return kind.equals("random") ? new LinearModel(data().spec(), 10, seed + offset) : perturbedTask(0.3f, seed + offset);
        }

        /** (1 - share) x the target's weights + share x an independent model's: a copy partly retrained elsewhere. */
        LinearModel mix(float share, long seed) {
            try (LinearModel target = target(); LinearModel other = independent(seed)) {
                float[][] t = weights(target);
                float[][] o = weights(other);
                for (int k = 0; k < 2; k++) {
                    for (int i = 0; i < t[k].length; i++) {
                        t[k][i] = (1 - share) * t[k][i] + share * o[k][i];
                    }
                }
                return LinearModel.of(target.inputSpec(), 10, t[0], t[1]);
            }
        }

        float fleetNoise() {
            return kind.equals("random") ? 0.4f : 0.1f;
        }

        InMemoryFleet fleet(int surrogates, int references) {
            InMemoryFleet fleet = new InMemoryFleet(data().spec(), 10);
            for (int i = 0; i < surrogates; i++) {
                long seed = 10 + i;
                fleet.add("copy-" + seed, FleetRole.SURROGATE, "copy", () -> copy(fleetNoise(), seed));
            }
            for (int i = 0; i < references; i++) {
                long seed = 30 + i;
                fleet.add("independent-" + seed, FleetRole.REFERENCE, "seed", () -> independent(seed));
            }
            return fleet;
        }
    }

    static List<World> worlds(boolean tuning) {
        List<World> worlds = new ArrayList<>();
        for (int w = 0; w < WORLDS; w++) {
            long offset = (tuning ? 5000 : 0) + 1000L * w;
            worlds.add(new World("random", offset, new float[] {0.8f, 1.2f, 1.6f, 2.0f}, new float[] {0.5f, 0.7f}));
            worlds.add(new World("shared", offset, new float[] {0.1f, 0.2f, 0.3f, 0.4f}, new float[] {0.4f, 0.6f}));
        }
        return worlds;
    }

    /** Mean AUC and TPR at zero false positives, per method, over worlds and levels. */
    static final Map<String, double[]> TOTALS = new LinkedHashMap<>();

    static void record(String key, double auc, double tpr0) {
        double[] sums = TOTALS.computeIfAbsent(key, k -> new double[3]);
        sums[0] += auc;
        sums[1] += tpr0;
        sums[2] += 1;
    }

    /** Scores every method on one world, with the split {@code split} of its fleet. */
    static void measure(World world, FleetSplit split, double[] l2s, String tag) {
        ImageDataset data = world.data();
        Map<String, ToDoubleFunction<long[]>> methods = new LinkedHashMap<>();
        long[] queries;
        float[] values;
        try (LinearModel target = world.target()) {
            FleetQueryChoice.Chosen chosen = new FleetQueryChoice(600, 4f / 256, 2, 0.5, 0.5).choose("metav", target,
                    SeedSource.fromData(data), N, 7, split, ProgressListener.NONE);
            queries = chosen.targetLabels();
            values = chosen.queries().values();
            for (VerifierFeatures features : VerifierFeatures.values()) {
                for (double l2 : l2s) {
                    LearnedVerifier v = new VerifierTraining(l2, features).learn(queries, chosen.surrogates(), chosen.references(), 10);
                    VerifierLogOdds score = new VerifierLogOdds(chosen.selection().withVerifier(v));
                    methods.put(String.format(Locale.ROOT, "metav %s l2=%s", features.label(), l2), s -> score.similarity(queries, s));
                }
            }
            LogLikelihoodRatio llr = new LogLikelihoodRatio(chosen.selection());
            methods.put("fleet-llr", s -> llr.similarity(queries, s));
            Fingerprint akh = FingerprintExtractor.extract(target, "target", Schemes.create("akh", Map.of("n", N), "t"),
                    SeedSource.fromData(data), 7, ProgressListener.NONE).fingerprint();
            methods.put("akh", s -> matching(akh, s));
            akhValues = akh.queries().values();
            akhLabels = akh.labels();
        }
        Map<String, double[]> negatives = new LinkedHashMap<>();
        List<long[][]> negativeAnswers = new ArrayList<>();
        for (int i = 0; i < NEGATIVES; i++) {
            negativeAnswers.add(answers(world.independent(700 + i), values));
        }
        methods.forEach((name, f) -> negatives.put(name, negativeAnswers.stream().mapToDouble(a -> score(name, f, a)).toArray()));
        List<String> families = new ArrayList<>();
        for (float level : world.levels()) {
            families.add("noise " + level);
        }
        for (float mix : world.mixes()) {
            families.add("mix " + mix);
        }
        for (String family : families) {
            List<long[][]> positiveAnswers = new ArrayList<>();
            float amount = Float.parseFloat(family.substring(family.indexOf(' ') + 1));
            for (int i = 0; i < SUSPECTS_PER_LEVEL; i++) {
                LinearModel suspect = family.startsWith("noise") ? world.copy(amount, 400 + i) : world.mix(amount, 800 + i);
                positiveAnswers.add(answers(suspect, values));
            }
            methods.forEach((name, f) -> {
                double[] positives = positiveAnswers.stream().mapToDouble(a -> score(name, f, a)).toArray();
                record(tag + world.kind() + " " + family + " | " + name, Roc.auc(positives, negatives.get(name)),
                        Roc.tprAtFpr(positives, negatives.get(name), 0));
            });
        }
    }

    private static float[] akhValues;
    private static long[] akhLabels;

    /** A suspect's labels on the fleet-chosen queries (row 0) and on AKH's (row 1); the suspect is closed. */
    private static long[][] answers(LinearModel suspect, float[] values) {
        try (suspect) {
            return new long[][] {Labels.predict(suspect, values, N), Labels.predict(suspect, akhValues, N)};
        }
    }

    private static double score(String name, ToDoubleFunction<long[]> f, long[][] answers) {
        return f.applyAsDouble(name.equals("akh") ? answers[1] : answers[0]);
    }

    private static double matching(Fingerprint akh, long[] suspect) {
        int same = 0;
        for (int i = 0; i < suspect.length; i++) {
            same += akhLabels[i] == suspect[i] ? 1 : 0;
        }
        return same / (double) suspect.length;
    }

    /** A linear model's weights [pixels, classes] and biases, read from its logits on 0 and on every unit image. */
    static float[][] weights(LinearModel model) {
        int pixels = model.inputSpec().pixelsPerImage();
        float[] probes = new float[(pixels + 1) * pixels];
        for (int i = 0; i < pixels; i++) {
            probes[(i + 1) * pixels + i] = 1;
        }
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            float[] z = model.predictLogits(manager.create(probes, model.inputSpec().batchShape(pixels + 1))).toFloatArray();
            float[] b = java.util.Arrays.copyOf(z, 10);
            float[] w = new float[pixels * 10];
            for (int i = 0; i < pixels; i++) {
                for (int c = 0; c < 10; c++) {
                    w[i * 10 + c] = z[(i + 1) * 10 + c] - b[c];
                }
            }
            return new float[][] {w, b};
        }
    }

    static FleetSplit split(InMemoryFleet fleet, int surrogates, int selection) {
        List<FleetMember> refs = fleet.references();
        return new FleetSplit(fleet, fleet.surrogates().subList(0, surrogates), refs.subList(0, selection),
                refs.subList(selection, refs.size()));
    }

    public static void main(String[] args) {
        String mode = args.length == 0 ? "report" : args[0];
        double chosenL2 = args.length > 1 ? Double.parseDouble(args[1]) : 0.05;
        boolean tuningWorlds = mode.equals("tune") || args.length > 2 && args[2].equals("tuning-worlds");
        for (World world : worlds(tuningWorlds)) {
            if (mode.equals("tune")) {
                measure(world, split(world.fleet(6, 12), 3, 3), L2, "m=3 ");
            }
            if (mode.equals("minimum")) {
                for (int m : new int[] {1, 2, 3, 4, 6}) {
                    measure(world, split(world.fleet(6, 12), m, m), new double[] {chosenL2}, "m=" + m + " ");
                    measure(world, split(world.fleet(6, 12), 6, m), new double[] {chosenL2}, "m=6/" + m + " ");
                }
            } else {
                measure(world, FleetSplit.crossFit(world.fleet(6, 12), 5), mode.equals("tune") ? L2 : new double[] {chosenL2}, "");
            }
        }
        System.out.println("| world, level | method | mean AUC | mean TPR at 0 FP | worlds |");
        System.out.println("|---|---|---|---|---|");
        TOTALS.forEach((key, s) -> System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %d |%n", key, s[0] / s[2], s[1] / s[2],
                (int) s[2]));
        Map<String, double[]> overall = new LinkedHashMap<>();
        TOTALS.forEach((key, s) -> {
            String prefix = key.startsWith("m=") ? key.substring(0, key.indexOf(' ') + 1) : "";
            String worldKind = key.substring(prefix.length()).split(" ")[0];
            double[] sums = overall.computeIfAbsent(prefix + worldKind + " all | " + key.substring(key.indexOf("| ") + 2),
                    k -> new double[3]);
            sums[0] += s[0];
            sums[1] += s[1];
            sums[2] += s[2];
        });
        System.out.println();
        overall.forEach((key, s) -> System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %d |%n", key, s[0] / s[2], s[1] / s[2],
                (int) s[2]));
    }
}
