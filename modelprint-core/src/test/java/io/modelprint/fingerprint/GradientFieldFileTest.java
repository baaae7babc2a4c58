package io.modelprint.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.io.Npy;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.TinyFingerprints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A modelgif fingerprint keeps the target's gradient field in field.npy: read back as written, refused when it does not fit. */
class GradientFieldFileTest {
    @TempDir
    Path dir;

    private Fingerprint extracted() {
        try (LinearModel target = TinyFingerprints.target(1)) {
            return TinyFingerprints.extract(target, "target", "modelgif", Map.of("steps", 4), TinyFingerprints.DATA, 5, 3);
        }
    }

    /** {@code fingerprint}'s parts with {@code change} applied to its field entry (null: none) and the hash made again. */
    private Path forged(Fingerprint fingerprint, UnaryOperator<byte[]> change) throws IOException {
        FingerprintCodec.Encoded encoded = FingerprintCodec.encode(fingerprint);
        FingerprintParts old = encoded.parts();
        FingerprintParts parts = new FingerprintParts(old.queries(), old.labels(), old.scores(), change.apply(old.field()), old.activations(), old.tensors(),
                old.meta());
        return ForgedFiles.write(dir.resolve("forged.npz"), parts, encoded.meta());
    }

    @Test
    void theFieldIsWrittenAsNumpyAndReadBackAsItWas() {
        Fingerprint fingerprint = extracted();
        Path file = TinyFingerprints.write(dir, "modelgif", fingerprint);
        Fingerprint read = FingerprintFile.read(file);
        assertEquals("gradients", read.meta().access());
        assertEquals(4, read.field().steps());
        assertArrayEquals(fingerprint.field().values(), read.field().values());
        assertEquals(1.0, read.scheme().similarity(read.answers(), fingerprint.answers()), 1e-9);
    }

    @Test
    void aFieldMissingOfAnotherShapeOrNotFiniteIsRefusedEvenWithAValidHash() throws IOException {
        Fingerprint fingerprint = extracted();
        Path missing = forged(fingerprint, field -> null);
        InputException none = assertThrows(InputException.class, () -> FingerprintFile.read(missing));
        assertTrue(none.getMessage().contains("forged.npz") && none.getMessage().contains("compares gradient fields, but the file holds none"),
                none.getMessage());
        Path reshaped = forged(fingerprint, field -> Npy.encode(new float[5 * 4 * 100], 5, 4, 100));
        InputException shape = assertThrows(InputException.class, () -> FingerprintFile.read(reshaped));
        assertTrue(shape.getMessage().contains("field.npy has shape [5, 4, 100]") && shape.getMessage().contains("expected [5, steps, 1x10x10]"),
                shape.getMessage());
        Path otherSteps = forged(fingerprint, field -> Npy.encode(new float[5 * 3 * 100], 5, 3, 1, 10, 10));
        InputException steps = assertThrows(InputException.class, () -> FingerprintFile.read(otherSteps));
        assertTrue(steps.getMessage().contains("3 steps per path, the scheme 4"), steps.getMessage());
        float[] nan = fingerprint.field().values().clone();
        nan[nan.length - 1] = Float.NaN;
        Path notFinite = forged(fingerprint, field -> Npy.encode(nan, 5, 4, 1, 10, 10));
        InputException finite = assertThrows(InputException.class, () -> FingerprintFile.read(notFinite));
        assertTrue(finite.getMessage().contains("field.npy holds a non-finite value (sample 4)"), finite.getMessage());
    }

    @Test
    void aSchemeThatComparesNoGradientsRefusesAFileWithAField() throws IOException {
        Fingerprint fingerprint;
        try (LinearModel target = TinyFingerprints.target(1)) {
            fingerprint = TinyFingerprints.extract("uap", target, 4, 3);
        }
        assertNull(fingerprint.field());
        Path added = forged(fingerprint, field -> Npy.encode(new float[4 * 2 * 100], 4, 2, 1, 10, 10));
        InputException e = assertThrows(InputException.class, () -> FingerprintFile.read(added));
        assertTrue(e.getMessage().contains("scheme uap does not compare gradient fields, but the file holds field.npy"), e.getMessage());
    }
}
