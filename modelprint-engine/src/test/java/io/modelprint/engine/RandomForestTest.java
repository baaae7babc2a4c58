package io.modelprint.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.data.ImageDataset;
import io.modelprint.model.Classifier;
import io.modelprint.scheme.Labels;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomForestTest {
    @TempDir
    Path dir;

    private static float[] pixels(ImageDataset data) {
        int d = data.spec().pixelsPerImage();
        float[] all = new float[data.size() * d];
        for (int i = 0; i < data.size(); i++) {
            data.copyImage(i, all, i * d);
        }
        return all;
    }

    @Test
    void forestAnswersLabelsThroughTheClassifierInterfaceAndSurvivesSaving() {
        ImageDataset train = SyntheticData.bands(200, 4, 8, 8, 1);
        ImageDataset test = SyntheticData.bands(40, 4, 8, 8, 2);
        RandomForestClassifier forest = RandomForestClassifier.train(train, 20, 7);
        long[] labels = Labels.predict(forest, pixels(test), test.size());
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += labels[i] == test.label(i) ? 1 : 0;
        }
        assertTrue(correct >= 36, "a forest separates the bands: " + correct + "/40");
        ModelProvenance provenance = new ModelProvenance(1, RandomForestClassifier.ARCH, train.spec(), 4, "bands", 200, 7, 0, 0,
                "random-forest(20 trees)", 0, 0.9, 1, null, null, null, null);
        forest.save(provenance, dir.resolve("rf"));
        try (Classifier loaded = ModelLoader.loadClassifier(dir.resolve("rf"), null)) {
            assertArrayEquals(labels, Labels.predict(loaded, pixels(test), test.size()));
        }
    }

    @Test
    void foreignSerializedObjectsAreRefused() throws IOException {
        ImageDataset train = SyntheticData.bands(40, 2, 4, 4, 1);
        RandomForestClassifier forest = RandomForestClassifier.train(train, 2, 1);
        ModelProvenance provenance = new ModelProvenance(1, RandomForestClassifier.ARCH, train.spec(), 2, "bands", 40, 1, 0, 0,
                "rf", 0, 1, 1, null, null, null, null);
        Path rf = dir.resolve("evil");
        forest.save(provenance, rf);
        Path file = rf.resolve(RandomForestClassifier.FOREST_FILE);
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(new javax.swing.JLabel("not a forest"));
        }
        String sha = io.modelprint.io.Sha256.ofFile(file);
        String json = Files.readString(rf.resolve(ModelProvenance.FILE_NAME)).replaceAll("\"weightsSha256\" : \"[0-9a-f]+\"",
                "\"weightsSha256\" : \"" + sha + "\"");
        Files.writeString(rf.resolve(ModelProvenance.FILE_NAME), json);
        InputException e = assertThrows(InputException.class, () -> ModelLoader.loadClassifier(rf, null));
        assertTrue(e.getMessage().contains("cannot read random forest"), e.getMessage());
        assertEquals(RandomForestClassifier.ARCH, ModelLoader.readProvenance(rf).arch());
    }
}
