package io.modelprint.engine;

import ai.djl.Model;
import io.modelprint.InputException;
import io.modelprint.io.AtomicFiles;
import io.modelprint.io.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Saves a model directory atomically: weights and {@code provenance.json} are written to a
 * temporary sibling directory that is renamed into place only when complete.
 */
public final class ModelStore {
    static final String MODEL_NAME = "model";
    static final String WEIGHTS_FILE = MODEL_NAME + "-0000.params";

    private ModelStore() {}

    /** Writes a model's weights file into a (temporary) directory and returns the file's name. */
    @FunctionalInterface
    public interface WeightsWriter {
        String writeInto(Path dir) throws IOException;
    }

    /** Writes {@code model} and its provenance (weights hash filled in) to {@code dir}, replacing it. */
    public static ModelProvenance save(Model model, ModelProvenance provenance, Path dir) {
        return save(tmp -> {
            model.save(tmp, MODEL_NAME);
            return WEIGHTS_FILE;
        }, provenance, dir);
    }

    /** Writes weights (by {@code writer}) and provenance to {@code dir} atomically, replacing an earlier model there. */
    public static ModelProvenance save(WeightsWriter writer, ModelProvenance provenance, Path dir) {
        Path target = dir.toAbsolutePath();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new InputException(dir + ": exists and is not a directory");
        }
        if (Files.isDirectory(target) && !isEmpty(target) && !Files.exists(target.resolve(ModelProvenance.FILE_NAME))) {
            throw new InputException(dir + ": exists and is not a modelprint model directory; refusing to replace it");
        }
        Path tmp = null;
        Path old = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
            String weightsFile = writer.writeInto(tmp);
            Path weights = tmp.resolve(weightsFile);
            ModelProvenance complete = new ModelProvenance(ModelProvenance.FORMAT_VERSION, provenance.arch(),
                    provenance.inputSpec(), provenance.numClasses(), provenance.dataset(), provenance.trainImages(),
                    provenance.seed(), provenance.epochs(), provenance.batchSize(), provenance.optimizer(),
                    provenance.learningRate(), provenance.testAccuracy(), provenance.seconds(), weightsFile,
                    Sha256.ofFile(weights), provenance.parent(), provenance.extra());
            Files.write(tmp.resolve(ModelProvenance.FILE_NAME), Json.MAPPER.writeValueAsBytes(complete));
            if (Files.exists(target)) {
                old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old.");
                Files.delete(old);
                Files.move(target, old);
            }
            try {
                AtomicFiles.moveIntoPlace(tmp, target);
            } catch (IOException e) {
                if (old != null && !Files.exists(target)) {
                    Files.move(old, target); // the previous model comes back rather than being lost
                    old = null;
                }
                throw e;
            }
            tmp = null;
            return complete;
        } catch (IOException e) {
            throw new io.modelprint.InputException("cannot save model to " + dir + ": " + io.modelprint.io.IoReasons.of(e), e);
        } finally {
            deleteTree(tmp);
            deleteTree(old);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path root) {
        AtomicFiles.deleteTreeQuietly(root);
    }
}
