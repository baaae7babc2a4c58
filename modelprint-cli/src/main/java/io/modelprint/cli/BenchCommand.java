package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.lab.eval.VerdictBundles;
import io.modelprint.lab.eval.VerdictResult;
import io.modelprint.lab.fleet.FleetDirectory;
import io.modelprint.lab.fleet.FleetPreset;
import io.modelprint.lab.report.FleetSummary;
import io.modelprint.lab.report.FleetVerdicts;
import io.modelprint.verify.Verifier;
import io.modelprint.data.DatasetSource;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.lab.eval.Evaluation;
import io.modelprint.lab.eval.BundleScores;
import io.modelprint.lab.eval.EvaluationPreset;
import io.modelprint.lab.eval.EvaluationResults;
import io.modelprint.lab.eval.FamilyScore;
import io.modelprint.lab.eval.MethodResult;
import io.modelprint.lab.eval.SchemeResult;
import io.modelprint.lab.eval.SchemeRun;
import io.modelprint.lab.eval.StageLog;
import java.util.ArrayList;
import java.util.List;
import io.modelprint.lab.report.ReportWriter;
import io.modelprint.lab.report.SchemeReport;
import io.modelprint.lab.zoo.Preset;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooManifest;
import io.modelprint.lab.zoo.ZooBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench --preset P}: the paper's evaluation end to end (zoo, sweeps, report). Sub-commands
 * time single pieces. Numbers go to reports and notes, never into test assertions.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Reproduce the IPGuard paper's evaluation on Fashion-MNIST (default) or another data set (--dataset cifar10"
                + " --data DIR, or folder): build the suspect zoo of a VGG (or --target-arch resnet20) target if missing,"
                + " sweep every method's parameter over the four TR/TL/RR/RL combinations, verify every suspect and write"
                + " report.md, PNG figures, results.json and CSV to --out. Resumable: finished work is cached.",
            "Directories default to zoo-PRESET, bench-PRESET and fleet-PRESET on Fashion-MNIST, and carry the data set's name"
                + " on any other (zoo-quick-cifar10); a zoo or fleet built on another data set is refused.",
            "Sub-commands time single pieces: extraction, training."},
        subcommands = {BenchExtractCommand.class, BenchTrainCommand.class, BenchHttpCommand.class, BenchRegistryCommand.class,
            BenchServiceCommand.class})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--preset", completionCandidates = Choices.Presets.class,
            description = "${COMPLETION-CANDIDATES}: quick (minutes on 2 cores) or paper")
    String preset;

    @Option(names = "--zoo", description = "zoo directory (default zoo-PRESET[-DATA]; built or finished if incomplete)")
    Path zoo;

    @Option(names = "--out", description = "report directory (default bench-PRESET[-DATA])")
    Path out;

    @Option(names = "--fleet", description = "the owner's fleet for the zoo's target (default fleet-PRESET[-DATA]; built or finished if incomplete)")
    Path fleet;

    @Option(names = "--target-arch", defaultValue = "vgg", completionCandidates = Choices.Architectures.class,
            description = "architecture of the zoo's target: vgg (default) or resnet20 (SACBench's CIFAR-10 targets; no"
                    + " reparametrized or fine-pruned copies); a target other than vgg adds -ARCH to the default directories")
    String targetArch;

    @Mixin
    DataOptions data;

    @Mixin
    WorkersOption workers;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        if (preset == null) {
            throw new InputException("bench needs --preset quick|paper, or a sub-command (extract, train)");
        }
        Preset zooPreset = Preset.of(preset);
        EvaluationPreset evaluationPreset = EvaluationPreset.of(preset);
        DatasetSource source = data.source();
        ImageDataset train = source.train();
        ImageDataset test = source.test();
        Architecture arch = Architecture.parse(targetArch);
        String tag = zooPreset.name() + dataSuffix(train) + (arch == Architecture.VGG ? "" : "-" + arch.cliName());
        Path zooDir = zoo != null ? zoo : Path.of("zoo-" + tag);
        Path outDir = out != null ? out : Path.of("bench-" + tag);
        StageLog stageLog = StageLog.start(outDir, Instant.now(), System.err);
        long start = System.nanoTime();
        try (Progress progress = Progress.start("zoo")) {
            new ZooBuilder(zooPreset, 0, zooDir, System.err, workers.count()).build(train, test, arch, null, progress);
        }
        stageLog.record("zoo", seconds(start));
        start = System.nanoTime();
        EvaluationResults results;
        try (Progress progress = Progress.start("bench"); HttpEvasiveServing serving = new HttpEvasiveServing()) {
            results = new Evaluation(zooDir, outDir, System.err).servedBy(serving).run(evaluationPreset, train, test, progress);
        }
        stageLog.record("evaluation", seconds(start));
        start = System.nanoTime();
        List<SchemeRun> runs = new ArrayList<>(evaluationPreset.schemeRuns());
        runs.addAll(evaluationPreset.budgetRuns());
        List<SchemeResult> schemes;
        try (Progress progress = Progress.start("schemes"); HttpEvasiveServing serving = new HttpEvasiveServing()) {
            schemes = new ArrayList<>(new Evaluation(zooDir, outDir, System.err).servedBy(serving).run(runs, train, test, progress));
        }
        schemes.addAll(bundles(schemes, evaluationPreset, zooDir));
        stageLog.record("schemes", seconds(start));
        start = System.nanoTime();
        Path fleetDir = fleet != null ? fleet : Path.of("fleet-" + tag);
        try (Progress progress = Progress.start("fleet")) {
            new ZooBuilder(FleetPreset.of(zooPreset.name()), 0, fleetDir, System.err, workers.count()).build(train, test, null, zooDir.resolve("target"),
                    progress);
        }
        FleetDirectory owned = FleetDirectory.open(fleetDir, fleetDir.toString());
        stageLog.record("fleet", seconds(start));
        start = System.nanoTime();
        List<VerdictResult> verdicts;
        try (Progress progress = Progress.start("verdicts"); HttpEvasiveServing serving = new HttpEvasiveServing()) {
            verdicts = new ArrayList<>(new Evaluation(zooDir, outDir, System.err).servedBy(serving)
                    .withFleet(FleetSplit.crossFit(owned, 0))
                    .verdicts(evaluationPreset.verdictRuns(owned.sha256()), Verifier.DEFAULT_ALPHA, train, test, progress));
        }
        verdicts.addAll(verdictBundles(verdicts));
        stageLog.record("verdicts", seconds(start));
        start = System.nanoTime();
        ReportWriter.write(results, schemes, new FleetVerdicts(FleetSummary.of(owned, fleetDir), verdicts), evaluationPreset, outDir);
        Map<String, Double> stages = new LinkedHashMap<>(stageLog.stages());
        stages.put("report", seconds(start));
        System.err.printf("bench: stages %s; report in %s%n", stages, outDir.resolve("report.md"));
        if (format.json()) {
            Map<String, Object> doc = new LinkedHashMap<>(ReportWriter.document(results, schemes));
            doc.put("stageSeconds", stages);
            doc.put("report", outDir.resolve("report.md").toString());
            JsonOutput.print(doc);
        } else {
            System.out.printf("%-8s %-5s %-14s %6s %6s %6s %9s%n", "method", "combo", "params", "ARUC", "AUC", "gap", "seconds");
            for (MethodResult r : results.best().values()) {
                System.out.printf("%-8s %-5s %-14s %6.2f %6.2f %+6.2f %9.2f%n", r.method(), r.combo(), r.params(), r.aruc(), r.auc(),
                        r.gap(), r.seconds());
            }
            System.out.printf("%n%-28s %-7s %7s  %s%n", "scheme", "access", "queries", "AUC / TPR@1%FPR / TPR@5%FPR per family");
            for (SchemeResult r : schemes) {
                if (!SchemeReport.isMain(r, evaluationPreset) || r.error() != null) {
                    continue;
                }
                StringBuilder families = new StringBuilder();
                for (FamilyScore f : r.families()) {
                    families.append(String.format("%s %.2f/%.2f/%.2f; ", f.family(), f.auc(), f.tprAt1Fpr(), f.tprAt5Fpr()));
                }
                System.out.printf("%-28s %-7s %7d  %s%n", r.run().scheme() + (r.run().parameters().isEmpty() ? "" : " " + r.run().parameters()),
                        r.access(), r.queries(), families);
            }
            System.out.println("report: " + outDir.resolve("report.md"));
        }
        return ExitCode.OK;
    }

    /** The preset's verdict bundles, from their members' calibrated verdicts. */
    private static List<VerdictResult> verdictBundles(List<VerdictResult> verdicts) {
        List<VerdictResult> bundles = new ArrayList<>();
        for (List<String> names : EvaluationPreset.VERDICT_BUNDLES) {
            List<VerdictResult> members = new ArrayList<>();
            for (String name : names) {
                verdicts.stream().filter(r -> r.run().scheme().equals(name)).findFirst().ifPresent(members::add);
            }
            if (members.size() == names.size()) {
                bundles.add(VerdictBundles.of(members));
            }
        }
        return bundles;
    }

    /** The preset's bundles, scored from their members' main runs. */
    private static List<SchemeResult> bundles(List<SchemeResult> schemes, EvaluationPreset preset, Path zooDir) {
        var suspects = ZooManifest.read(zooDir).orElseThrow().entries().stream()
                .filter(e -> e.group() != SuspectGroup.TARGET && e.kept()).toList();
        List<SchemeResult> bundles = new ArrayList<>();
        for (List<String> names : EvaluationPreset.BUNDLES) {
            List<SchemeResult> members = new ArrayList<>();
            for (String name : names) {
                schemes.stream().filter(r -> r.run().scheme().equals(name) && preset.schemeRuns().contains(r.run()))
                        .findFirst().ifPresent(members::add);
            }
            if (members.size() == names.size()) {
                bundles.add(BundleScores.of(members, suspects));
            }
        }
        return bundles;
    }

    /**
     * "" on Fashion-MNIST (zoo-quick, bench-quick, fleet-quick, as before), else "-" and the data set's name
     * ("-cifar10", "-colour-fashion"): benches of two data sets never share a default directory.
     */
    static String dataSuffix(ImageDataset train) {
        String name = train.name().replaceFirst("-train$", "");
        return name.equals("fashion-mnist") ? "" : "-" + name;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
