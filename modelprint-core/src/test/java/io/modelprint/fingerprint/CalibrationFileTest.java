package io.modelprint.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationFileTest {
    @TempDir
    Path dir;

    private static final double[] SIMILARITIES = {0.2, 0.3, 0.25, 0.6};

    private Path write(String name, Calibration calibration) {
        Fingerprint fingerprint = FingerprintFileTest.goldenV2Fingerprint();
        Path file = dir.resolve(name + ".npz");
        FingerprintFile.write(file, fingerprint.withMeta(fingerprint.meta().withCalibration(calibration)));
        return file;
    }

    private static String metaJson(Path file) throws java.io.IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("meta.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void kindsAndWeightHashesRoundTrip() {
        List<String> kinds = List.of("subset", "subset", "same-recipe", Calibration.UNSPECIFIED);
        List<String> hashes = Arrays.asList("aa".repeat(32), "bb".repeat(32), "cc".repeat(32), null);
        Calibration calibration = new Calibration(Calibration.STUDENT_T, List.of("a", "b", "c", "d"), SIMILARITIES, 3, kinds, hashes);
        Calibration read = FingerprintFile.read(write("kinds", calibration)).meta().calibration();
        assertEquals(kinds, read.kinds());
        assertEquals(hashes, read.weightsSha256());
        assertArrayEquals(SIMILARITIES, read.rates());
        assertEquals(List.of("subset", "same-recipe", Calibration.UNSPECIFIED), List.copyOf(read.ratesByKind().keySet()));
        assertArrayEquals(new double[] {0.2, 0.3}, read.ratesByKind().get("subset"));
    }

    @Test
    void aCalibrationWithoutKindsIsWrittenAndReadAsBefore() throws java.io.IOException {
        Path file = write("plain", new Calibration(Calibration.STUDENT_T, List.of("a", "b", "c", "d"), SIMILARITIES, 3));
        String meta = metaJson(file);
        assertTrue(meta.contains("\"calibration\""), meta);
        assertFalse(meta.contains("kinds") || meta.contains("weightsSha256"), "no new keys in an old-style calibration: " + meta);
        Calibration read = FingerprintFile.read(file).meta().calibration();
        assertNull(read.kinds());
        assertTrue(read.ratesByKind().isEmpty());
    }

    @Test
    void kindsThatDoNotMatchTheReferencesAreRefused() {
        Path file = write("short", new Calibration(Calibration.STUDENT_T, List.of("a", "b", "c", "d"), SIMILARITIES, 3,
                List.of("subset"), null));
        InputException e = assertThrows(InputException.class, () -> FingerprintFile.read(file));
        assertTrue(e.getMessage().contains("1 kinds for 4 references"), e.getMessage());
    }
}
