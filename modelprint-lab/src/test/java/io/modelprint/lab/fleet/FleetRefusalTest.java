package io.modelprint.lab.fleet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.engine.RandomForestClassifier;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.TrainingRun;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooBuilder;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** What fleet build refuses, and that a refusal loses nothing already built. */
class FleetRefusalTest {
    private final ImageDataset train = SyntheticData.bands(120, 4, 12, 12, 1);
    private final ImageDataset test = SyntheticData.bands(40, 4, 12, 12, 2);
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    private Path target(String name, long seed, ImageDataset data) {
        ImageDataset measured = data.spec().equals(train.spec()) ? test : data;
        TrainingRun.trainAndSave(Architecture.MLP, data, measured, new TrainingConfig(1, 32, 1e-3f, seed, 0), dir.resolve(name),
                ProgressListener.NONE);
        return dir.resolve(name);
    }

    private void build(Path fleet, long seed, Path target, ProgressListener progress) {
        new ZooBuilder(FleetBuildTest.TINY, seed, fleet, QUIET).build(train, test, null, target, progress);
    }

    private static void refused(String expected, Executable build) {
        InputException e = assertThrows(InputException.class, build);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aSecondBuildOfTheSameDirectoryIsRefusedWhileTheFirstRuns() throws IOException {
        Path target = target("target-a", 3, train);
        Path fleet = dir.resolve("fleet");
        AtomicReference<InputException> second = new AtomicReference<>();
        ProgressListener secondTries = (done, total, message) -> {
            if (second.get() == null) {
                second.set(assertThrows(InputException.class, () -> build(fleet, 5, target, ProgressListener.NONE)));
            }
            throw new FleetBuildTest.Killed();
        };
        assertThrows(FleetBuildTest.Killed.class, () -> build(fleet, 5, target, secondTries));
        assertTrue(second.get().getMessage().contains("another fleet build is running on this directory"), second.get().getMessage());
        byte[] manifest = Files.readAllBytes(fleet.resolve(ZooManifest.FILE_NAME));

        // the killed fleet belongs to target-a and seed 5: another target or seed there is refused, and nothing changes
        refused("was built for another target", () -> build(fleet, 5, target("target-b", 4, train), ProgressListener.NONE));
        refused("holds a fleet fleet-tiny (seed 5); use another --out", () -> build(fleet, 6, target, ProgressListener.NONE));
        assertArrayEquals(manifest, Files.readAllBytes(fleet.resolve(ZooManifest.FILE_NAME)));
        assertTrue(ModelProvenance.class.isInstance(io.modelprint.engine.ModelLoader.checkIntact(fleet.resolve("target"))));
    }

    @Test
    void aDirectoryHoldingAZooOrOtherFilesAndATargetThatCannotBeOneAreRefused() throws IOException {
        Path target = target("target-a", 3, train);
        Path zoo = Files.createDirectories(dir.resolve("zoo"));
        new ZooManifest(1, "quick", 5, "bands", Map.of(), List.of(new ZooEntry("neg-vgg-s105", SuspectGroup.NEGATIVE, "VGG", null,
                Map.of(), 0.8, "neg-vgg-s105", "ab".repeat(32), 1, true)), null).write(zoo);
        byte[] zooManifest = Files.readAllBytes(zoo.resolve(ZooManifest.FILE_NAME));
        refused("holds a zoo of preset quick (seed 5); use another --out directory for the fleet fleet-tiny",
                () -> build(zoo, 5, target, ProgressListener.NONE));
        assertArrayEquals(zooManifest, Files.readAllBytes(zoo.resolve(ZooManifest.FILE_NAME)));
        assertEquals(List.of(ZooManifest.FILE_NAME), List.of(zoo.toFile().list()), "nothing was added to the zoo");

        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve(".profile"), "keep me");
        refused("not empty and not a zoo or fleet directory", () -> build(home, 5, target, ProgressListener.NONE));
        assertEquals("keep me", Files.readString(home.resolve(".profile")), "a dot-file of another program is no leftover");

        RandomForestClassifier forest = RandomForestClassifier.train(train, 3, 1);
        Path rf = dir.resolve("forest");
        forest.save(new ModelProvenance(1, RandomForestClassifier.ARCH, train.spec(), 4, "bands", 120, 1, 0, 0, "rf", 0, 1, 1, null, null,
                null, null), rf);
        refused("a random forest cannot be the target of a fleet", () -> build(dir.resolve("f1"), 5, rf, ProgressListener.NONE));
        refused("not a modelprint model directory", () -> build(dir.resolve("f2"), 5, dir.resolve("none"), ProgressListener.NONE));
        refused(ModelProvenance.FILE_NAME, () -> build(dir.resolve("f3"), 5, home, ProgressListener.NONE));
        Path small = target("target-8x8", 3, SyntheticData.bands(60, 4, 8, 8, 1));
        refused("the target takes", () -> build(dir.resolve("f4"), 5, small, ProgressListener.NONE));
        assertTrue(!Files.exists(dir.resolve("f4")), "a target refused for its input leaves no directory behind");
    }
}
