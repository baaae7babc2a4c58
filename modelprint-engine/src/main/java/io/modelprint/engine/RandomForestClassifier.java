package io.modelprint.engine;

import io.modelprint.InputException;
import io.modelprint.data.ImageDataset;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Classifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * A random forest on flattened pixels (Smile 2.6, LGPL): the paper's label-only negative suspect.
 * Saved as a model directory whose weights file is the serialized forest; reading it accepts only
 * Smile's and the JDK's classes.
 */
public final class RandomForestClassifier implements Classifier {
    public static final String ARCH = "random-forest";
    static final String FOREST_FILE = "forest.ser";
    /** Forest files beyond this are refused unread (the zoo's are well under 10 MB). */
    static final long MAX_FILE_BYTES = 1L << 30;

    private final RandomForest forest;
    private final InputSpec spec;
    private final int numClasses;
    private final String description;
    private final String[] columns;

    private RandomForestClassifier(RandomForest forest, InputSpec spec, int numClasses, String description) {
        this.forest = forest;
        this.spec = spec;
        this.numClasses = numClasses;
        this.description = description;
        this.columns = columnNames(spec.pixelsPerImage());
    }

    /** Trains {@code trees} trees with Smile's defaults otherwise (sqrt(d) features per split, Gini). */
    public static RandomForestClassifier train(ImageDataset data, int trees, long seed) {
        int d = data.spec().pixelsPerImage();
        double[][] rows = rows(data.pixels(), data.size(), d);
        DataFrame frame = DataFrame.of(rows, columnNames(d)).merge(IntVector.of("label", data.labels()));
        RandomForest forest = RandomForest.fit(Formula.lhs("label"), frame, trees, (int) Math.floor(Math.sqrt(d)),
                SplitRule.GINI, 20, 1_000_000, 5, 1.0, null, LongStream.range(seed * 1_000L, seed * 1_000L + trees));
        return new RandomForestClassifier(forest, data.spec(), data.numClasses(), "random forest");
    }

    public ModelProvenance save(ModelProvenance provenance, Path dir) {
        return ModelStore.save(tmp -> {
            try (OutputStream file = Files.newOutputStream(tmp.resolve(FOREST_FILE));
                    ObjectOutputStream out = new ObjectOutputStream(file)) {
                out.writeObject(forest);
            }
            return FOREST_FILE;
        }, provenance, dir);
    }

    static RandomForestClassifier load(Path dir, ModelProvenance provenance) {
        Path file = dir.resolve(provenance.weightsFile());
        try (InputStream raw = Files.newInputStream(file); ObjectInputStream in = new ObjectInputStream(raw)) {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new InputException(file + ": " + size + " bytes is more than a random forest file may hold ("
                        + MAX_FILE_BYTES + ")");
            }
            in.setObjectInputFilter(new ForestInputFilter(size));
            Object read = in.readObject();
            if (!(read instanceof RandomForest forest)) {
                throw new InputException(file + ": not a serialized random forest");
            }
            return new RandomForestClassifier(forest, provenance.inputSpec(), provenance.numClasses(), dir.toString());
        } catch (java.io.InvalidClassException e) {
            throw new InputException(file + ": refused: it asks for objects a random forest does not hold, or more than its"
                    + " size allows (" + e.getMessage() + ")", e);
        } catch (IOException | ClassNotFoundException e) {
            throw new InputException(file + ": cannot read random forest: " + e.getMessage(), e);
        }
    }

    /** Flattened float images as Smile's double rows. */
    private static double[][] rows(float[] values, int n, int d) {
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                rows[i][j] = values[i * d + j];
            }
        }
        return rows;
    }

    private static String[] columnNames(int d) {
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = "p" + j;
        }
        return names;
    }

    @Override
    public InputSpec inputSpec() {
        return spec;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public long[] predictLabels(float[] images, int n) {
        double[][] rows = rows(images, n, spec.pixelsPerImage());
        int[] predicted = forest.predict(DataFrame.of(rows, columns));
        long[] labels = new long[n];
        for (int i = 0; i < n; i++) {
            labels[i] = predicted[i];
        }
        return labels;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        // nothing native to release
    }
}
