package io.modelprint.cli;

import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.TrainingRun;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.testing.SyntheticData;
import io.modelprint.lab.fleet.FleetDirectory;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fleet directory as fleet build lays it out, from tiny models trained on 100 synthetic images for one epoch:
 * the target under {@code target/}, {@link #SURROGATES} copies of it as surrogates, and {@link #SAME_RECIPE} MLPs of
 * other seeds plus {@link #OTHER_ARCH} LeNet-5s as references: enough for metav (3 surrogates and 3
 * references to learn from, 8 held out).
 */
final class TinyFleet {
    static final int SURROGATES = 3;
    static final int SAME_RECIPE = 9;
    static final int OTHER_ARCH = 2;

    private TinyFleet() {}

    /** 100 synthetic 28x28 images of 10 classes (Fashion-MNIST's shape) to train on, 50 to measure accuracy. */
    private static final ImageDataset TRAIN = SyntheticData.bands(100, 10, 28, 28, 1);
    private static final ImageDataset TEST = SyntheticData.bands(50, 10, 28, 28, 2);

    /** A model of {@code arch} trained in-process for one epoch, saved as a model directory. */
    static Path train(String arch, long seed, Path out) {
        TrainingRun.trainAndSave(Architecture.parse(arch), TRAIN, TEST, new TrainingConfig(1, 50, 1e-3f, seed, 0), out,
                ProgressListener.NONE);
        return out;
    }

    /** Builds the fleet of {@code target} in {@code dir}. */
    static Path build(Path target, Path dir) throws IOException {
        Files.createDirectories(dir);
        copyTree(target, dir.resolve("target"));
        List<ZooEntry> entries = new ArrayList<>();
        for (int i = 1; i <= SURROGATES; i++) {
            String name = "copy-" + i;
            copyTree(target, dir.resolve(name));
            entries.add(entry(name, SuspectGroup.SURROGATE, "copy", dir.resolve(name), name));
        }
        for (int i = 0; i < SAME_RECIPE + OTHER_ARCH; i++) {
            boolean same = i < SAME_RECIPE;
            String name = (same ? "ref-mlp-s" : "ref-lenet5-s") + (100 + i);
            train(same ? "mlp" : "lenet5", 100 + i, dir.resolve(name));
            entries.add(entry(name, SuspectGroup.REFERENCE, same ? "same-recipe" : "other-arch", dir.resolve(name), name));
        }
        new ZooManifest(1, "tiny", 0, "bands", Map.of(), entries, null).write(dir);
        return dir;
    }

    /** The same models under another manifest with one reference more: the fleet edited after it chose queries. */
    static Path edited(Path fleet, Path extraReference, Path dir) throws IOException {
        Files.createDirectories(dir);
        copyTree(fleet.resolve("target"), dir.resolve("target"));
        List<ZooEntry> entries = new ArrayList<>();
        for (var member : FleetDirectory.open(fleet).members()) {
            entries.add(entry(member.name(), member.role() == io.modelprint.fleet.FleetRole.SURROGATE ? SuspectGroup.SURROGATE
                    : SuspectGroup.REFERENCE, member.kind(), fleet.resolve(member.name()), fleet.resolve(member.name()).toString()));
        }
        entries.add(entry("late", SuspectGroup.REFERENCE, "same-recipe", extraReference, extraReference.toString()));
        new ZooManifest(1, "tiny", 0, "bands", Map.of(), entries, null).write(dir);
        return dir;
    }

    private static ZooEntry entry(String name, SuspectGroup group, String kind, Path model, String path) {
        String sha = ModelLoader.checkIntact(model).weightsSha256();
        return new ZooEntry(name, group, "MLP", null, Map.of(FleetDirectory.KIND, kind), 0.5, path, sha, 1.0, true);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
