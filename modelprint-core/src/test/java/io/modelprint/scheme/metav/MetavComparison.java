package io.modelprint.scheme.metav;

import io.modelprint.ProgressListener;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fleet.FleetMember;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.gradient.GradientCheck;
import io.modelprint.metrics.Roc;
import io.modelprint.fleet.VerifierFeatures;
import io.modelprint.scheme.Labels;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.scheme.llr.FleetQueryChoice;
import io.modelprint.scheme.llr.LogLikelihoodRatio;
import io.modelprint.testing.InMemoryFleet;
import io.modelprint.testing.LinearModel;
import io.modelprint.verify.Calibrator;
import io.modelprint.verify.Decision;
import io.modelprint.verify.FleetReferences;
import io.modelprint.verify.Verdict;
import io.modelprint.verify.Verifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The measurement behind metav's defaults and docs/schemes.md (a program, not a test). On tiny linear
 * worlds, each scheme is extracted with the owner's fleet, calibrated on the references held out of
 * its choice (as extract --fleet does) and judged on held-out copies and independent models: AUC, TPR
 * at zero false positives, and the calibrated verdict's TPR and FPR at alpha 0.01. Arguments:
 * {@code tune} (l2 and features, on worlds of other seeds than the rest), {@code report [l2]} and
 * {@code minimum [l2] [tuning]} (surrogates and references in the selection part). Run with the test
 * class path, e.g. {@code java -cp ... io.modelprint.scheme.metav.MetavComparison report}.
 */
public final class MetavComparison {
    static final int N = 100;
    static final int SUSPECTS_PER_FAMILY = 12;
    static final int NEGATIVES = 24;
    static final int WORLDS = 5;
    /** Mean AUC, TPR at 0 FP, calibrated TPR and FPR, per row, summed over worlds; the last slot counts them. */
    static final Map<String, double[]> TOTALS = new LinkedHashMap<>();

    /** One scheme with its parameters under a row label. */
    record Method(String label, String scheme, Map<String, Object> parameters) {}

    /** Extracts and calibrates every method on {@code world} with {@code split}, and judges the held-out suspects. */
    static void measure(LinearWorld world, FleetSplit split, List<Method> methods, String tag) {
        Map<String, LongFunction<LinearModel>> families = world.families();
        Verifier verifier = new Verifier((Double) null);
        for (Method method : methods) {
            Fingerprint calibrated;
            try (LinearModel target = world.target()) {
                Map<String, Object> parameters = new LinkedHashMap<>(method.parameters());
                parameters.put("n", N);
                Fingerprint fingerprint = FingerprintExtractor.extract(target, "target", Schemes.create(method.scheme(), parameters,
                        "t"), SeedSource.fromData(world.data()), 7, split, ProgressListener.NONE, new GradientCheck()).fingerprint();
                calibrated = Calibrator.calibrate(fingerprint, method.label(), FleetReferences.heldOut(split, fingerprint,
                        method.label()), ProgressListener.NONE, w -> {});
            }
            double[][] negatives = judge(calibrated, verifier, NEGATIVES, seed -> world.independent(700 + seed));
            families.forEach((family, make) -> {
                double[][] positives = judge(calibrated, verifier, SUSPECTS_PER_FAMILY, make);
                record(tag + world.kind() + " " + family + " | " + method.label(), Roc.auc(positives[0], negatives[0]),
                        Roc.tprAtFpr(positives[0], negatives[0], 0), mean(positives[1]), mean(negatives[1]));
            });
        }
    }

    /**
     * For fleets below metav's minimum, which extraction refuses: the same choice and verifier computed
     * directly (FleetQueryChoice, VerifierTraining), with fleet-llr's score on the same queries; ranking
     * only (AUC, TPR at 0 FP), no calibration.
     */
    static void measureRanking(LinearWorld world, FleetSplit split, double l2, String tag) {
        long[] labels;
        float[] queries;
        VerifierLogOdds metav;
        LogLikelihoodRatio llr;
        try (LinearModel target = world.target()) {
            FleetQueryChoice.Chosen chosen = new FleetQueryChoice(600, 4f / 256, 2, 0.5, 0.5).choose("metav", target,
                    SeedSource.fromData(world.data()), N, 7, split, ProgressListener.NONE);
            labels = chosen.targetLabels();
            queries = chosen.queries().values();
            metav = new VerifierLogOdds(chosen.selection().withVerifier(new VerifierTraining(l2, VerifierFeatures.AGREEMENT)
                    .learn(labels, chosen.surrogates(), chosen.references(), 10)));
            llr = new LogLikelihoodRatio(chosen.selection());
        }
        double[][] negatives = rank(labels, queries, metav, llr, NEGATIVES, seed -> world.independent(700 + seed));
        world.families().forEach((family, make) -> {
            double[][] positives = rank(labels, queries, metav, llr, SUSPECTS_PER_FAMILY, make);
            record(tag + world.kind() + " " + family + " | metav (direct)", Roc.auc(positives[0], negatives[0]),
                    Roc.tprAtFpr(positives[0], negatives[0], 0), 0, 0);
            record(tag + world.kind() + " " + family + " | fleet-llr (direct)", Roc.auc(positives[1], negatives[1]),
                    Roc.tprAtFpr(positives[1], negatives[1], 0), 0, 0);
        });
    }

    /** metav's (row 0) and fleet-llr's (row 1) scores of {@code count} suspects on {@code queries}. */
    private static double[][] rank(long[] labels, float[] queries, VerifierLogOdds metav, LogLikelihoodRatio llr, int count,
            LongFunction<LinearModel> make) {
        double[][] out = new double[2][count];
        for (int i = 0; i < count; i++) {
            try (LinearModel suspect = make.apply(i)) {
                long[] answers = Labels.predict(suspect, queries, labels.length);
                out[0][i] = metav.similarity(labels, answers);
                out[1][i] = llr.similarity(labels, answers);
            }
        }
        return out;
    }

    /** Similarities (row 0) and calibrated decisions, 1 for derived (row 1), of {@code count} suspects. */
    private static double[][] judge(Fingerprint fingerprint, Verifier verifier, int count, LongFunction<LinearModel> make) {
        double[][] out = new double[2][count];
        for (int i = 0; i < count; i++) {
            try (LinearModel suspect = make.apply(i)) {
                Verdict verdict = verifier.verify(fingerprint, suspect);
                out[0][i] = verdict.similarity();
                out[1][i] = verdict.decision() == Decision.DERIVED ? 1 : 0;
            }
        }
        return out;
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(0);
    }

    static void record(String key, double... values) {
        double[] sums = TOTALS.computeIfAbsent(key, k -> new double[values.length + 1]);
        for (int i = 0; i < values.length; i++) {
            sums[i] += values[i];
        }
        sums[values.length] += 1;
    }

    /** The split with the first {@code surrogates} surrogates and {@code selection} references choosing, the rest calibrating. */
    static FleetSplit split(InMemoryFleet fleet, int surrogates, int selection) {
        List<FleetMember> references = fleet.references();
        return new FleetSplit(fleet, fleet.surrogates().subList(0, surrogates), references.subList(0, selection),
                references.subList(selection, references.size()));
    }

    static List<Method> methods(double[] l2s, boolean baselines) {
        List<Method> methods = new ArrayList<>();
        for (String features : List.of("agreement", "answers")) {
            for (double l2 : l2s) {
                methods.add(new Method("metav " + features + " l2=" + (float) l2, "metav", Map.of("l2", (float) l2, "features", features)));
            }
        }
        if (baselines) {
            methods.add(new Method("fleet-llr", "fleet-llr", Map.of()));
            methods.add(new Method("akh", "akh", Map.of()));
        }
        return methods;
    }

    public static void main(String[] args) {
        String mode = args.length == 0 ? "report" : args[0];
        double l2 = args.length > 1 ? Double.parseDouble(args[1]) : MetaVerifierScheme.DEFAULT_L2;
        boolean tuning = mode.equals("tune") || args.length > 2 && args[2].equals("tuning");
        for (int w = 0; w < WORLDS; w++) {
            for (String kind : List.of("random", "shared")) {
                LinearWorld world = new LinearWorld(kind, (tuning ? 5000 : 0) + 1000L * w);
                // 6 surrogates, 12 references: 4 choose, 8 calibrate (extract --fleet's split)
                FleetSplit standard = split(world.fleet(6, 12), 6, 4);
                switch (mode) {
                    case "tune" -> {
                        measure(world, standard, methods(new double[] {0.001, 0.01, 0.1, 1}, true), "");
                        measure(world, split(world.fleet(3, 11), 3, 3), methods(new double[] {0.001, 0.01, 0.1, 1}, true), "m=3 ");
                    }
                    case "minimum" -> {
                        for (int m : new int[] {1, 2, 3, 4, 6}) {
                            measureRanking(world, split(world.fleet(6, 14), m, m), l2, "m=" + m + " ");
                        }
                    }
                    default -> measure(world, standard, methods(new double[] {l2}, true), "");
                }
            }
        }
        print(TOTALS);
    }

    private static void print(Map<String, double[]> totals) {
        System.out.println("| world, family | method | AUC | TPR at 0 FP | TPR at alpha 0.01 | FPR at alpha 0.01 | worlds |");
        System.out.println("|---|---|---|---|---|---|---|");
        Map<String, double[]> overall = new LinkedHashMap<>();
        totals.forEach((key, s) -> {
            int k = s.length - 1;
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %d |%n", key, s[0] / s[k], s[1] / s[k], s[2] / s[k],
                    s[3] / s[k], (int) s[k]);
            String[] parts = key.split(" \\| ");
            String[] words = parts[0].split(" ");
            String world = parts[0].startsWith("m=") ? words[0] + " " + words[1] : words[0];
            double[] sums = overall.computeIfAbsent(world + " all | " + parts[1], x -> new double[s.length]);
            for (int i = 0; i < s.length; i++) {
                sums[i] += s[i];
            }
        });
        System.out.println();
        overall.forEach((key, s) -> System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %d |%n", key,
                s[0] / s[4], s[1] / s[4], s[2] / s[4], s[3] / s[4], (int) s[4]));
    }
}
