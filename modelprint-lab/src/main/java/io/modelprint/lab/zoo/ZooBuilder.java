package io.modelprint.lab.zoo;

import io.modelprint.lab.Durations;
import io.modelprint.InputException;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.engine.RandomForestClassifier;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.io.AtomicFiles;
import io.modelprint.ProgressListener;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a zoo directory model by model. After every model the manifest is rewritten atomically,
 * so a build killed at any point resumes where it stopped: a model counts as finished only when
 * its directory is complete and its weights still hash to what the manifest recorded; anything
 * else is rebuilt.
 */
public final class ZooBuilder {
    private final Preset preset;
    private final long seed;
    private final Path dir;
    private final PrintStream log;

    public ZooBuilder(Preset preset, long seed, Path dir, PrintStream log) {
        this.preset = preset;
        this.seed = seed;
        this.dir = dir.toAbsolutePath().normalize();
        this.log = log;
    }

    /**
     * @param targetArch architecture of the target to train, when {@code existingTarget} is null
     * @param existingTarget a modelprint model directory to use as the target (copied into the zoo)
     */
    public ZooManifest build(ImageDataset train, ImageDataset test, Architecture targetArch, Path existingTarget,
            ProgressListener progress) {
        createDirectory();
        try (ZooLock lock = ZooLock.acquire(dir)) {
            ZooLock.removeLeftovers(dir, log);
            return buildLocked(train, test, targetArch, existingTarget, progress);
        }
    }

    private ZooManifest buildLocked(ImageDataset train, ImageDataset test, Architecture targetArch, Path existingTarget,
            ProgressListener progress) {
        Path targetDir = dir.resolve("target");
        Architecture arch = targetArch;
        if (existingTarget != null) {
            arch = adoptTarget(existingTarget, targetDir, train);
        }
        ZooManifest manifest = ZooManifest.read(dir).orElse(
                new ZooManifest(ZooManifest.FORMAT_VERSION, preset.name(), seed, train.name(), preset.notes(arch), List.of(), null));
        if (!manifest.preset().equals(preset.name()) || manifest.seed() != seed) {
            throw new InputException(dir + " holds a zoo of preset " + manifest.preset() + " seed " + manifest.seed()
                    + "; use another --out directory for preset " + preset.name() + " seed " + seed);
        }
        if (existingTarget != null && manifest.entry("target").isEmpty()) {
            manifest = manifest.withEntry(entryFor("target", SuspectGroup.TARGET, "TARGET", null, Map.of("source", existingTarget.toString()),
                    ModelLoader.checkIntact(targetDir), true));
            manifest.write(dir);
        }
        List<SuspectPlan> plans = preset.plan(arch, train.numClasses(), seed, existingTarget == null);
        java.util.Set<String> planned = new java.util.HashSet<>(List.of("target"));
        plans.forEach(plan -> planned.add(plan.name()));
        for (ZooEntry stale : manifest.entries()) {
            if (!planned.contains(stale.name())) {
                log.printf("zoo: %s is not in the %s plan any more: left out of the manifest (its directory stays)%n", stale.name(),
                        preset.name());
            }
        }
        ZooManifest current = manifest.forPlan(planned, normalized(preset.notes(arch)));
        if (current != manifest) {
            manifest = current;
            manifest.write(dir);
        }
        ZooContext context = new ZooContext(train, test, dir, targetDir);
        double suspectSeconds = 0;
        int suspectsBuilt = 0;
        int built = 0;
        for (int i = 0; i < plans.size(); i++) {
            SuspectPlan plan = plans.get(i);
            if (seriesStopped(manifest, plans, plan)) {
                continue;
            }
            Optional<ZooEntry> finished = finished(manifest, plan);
            if (finished.isPresent()) {
                if (manifest.entry(plan.name()).isEmpty()) {
                    manifest = manifest.withEntry(finished.get());
                    manifest.write(dir);
                }
                continue;
            }
            Optional<String> unavailable = plan.recipe().unavailable();
            if (unavailable.isPresent()) {
                log.printf("zoo: skipping %s: %s%n", plan.name(), unavailable.get());
                continue;
            }
            int left = plans.size() - i;
            String eta = suspectsBuilt == 0 ? "" : String.format(", about %s left", Durations.of(suspectSeconds / suspectsBuilt * left));
            log.printf("zoo: [%d/%d] building %s (%s %s %s)%s%n", i + 1, plans.size(), plan.name(), plan.group().json(),
                    plan.kind(), plan.parameters(), eta);
            long start = System.nanoTime();
            Map<String, Object> extra = new LinkedHashMap<>(plan.parameters());
            extra.put("zooName", plan.name());
            extra.put("kind", plan.kind());
            parentSha256(manifest, plan).ifPresent(hash -> extra.put(PARENT_SHA256, hash));
            ModelProvenance provenance = plan.recipe().build(context, dir.resolve(plan.name()), extra, progress);
            double targetAccuracy = plan.group() == SuspectGroup.TARGET ? provenance.testAccuracy()
                    : manifest.entry("target").map(ZooEntry::testAccuracy).orElse(provenance.testAccuracy());
            boolean kept = plan.series() == null || targetAccuracy - provenance.testAccuracy() <= Preset.MAX_ACCURACY_LOSS;
            ZooEntry entry = entryFor(plan.name(), plan.group(), plan.kind(), plan.parent(), plan.parameters(), provenance, kept);
            entry = new ZooEntry(entry.name(), entry.group(), entry.kind(), entry.parent(), entry.parameters(), entry.testAccuracy(),
                    entry.path(), entry.sha256(), (System.nanoTime() - start) / 1e9, kept);
            manifest = manifest.withEntry(entry);
            manifest.write(dir);
            built++;
            if (plan.group() != SuspectGroup.TARGET) {
                suspectSeconds += entry.seconds();
                suspectsBuilt++;
            }
            log.printf("zoo: %s test accuracy %.4f%s (%.1f s)%n", plan.name(), provenance.testAccuracy(),
                    kept ? "" : " - loses more than 3%, not kept; " + plan.series() + " sweep ends", entry.seconds());
        }
        log.printf("zoo: %s complete: %d models (%d built now) -> %s%n", preset.name(), manifest.entries().size(), built,
                dir.resolve(ZooManifest.FILE_NAME));
        return manifest;
    }

    private static ZooEntry entryFor(String name, SuspectGroup group, String kind, String parent, Map<String, Object> parameters,
            ModelProvenance provenance, boolean kept) {
        return new ZooEntry(name, group, kind, parent, parameters, provenance.testAccuracy(), name, provenance.weightsSha256(),
                provenance.seconds(), kept);
    }

    /** Recorded in a derived model's provenance: the weights hash of the zoo model it was made from. */
    static final String PARENT_SHA256 = "parentSha256";

    private static Optional<String> parentSha256(ZooManifest manifest, SuspectPlan plan) {
        return plan.parent() == null ? Optional.empty() : manifest.entry(plan.parent()).map(ZooEntry::sha256);
    }

    /**
     * Whether a derived model was made from its parent as the zoo holds it now (a target or a student
     * rebuilt since makes its copies stale). Models that predate the record are taken as they are.
     */
    private static boolean madeFromCurrentParent(ZooManifest manifest, SuspectPlan plan, ModelProvenance provenance) {
        Object recorded = provenance.extra() == null ? null : provenance.extra().get(PARENT_SHA256);
        Optional<String> current = parentSha256(manifest, plan);
        return recorded == null || current.isEmpty() || recorded.equals(current.get());
    }

    /** A sweep stops after its first rejected step. */
    private static boolean seriesStopped(ZooManifest manifest, List<SuspectPlan> plans, SuspectPlan plan) {
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

    /**
     * The manifest's entry for {@code plan}, if its model is complete and unchanged; or, when the
     * manifest has none (deleted or lost), an entry for a complete model directory that was made
     * by this very plan (its provenance records the plan's name and parameters).
     */
    private Optional<ZooEntry> finished(ZooManifest manifest, SuspectPlan plan) {
        Optional<ZooEntry> entry = manifest.entry(plan.name());
        if (entry.isEmpty()) {
            return adopt(manifest, plan);
        }
        if (!entry.get().parameters().equals(normalized(plan.parameters()))) {
            log.printf("zoo: rebuilding %s: its parameters changed%n", plan.name());
            return Optional.empty();
        }
        try {
            ModelProvenance provenance = ModelLoader.checkIntact(dir.resolve(entry.get().path()));
            if (!provenance.weightsSha256().equals(entry.get().sha256())) {
                log.printf("zoo: rebuilding %s: its weights are not the ones the manifest recorded%n", plan.name());
                return Optional.empty();
            }
            if (OnnxCopy.KIND.equals(plan.kind())) {
                OnnxCopy.file(dir.resolve(entry.get().path()), provenance);
            }
            if (!madeFromCurrentParent(manifest, plan, provenance)) {
                log.printf("zoo: rebuilding %s: it was made from another %s than the zoo's%n", plan.name(), plan.parent());
                return Optional.empty();
            }
            return entry;
        } catch (InputException e) {
            log.printf("zoo: rebuilding %s: %s%n", plan.name(), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<ZooEntry> adopt(ZooManifest manifest, SuspectPlan plan) {
        Path modelDir = dir.resolve(plan.name());
        if (!Files.isDirectory(modelDir)) {
            return Optional.empty();
        }
        try {
            ModelProvenance provenance = ModelLoader.checkIntact(modelDir);
            Map<String, Object> recorded = provenance.extra() == null ? Map.of() : new LinkedHashMap<>(provenance.extra());
            recorded.remove("madeBy");
            recorded.remove("datasetSha256");
            Object parentHash = recorded.remove(PARENT_SHA256);
            if (parentHash != null && !parentSha256(manifest, plan).map(parentHash::equals).orElse(true)) {
                return Optional.empty();
            }
            Object defended = recorded.remove(Recipes.ACCURACY_BEHIND_DEFENSE);
            if (defended instanceof Number accuracy) {
                provenance = provenance.withTestAccuracy(accuracy.doubleValue());
            }
            Object throughRuntime = recorded.remove(OnnxCopy.ACCURACY);
            if (throughRuntime instanceof Number accuracy) {
                provenance = provenance.withTestAccuracy(accuracy.doubleValue());
            }
            if (recorded.remove(OnnxCopy.SHA256) != null) {
                OnnxCopy.file(modelDir, provenance);
            }
            if (!plan.name().equals(recorded.remove("zooName")) || !plan.kind().equals(recorded.remove("kind"))
                    || !normalized(recorded).equals(normalized(plan.parameters()))) {
                return Optional.empty();
            }
            double targetAccuracy = plan.group() == SuspectGroup.TARGET ? provenance.testAccuracy()
                    : manifest.entry("target").map(ZooEntry::testAccuracy).orElse(provenance.testAccuracy());
            boolean kept = plan.series() == null || targetAccuracy - provenance.testAccuracy() <= Preset.MAX_ACCURACY_LOSS;
            log.printf("zoo: %s: complete model found, added to the manifest%n", plan.name());
            return Optional.of(entryFor(plan.name(), plan.group(), plan.kind(), plan.parent(), normalized(plan.parameters()),
                    provenance, kept));
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    /** Parameters as they read back from JSON (numbers widen), for comparison with a manifest entry. */
    private static Map<String, Object> normalized(Map<String, Object> parameters) {
        try {
            return ZooManifest.JSON.readValue(ZooManifest.JSON.writeValueAsBytes(parameters),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Architecture adoptTarget(Path source, Path targetDir, ImageDataset train) {
        ModelProvenance provenance = ModelLoader.checkIntact(source);
        if (RandomForestClassifier.ARCH.equals(provenance.arch())) {
            throw new InputException(source + ": a random forest cannot be a target (post-processing needs a neural network)");
        }
        if (!provenance.inputSpec().compatibleWith(train.spec()) || provenance.numClasses() != train.numClasses()) {
            throw new InputException(source + ": the target takes " + provenance.inputSpec() + " with " + provenance.numClasses()
                    + " classes, but " + train.name() + " has " + train.spec() + " with " + train.numClasses() + " classes");
        }
        Architecture arch = Architecture.parse(provenance.arch());
        if (Files.isDirectory(targetDir)) {
            ModelProvenance existing = ModelLoader.checkIntact(targetDir);
            if (!existing.weightsSha256().equals(provenance.weightsSha256())) {
                throw new InputException(dir + " was built for another target (weights " + existing.weightsSha256()
                        + "); use another --out directory");
            }
            return arch;
        }
        try {
            Path tmp = Files.createTempDirectory(dir, ".target.");
            Files.copy(source.resolve(provenance.weightsFile()), tmp.resolve(provenance.weightsFile()));
            Files.copy(source.resolve(ModelProvenance.FILE_NAME), tmp.resolve(ModelProvenance.FILE_NAME));
            AtomicFiles.moveIntoPlace(tmp, targetDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the target into " + dir + ": " + e.getMessage(), e);
        }
        return arch;
    }

    private void createDirectory() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException(dir + ": cannot create the zoo directory: " + e.getMessage());
        }
    }
}
