package io.modelprint.lab.zoo;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.lab.Durations;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a zoo or fleet directory ({@link BuildPlan}) model by model. After every model the
 * manifest is rewritten atomically, so a build killed at any point resumes where it stopped: a
 * model counts as finished only when its directory is complete and its weights still hash to what
 * the manifest recorded ({@link FinishedModels}); anything else is rebuilt.
 */
public final class ZooBuilder {
    private final BuildPlan plan;
    private final long seed;
    private final Path dir;
    private final PrintStream log;
    private final String what;
    private final int workers;
    private final FinishedModels finishedModels;

    public ZooBuilder(BuildPlan plan, long seed, Path dir, PrintStream log) {
        this(plan, seed, dir, log, 1);
    }

    /**
     * @param workers models built at once: 1 builds them one after another in this process; more start that many
     *     worker processes with one engine thread each ({@link WorkerProcesses})
     */
    public ZooBuilder(BuildPlan plan, long seed, Path dir, PrintStream log, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
        }
        this.plan = plan;
        this.seed = seed;
        this.dir = dir.toAbsolutePath().normalize();
        this.log = log;
        this.what = plan.what();
        this.workers = workers;
        this.finishedModels = new FinishedModels(this.dir, log, what);
    }

    /**
     * Refused when {@code existingTarget} cannot be a target, or the directory holds something else
     * (another plan or seed, another target, files of another program). Loads no data and writes nothing.
     *
     * @return the target's provenance, or null when the plan trains its own target
     */
    public ModelProvenance check(Path existingTarget) {
        if (existingTarget == null && plan.needsExistingTarget()) {
            throw new IllegalArgumentException("a " + what + " is built around an existing target");
        }
        BuildDirectory directory = new BuildDirectory(dir, plan);
        ModelProvenance target = existingTarget == null ? null : directory.checkTarget(existingTarget);
        directory.checkHolds(seed, target);
        return target;
    }

    /**
     * @param targetArch architecture of the target to train, when {@code existingTarget} is null
     * @param existingTarget a modelprint model directory to use as the target (copied into the directory)
     */
    public ZooManifest build(ImageDataset train, ImageDataset test, Architecture targetArch, Path existingTarget,
            ProgressListener progress) {
        ModelProvenance checked = check(existingTarget);
        checkHeld(train, existingTarget == null ? targetArch : null);
        if (checked != null) {
            BuildDirectory.requireTargetFits(existingTarget, checked, train); // before anything is made in --out
        }
        BuildDirectory directory = new BuildDirectory(dir, plan);
        directory.create();
        try (ZooLock lock = ZooLock.acquire(dir, what)) {
            ModelProvenance target = check(existingTarget); // again: another build may have finished meanwhile
            checkHeld(train, existingTarget == null ? targetArch : null);
            ZooLock.removeLeftovers(dir, log, what);
            return buildLocked(directory, train, test, targetArch, existingTarget, target, progress);
        }
    }

    /** Refused when the directory holds a build on another data set, or a target trained here of another architecture. */
    private void checkHeld(ImageDataset train, Architecture targetArch) {
        ZooManifest.read(dir).ifPresent(manifest -> {
            manifest.requireDataset(train, dir, what);
            Object built = manifest.entry("target").map(e -> e.parameters().get("arch")).orElse(null);
            if (targetArch != null && built != null && !targetArch.cliName().equals(built)) {
                throw new InputException(dir + " holds a " + what + " of a " + built + " target, not of a " + targetArch.cliName()
                        + " one (nothing is rebuilt over it): use another directory");
            }
        });
    }

    private ZooManifest buildLocked(BuildDirectory directory, ImageDataset train, ImageDataset test, Architecture targetArch,
            Path existingTarget, ModelProvenance target, ProgressListener progress) {
        Path targetDir = dir.resolve("target");
        Architecture arch = targetArch;
        if (existingTarget != null) {
            directory.adoptTarget(existingTarget, target, train);
            arch = Architecture.parse(target.arch());
        }
        ZooManifest manifest = ZooManifest.read(dir).orElse(
                new ZooManifest(ZooManifest.FORMAT_VERSION, plan.name(), seed, train.name(), plan.notes(arch), List.of(), null));
        if (existingTarget != null && manifest.entry("target").isEmpty()) {
            manifest = manifest.withEntry(entryFor("target", SuspectGroup.TARGET, "TARGET", null, Map.of("source", existingTarget.toString()),
                    ModelLoader.checkIntact(targetDir), true));
            manifest.write(dir);
        }
        List<SuspectPlan> plans = plan.plan(arch, train, seed, target);
        Set<String> planned = new HashSet<>(List.of("target"));
        plans.forEach(p -> planned.add(p.name()));
        for (ZooEntry stale : manifest.entries()) {
            if (!planned.contains(stale.name())) {
                log.printf("%s: %s is not in the %s plan any more: left out of the manifest (its directory stays)%n", what, stale.name(),
                        plan.name());
            }
        }
        ZooManifest current = manifest.forPlan(planned, FinishedModels.normalized(plan.notes(arch)));
        if (current != manifest) {
            manifest = current;
            manifest.write(dir);
        }
        ZooContext context = new ZooContext(train, test, dir, targetDir);
        Architecture builtArch = arch;
        BuildSchedule schedule = new BuildSchedule(plans);
        Progress counts = new Progress();
        RuntimeException failure = null;
        try (ModelWorkers pool = workers == 1 ? new InProcessWorker(context, progress)
                : new LazyWorkers(() -> WorkerProcesses.start(workers, plan, seed, dir, builtArch, target, context, log))) {
            while (!schedule.isDone()) {
                Optional<SuspectPlan> ready = failure == null && pool.hasIdle() ? schedule.next() : Optional.empty();
                if (ready.isPresent()) {
                    manifest = start(ready.get(), manifest, plans, schedule, pool, counts);
                    continue;
                }
                if (!schedule.isRunning()) {
                    break; // stopped by a failure, or nothing can start (cannot happen: parents come first)
                }
                ModelWorkers.Built built = pool.take();
                schedule.resolved(built.plan());
                if (built.failure() != null) {
                    failure = failure == null ? built.failure() : failure;
                    log.printf("%s: %s failed: %s%n", what, built.plan().name(), built.failure().getMessage());
                    continue;
                }
                manifest = finish(built, manifest, counts);
            }
        }
        if (failure != null) {
            throw failure;
        }
        log.printf("%s: %s complete: %d models (%d built now) -> %s%n", what, plan.name(), manifest.entries().size(), counts.built,
                dir.resolve(ZooManifest.FILE_NAME));
        return manifest;
    }

    /** How many models this run built, and how long they took, for the log's estimate of what is left. */
    private static final class Progress {
        double modelSeconds;
        int modelsBuilt;
        int built;
        final Map<String, Long> started = new HashMap<>();
    }

    /** Records a finished model, skips one that cannot or need not be built, or hands it to a worker. */
    private ZooManifest start(SuspectPlan next, ZooManifest manifest, List<SuspectPlan> plans, BuildSchedule schedule, ModelWorkers pool,
            Progress counts) {
        if (seriesStopped(manifest, plans, next)) {
            schedule.resolved(next);
            return manifest;
        }
        Optional<ZooEntry> finished = finishedModels.of(manifest, next);
        if (finished.isPresent()) {
            schedule.resolved(next);
            if (manifest.entry(next.name()).isEmpty()) {
                manifest = manifest.withEntry(finished.get());
                manifest.write(dir);
            }
            return manifest;
        }
        Optional<String> unavailable = next.recipe().unavailable();
        if (unavailable.isPresent()) {
            log.printf("%s: skipping %s: %s%n", what, next.name(), unavailable.get());
            schedule.resolved(next);
            return manifest;
        }
        String eta = counts.modelsBuilt == 0 ? ""
                : String.format(", about %s left", Durations.of(counts.modelSeconds / counts.modelsBuilt * schedule.left() / workers));
        log.printf("%s: [%d/%d] building %s (%s %s %s)%s%n", what, schedule.position(next), plans.size(), next.name(), next.group().json(),
                next.kind(), next.parameters(), eta);
        Map<String, Object> extra = new LinkedHashMap<>(next.parameters());
        extra.put("zooName", next.name());
        extra.put("kind", next.kind());
        FinishedModels.parentSha256(manifest, next).ifPresent(hash -> extra.put(FinishedModels.PARENT_SHA256, hash));
        counts.started.put(next.name(), System.nanoTime());
        schedule.started(next);
        pool.submit(next, extra);
        return manifest;
    }

    private ZooManifest finish(ModelWorkers.Built built, ZooManifest manifest, Progress counts) {
        SuspectPlan next = built.plan();
        ModelProvenance provenance = built.provenance();
        double seconds = (System.nanoTime() - counts.started.remove(next.name())) / 1e9;
        boolean kept = kept(manifest, next, provenance);
        ZooEntry entry = entryFor(next.name(), next.group(), next.kind(), next.parent(), next.parameters(), provenance, kept);
        entry = new ZooEntry(entry.name(), entry.group(), entry.kind(), entry.parent(), entry.parameters(), entry.testAccuracy(),
                entry.path(), entry.sha256(), seconds, kept);
        manifest = manifest.withEntry(entry);
        manifest.write(dir);
        counts.built++;
        if (next.group() != SuspectGroup.TARGET) {
            counts.modelSeconds += seconds;
            counts.modelsBuilt++;
        }
        log.printf("%s: %s test accuracy %.4f%s (%.1f s, %.1f s CPU)%n", what, next.name(), provenance.testAccuracy(),
                kept ? "" : " - loses more than 3%, not kept; " + next.series() + " sweep ends", seconds, built.cpuSeconds());
        return manifest;
    }

    /** A sweep step is kept unless it loses more than the allowed accuracy against the target; other models always are. */
    static boolean kept(ZooManifest manifest, SuspectPlan plan, ModelProvenance provenance) {
        double targetAccuracy = plan.group() == SuspectGroup.TARGET ? provenance.testAccuracy()
                : manifest.entry("target").map(ZooEntry::testAccuracy).orElse(provenance.testAccuracy());
        return plan.series() == null || targetAccuracy - provenance.testAccuracy() <= Preset.MAX_ACCURACY_LOSS;
    }

    static ZooEntry entryFor(String name, SuspectGroup group, String kind, String parent, Map<String, Object> parameters,
            ModelProvenance provenance, boolean kept) {
        return new ZooEntry(name, group, kind, parent, parameters, provenance.testAccuracy(), name, provenance.weightsSha256(),
                provenance.seconds(), kept);
    }

    /** A sweep stops after its first rejected step. */
    static boolean seriesStopped(ZooManifest manifest, List<SuspectPlan> plans, SuspectPlan plan) {
        if (plan.series() == null) {
            return false;
        }
        for (SuspectPlan earlier : plans) {
            if (earlier == plan) {
                return false;
            }
            if (plan.series().equals(earlier.series())
                    && manifest.entry(earlier.name()).map(e -> !e.kept()).orElse(false)) {
                return true;
            }
        }
        return false;
    }
}
