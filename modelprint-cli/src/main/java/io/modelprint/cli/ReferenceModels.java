package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.fingerprint.Calibration;
import io.modelprint.io.Sha256;
import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import io.modelprint.model.remote.RemoteClassifier;
import io.modelprint.verify.CalibrationReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The reference negatives named on calibrate's command line, as calibrations take them: with a kind
 * where it can be known (a zoo negative's architecture and data, e.g. {@code mlp-full};
 * {@value Calibration#UNSPECIFIED} for --negatives) and the SHA-256 of their weights where it can be
 * read (a model directory's provenance, a model file's bytes; none for a URL).
 */
final class ReferenceModels {
    private static final Pattern KIND_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    private ReferenceModels() {}

    /** {@code paths} (model directories, files or URLs) of one {@code kind}, each opened with {@code options}. */
    static List<CalibrationReference> named(List<String> paths, String kind, SuspectOptions options) {
        List<CalibrationReference> references = new ArrayList<>();
        for (String path : paths) {
            references.add(reference(path, kind, options));
        }
        return references;
    }

    /** --negatives-kind (null when not given): a short name (it becomes a key of the calibration's kinds), only beside --negatives. */
    static String kindOfNamed(String kind, boolean negativesGiven) {
        if (kind == null) {
            return Calibration.UNSPECIFIED;
        }
        if (!negativesGiven) {
            throw new InputException("--negatives-kind " + kind + " names the kind of --negatives models, but none were given");
        }
        if (!KIND_NAME.matcher(kind).matches()) {
            throw new InputException("--negatives-kind: expected a short name of lower-case letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit, at most 40 characters (e.g. pytorch-cnn), got '" + kind + "'");
        }
        return kind;
    }

    /** Every negative of the zoo in {@code zoo} that answers the target's task; the others are skipped with a word. */
    static List<CalibrationReference> zoo(Path zoo, SuspectOptions options) {
        ZooManifest manifest = ZooManifest.read(zoo)
                .orElseThrow(() -> new InputException("--zoo " + zoo + ": no " + ZooManifest.FILE_NAME));
        List<CalibrationReference> references = new ArrayList<>();
        int otherTask = 0;
        for (ZooEntry entry : manifest.entries()) {
            if (entry.group() != SuspectGroup.NEGATIVE) {
                continue;
            }
            // negatives trained for another task (the transfer family's) answer other classes
            if (SuspectFamily.task(entry) != null) {
                otherTask++;
            } else {
                references.add(reference(zoo.resolve(entry.path()).toString(), kind(entry), options));
            }
        }
        if (otherTask > 0) {
            System.err.printf("calibrate: %d negatives of %s answer another task than the target's and were skipped%n",
                    otherTask, zoo);
        }
        return references;
    }

    /** A zoo negative's kind: its architecture, and whether it saw the full training split or a subset ("mlp-full"). */
    static String kind(ZooEntry entry) {
        String arch = entry.kind() == null ? Calibration.UNSPECIFIED : entry.kind().toLowerCase(Locale.ROOT);
        Object data = entry.parameters() == null ? null : entry.parameters().get("data");
        return data == null ? arch : arch + "-" + data;
    }

    private static CalibrationReference reference(String path, String kind, SuspectOptions options) {
        return new CalibrationReference(path, kind, weightsSha256(path), fingerprint -> options.open(path, fingerprint));
    }

    /** The weights' SHA-256: a model directory's as its provenance records (checked), a model file's bytes; null when unknown. */
    static String weightsSha256(String reference) {
        if (RemoteClassifier.isUrl(reference)) {
            return null;
        }
        Path path = Path.of(reference);
        if (Files.isDirectory(path) && Files.isRegularFile(path.resolve(ModelProvenance.FILE_NAME))) {
            return ModelLoader.checkIntact(path).weightsSha256();
        }
        return Files.isRegularFile(path) ? Sha256.ofFile(path) : null;
    }
}
