package io.modelprint.lab.zoo;

import io.modelprint.InputException;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.engine.RandomForestClassifier;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The directory a zoo or fleet is built in, checked before anything is written to it: one that
 * holds something else is refused (a build removes the dot-named leftovers of a killed one, which
 * must never be another program's files), and so is one holding another plan, seed or target. The
 * existing target is copied in under {@code target/}.
 */
final class BuildDirectory {
    private final Path dir;
    private final BuildPlan plan;
    private final String what;

    BuildDirectory(Path dir, BuildPlan plan) {
        this.dir = dir;
        this.plan = plan;
        this.what = plan.what();
    }

    /** The provenance of {@code source}, if it can be a target: an intact model of an architecture modelprint trains. */
    ModelProvenance checkTarget(Path source) {
        if (!Files.isDirectory(source)) {
            throw new InputException(source + ": not a modelprint model directory (no such directory)");
        }
        ModelProvenance provenance = ModelLoader.checkIntact(source);
        if (RandomForestClassifier.ARCH.equals(provenance.arch())) {
            throw new InputException(source + ": a random forest cannot be the target of a " + what + " (its copies are made from"
                    + " a neural network's weights and gradients)");
        }
        if (Arrays.stream(Architecture.values()).noneMatch(a -> a.cliName().equalsIgnoreCase(provenance.arch()))) {
            throw new InputException(source + ": architecture '" + provenance.arch() + "' is not one modelprint trains ("
                    + Architecture.cliNames() + "), and a " + what + " trains and copies models of its target's architecture");
        }
        return provenance;
    }

    /**
     * Refused unless the directory is missing, empty, or holds this plan and seed (and, when
     * {@code target} is given, that target); returns its manifest if it has one. Writes nothing.
     */
    Optional<ZooManifest> checkHolds(long seed, ModelProvenance target) {
        if (!Files.isDirectory(dir)) {
            if (Files.exists(dir)) {
                throw new InputException(dir + ": not a directory; use another --out");
            }
            return Optional.empty();
        }
        if (!isBuildDirectory()) {
            throw new InputException(dir + ": not empty and not a zoo or fleet directory (no " + ZooManifest.FILE_NAME
                    + "); use a new or empty --out directory");
        }
        Optional<ZooManifest> found = ZooManifest.read(dir);
        if (found.isPresent() && (!found.get().preset().equals(plan.name()) || found.get().seed() != seed)) {
            throw new InputException(dir + " holds " + describe(found.get()) + "; use another --out directory for the " + what + " "
                    + plan.name() + " (seed " + seed + ")");
        }
        Path targetDir = dir.resolve("target");
        if (target != null && Files.isDirectory(targetDir)) {
            ModelProvenance existing = ModelLoader.checkIntact(targetDir);
            if (!existing.weightsSha256().equals(target.weightsSha256())) {
                throw new InputException(dir + " was built for another target (weights " + existing.weightsSha256()
                        + "); use another --out directory");
            }
        }
        return found;
    }

    /** "a zoo of preset quick (seed 0)", "a fleet fleet-quick (seed 7)": what a directory holds, for a refusal. */
    private static String describe(ZooManifest manifest) {
        // a fleet's preset is named fleet-<size> (lab.fleet.FleetPreset); its members say so too
        boolean fleet = manifest.preset().startsWith("fleet-") || manifest.entries().stream()
                .anyMatch(e -> e.group() == SuspectGroup.SURROGATE || e.group() == SuspectGroup.REFERENCE);
        return (fleet ? "a fleet " : "a zoo of preset ") + manifest.preset() + " (seed " + manifest.seed() + ")";
    }

    private boolean isBuildDirectory() {
        if (Files.exists(dir.resolve(ZooManifest.FILE_NAME)) || Files.exists(dir.resolve(ZooLock.FILE_NAME))
                || Files.isDirectory(dir.resolve("target"))) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list: " + e.getMessage());
        }
    }

    void create() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException(dir + ": cannot create the " + what + " directory: " + e.getMessage());
        }
    }

    /** Refused unless the target {@code source} takes the images and classes of {@code train}. */
    static void requireTargetFits(Path source, ModelProvenance provenance, ImageDataset train) {
        if (!provenance.inputSpec().compatibleWith(train.spec()) || provenance.numClasses() != train.numClasses()) {
            throw new InputException(source + ": the target takes " + provenance.inputSpec() + " with " + provenance.numClasses()
                    + " classes, but " + train.name() + " has " + train.spec() + " with " + train.numClasses() + " classes");
        }
    }

    /** Copies the target {@code source} in (unless it is there already), once it is known to answer {@code train}'s task. */
    void adoptTarget(Path source, ModelProvenance provenance, ImageDataset train) {
        requireTargetFits(source, provenance, train);
        Path targetDir = dir.resolve("target");
        if (Files.isDirectory(targetDir)) {
            return; // checkHolds found the same weights there
        }
        try {
            Path tmp = Files.createTempDirectory(dir, ".target.");
            Files.copy(source.resolve(provenance.weightsFile()), tmp.resolve(provenance.weightsFile()));
            Files.copy(source.resolve(ModelProvenance.FILE_NAME), tmp.resolve(ModelProvenance.FILE_NAME));
            AtomicFiles.moveIntoPlace(tmp, targetDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the target into " + dir + ": " + e.getMessage(), e);
        }
    }
}
