package io.modelprint.lab.eval;

import io.modelprint.InputException;
import io.modelprint.data.ImageDataset;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.engine.ModelLoader;
import io.modelprint.lab.zoo.OnnxCopy;
import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import io.modelprint.model.Classifier;
import io.modelprint.lab.evasive.Defense;
import io.modelprint.lab.evasive.EvasiveServing;
import java.nio.file.Path;
import io.modelprint.ProgressListener;
import java.util.List;

/**
 * A built zoo as an evaluation sees it: its manifest, the kept suspects, the target loaded on first
 * use (a fully cached evaluation loads nothing), and the suspects loaded one at a time.
 */
final class LoadedZoo implements AutoCloseable {
    private final Path dir;
    private final InputSpec spec;
    private final ZooManifest manifest;
    private final ZooEntry targetEntry;
    private final List<ZooEntry> suspects;
    private final EvasiveServing serving;
    private DjlClassifier target;

    LoadedZoo(Path dir, ImageDataset data, EvasiveServing serving) {
        this.dir = dir;
        this.spec = data.spec();
        this.serving = serving;
        this.manifest = ZooManifest.read(dir)
                .orElseThrow(() -> new InputException(dir + ": no " + ZooManifest.FILE_NAME + "; build the zoo first"));
        manifest.requireDataset(data, dir, "zoo");
        this.targetEntry = manifest.entry("target").orElseThrow(() -> new InputException(dir + ": the manifest has no target"));
        this.suspects = manifest.entries().stream().filter(e -> e.group() != SuspectGroup.TARGET && e.kept()).toList();
    }

    ZooManifest manifest() {
        return manifest;
    }

    List<ZooEntry> suspects() {
        return suspects;
    }

    /** The kept suspects that answer the target's own task (not transfer-learning copies and their negatives). */
    List<ZooEntry> sameTaskSuspects() {
        return suspects.stream().filter(e -> SuspectFamily.task(e) == null).toList();
    }

    DjlClassifier target() {
        if (target == null) {
            target = ModelLoader.load(dir.resolve(targetEntry.path()), spec);
        }
        return target;
    }

    /** The target's weights hash, as the manifest records it. */
    String targetSha256() {
        return targetEntry.sha256();
    }

    /** What to do with each suspect while it is loaded. */
    @FunctionalInterface
    interface SuspectVisitor {
        void visit(ZooEntry entry, Classifier suspect);
    }

    /**
     * Loads {@code which} (some of the kept suspects) one at a time, an evasive one served behind its
     * defense, hands each to {@code visitor} and closes it: at most one suspect is in memory.
     */
    void forEachSuspect(List<ZooEntry> which, SuspectVisitor visitor, ProgressListener progress) {
        for (int i = 0; i < which.size(); i++) {
            ZooEntry suspect = which.get(i);
            Path modelDir = dir.resolve(suspect.path());
            Classifier model = OnnxCopy.KIND.equals(suspect.kind())
                    ? ModelLoader.loadClassifier(OnnxCopy.file(modelDir, ModelLoader.checkIntact(modelDir)), spec)
                    : ModelLoader.loadClassifier(modelDir, spec);
            Object defense = suspect.parameters().get("defense");
            try (Classifier served = defense == null ? model
                    : serving.serve(suspect.name(), model, Defense.parse(List.of(defense.toString())))) {
                visitor.visit(suspect, served);
            }
            progress.update(i + 1, which.size(), "verified " + suspect.name());
        }
    }

    @Override
    public void close() {
        if (target != null) {
            target.close();
        }
    }
}
