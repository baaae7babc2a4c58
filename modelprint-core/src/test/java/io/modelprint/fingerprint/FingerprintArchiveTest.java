package io.modelprint.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.io.ZipBytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a fingerprint file may hold, read from a file and from memory (a registry's copy) alike. */
class FingerprintArchiveTest {
    private static final String REGISTRY_COPY = "registry entry 7";

    @TempDir
    Path dir;

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FingerprintArchive.write(out, entries);
        return out.toByteArray();
    }

    /** {@code zip} with one more entry, after the others. */
    private static byte[] with(byte[] zip, String name, byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(FingerprintArchive.read("test", zip));
        entries.put(name, bytes);
        return zip(entries);
    }

    /** Refused from a file and from memory for the same reason; returns that reason. */
    private String refused(byte[] zip) throws IOException {
        Path file = dir.resolve("fp.npz");
        Files.write(file, zip);
        String fromFile = assertThrows(InputException.class, () -> FingerprintFile.readBundle(file)).getMessage();
        String fromMemory = assertThrows(InputException.class, () -> FingerprintFile.readBundle(REGISTRY_COPY, zip))
                .getMessage();
        assertTrue(fromFile.startsWith(file.toString()), fromFile);
        assertEquals(fromFile.substring(file.toString().length()), fromMemory.substring(REGISTRY_COPY.length()));
        return fromMemory;
    }

    private byte[] bundle() throws IOException {
        Path bundle = dir.resolve("bundle.npz");
        FingerprintFile.writeBundle(bundle, List.of(FingerprintFileTest.goldenV2Fingerprint(),
                FingerprintFile.read(FingerprintFileTest.GOLDEN)));
        return Files.readAllBytes(bundle);
    }

    @Test
    void anEntryWhoseDeclaredSizeLiesIsRefusedFromMemoryAsFromAFile() throws IOException {
        byte[] smaller = Files.readAllBytes(FingerprintFileTest.GOLDEN_V2);
        long size = ZipBytes.field(smaller, "labels.npy", ZipBytes.SIZE);
        ZipBytes.setField(smaller, "labels.npy", ZipBytes.SIZE, size - 8);
        String lie = refused(smaller);
        assertTrue(lie.contains("labels.npy inflates to " + size + " bytes but its header says " + (size - 8)), lie);

        byte[] oversized = Files.readAllBytes(FingerprintFileTest.GOLDEN_V2);
        ZipBytes.setField(oversized, "queries.npy", ZipBytes.SIZE, 1L << 31);
        String tooBig = refused(oversized);
        assertTrue(tooBig.contains("queries.npy declares 2147483648 bytes; at most 1073741824"), tooBig);
    }

    @Test
    void anEntryThatInflatesBeyondWhatItsHeaderSaysIsRefusedByTheBytesRead() throws IOException {
        byte[] bomb = zip(Map.of("queries.npy", new byte[4 << 20]));
        ZipBytes.setField(bomb, "queries.npy", ZipBytes.SIZE, 100);
        InputException e = assertThrows(InputException.class, () -> FingerprintArchive.read("bomb.npz", bomb, 1 << 20));
        assertTrue(e.getMessage().contains("inflates beyond 1048576") && e.getMessage().contains("says 100"), e.getMessage());
    }

    @Test
    void anEntryNamedTwiceIsRefusedRatherThanOneOfThemTaken() throws IOException {
        byte[] golden = Files.readAllBytes(FingerprintFileTest.GOLDEN_V2);
        byte[] otherLabels = FingerprintArchive.read("golden", golden).get("labels.npy").clone();
        otherLabels[otherLabels.length - 8] ^= 1;
        byte[] twice = ZipBytes.rename(with(golden, "labelz.npy", otherLabels), "labelz.npy", "labels.npy");
        String reason = refused(twice);
        assertTrue(reason.contains("entry labels.npy is in the zip twice"), reason);
    }

    @Test
    void entriesAFingerprintDoesNotDefineAreRefused() throws IOException {
        byte[] golden = Files.readAllBytes(FingerprintFileTest.GOLDEN_V2);
        byte[] script = "rm -rf ~".getBytes(StandardCharsets.UTF_8);
        String evil = refused(with(golden, "../../evil.sh", script));
        assertTrue(evil.contains("entry '../../evil.sh' is not part of a modelprint fingerprint"), evil);

        byte[] scores = FingerprintArchive.read("golden", golden).get("scores.npy");
        String unhashed = refused(with(Files.readAllBytes(FingerprintFileTest.GOLDEN), "scores.npy", scores));
        assertTrue(unhashed.contains("a version 1 fingerprint holds labels only"), unhashed);

        byte[] bundle = bundle();
        String inBundle = refused(with(bundle, "../../evil.sh", script));
        assertTrue(inBundle.contains("entry '../../evil.sh' is not part of"), inBundle);
        String unlisted = refused(with(bundle, "zest/queries.npy", scores));
        assertTrue(unlisted.contains("entry 'zest/queries.npy' is not part of"), unlisted);
    }

    @Test
    void aBundleMemberMustBeNamedByItsScheme() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(FingerprintArchive.read("bundle", bundle()));
        String json = new String(entries.get(FingerprintBundle.BUNDLE), StandardCharsets.UTF_8);
        entries.put(FingerprintBundle.BUNDLE, json.replace("\"ipguard\"", "\"..\"").getBytes(StandardCharsets.UTF_8));
        String dots = refused(zip(entries));
        assertTrue(dots.contains("lists a member named '..'"), dots);

        Map<String, byte[]> renamed = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> renamed.put(name.replace("ipguard/", "akh/"), bytes));
        renamed.put(FingerprintBundle.BUNDLE, json.replace("\"ipguard\"", "\"akh\"").getBytes(StandardCharsets.UTF_8));
        String other = refused(zip(renamed));
        assertTrue(other.contains("(member akh): holds a fingerprint of scheme ipguard"), other);
    }
}
