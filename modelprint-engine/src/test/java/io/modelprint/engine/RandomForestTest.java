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

    /** A forest directory whose forest file holds {@code bytes}, with provenance hashes matching (the attacker controls both). */
    private Path forestFileHolding(String name, byte[] bytes) throws IOException {
        ImageDataset train = SyntheticData.bands(40, 2, 4, 4, 1);
        RandomForestClassifier forest = RandomForestClassifier.train(train, 2, 1);
        ModelProvenance provenance = new ModelProvenance(1, RandomForestClassifier.ARCH, train.spec(), 2, "bands", 40, 1, 0, 0,
                "rf", 0, 1, 1, null, null, null, null);
        Path rf = dir.resolve(name);
        forest.save(provenance, rf);
        Path file = rf.resolve(RandomForestClassifier.FOREST_FILE);
        Files.write(file, bytes);
        String sha = io.modelprint.io.Sha256.ofFile(file);
        String json = Files.readString(rf.resolve(ModelProvenance.FILE_NAME)).replaceAll("\"weightsSha256\" : \"[0-9a-f]+\"",
                "\"weightsSha256\" : \"" + sha + "\"");
        Files.writeString(rf.resolve(ModelProvenance.FILE_NAME), json);
        return rf;
    }

    private static byte[] serialized(Object object) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.toByteArray();
    }

    @Test
    void foreignSerializedObjectsAreRefused() throws IOException {
        Path rf = forestFileHolding("evil", serialized(new javax.swing.JLabel("not a forest")));
        InputException e = assertThrows(InputException.class, () -> ModelLoader.loadClassifier(rf, null));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertEquals(RandomForestClassifier.ARCH, ModelLoader.readProvenance(rf).arch());
    }

    @Test
    void aTinyFileDeclaringAHugeArrayIsRefusedBeforeItIsAllocated() throws IOException {
        byte[] bytes = serialized(new int[] {7, 7, 7});
        // the array's length field (00 00 00 03) sits just before its 12 bytes of data: declare 0x7ffffff0 and cut the data
        int at = bytes.length - 12 - 4;
        java.nio.ByteBuffer.wrap(bytes, at, 4).putInt(0x7ffffff0);
        Path rf = forestFileHolding("huge", java.util.Arrays.copyOf(bytes, at + 4));
        InputException e = assertThrows(InputException.class, () -> ModelLoader.loadClassifier(rf, null));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void nestedHashSetsAreRefused() throws IOException {
        java.util.Set<Object> root = new java.util.HashSet<>();
        java.util.Set<Object> a = root;
        for (int i = 0; i < 40; i++) {
            java.util.Set<Object> b = new java.util.HashSet<>();
            a.add(b);
            a = b;
        }
        Path rf = forestFileHolding("sets", serialized(root));
        InputException e = assertThrows(InputException.class, () -> ModelLoader.loadClassifier(rf, null));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }
}
