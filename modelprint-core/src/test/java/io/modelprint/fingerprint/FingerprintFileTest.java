package io.modelprint.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.io.Npy;
import io.modelprint.scheme.Queries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintFileTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/fingerprint-v1.npz");

    @TempDir
    Path dir;

    /** The fingerprint pinned by the golden file: 3 queries of 1x2x2, values i/16, labels 7,0,3. */
    static Fingerprint goldenFingerprint() {
        float[] values = new float[12];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 16f;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("k", 3.0);
        parameters.put("lr", 0.01);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("converged", 3);
        FingerprintMeta meta = new FingerprintMeta(1, "ipguard", "labels", "matching-rate", null, parameters,
                InputSpec.unitRange(1, 2, 2), 10, "target-model", "ab".repeat(32), 42, "uniform",
                "2026-01-01T00:00:00Z", stats, null, null, null, null);
        return new Fingerprint(new Queries(InputSpec.unitRange(1, 2, 2), values, 3), new long[] {7, 0, 3}, meta);
    }

    static final Path GOLDEN_V2 = Path.of("src/test/resources/golden/fingerprint-v2.npz");

    /** A version 2 score fingerprint: 3 queries of 1x2x2, 3 classes, logits i - 4. */
    static Fingerprint goldenV2Fingerprint() {
        float[] values = new float[12];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 16f;
        }
        float[] scores = new float[9];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i - 4;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("augment", true);
        parameters.put("n", 3);
        FingerprintMeta meta = new FingerprintMeta(2, "sac-w", "cosine-correlation-matrix", "one-minus-mean-absolute-difference",
                "scores", parameters, InputSpec.unitRange(1, 2, 2), 3, "target-model", "cd".repeat(32), 7, "data:bands",
                "2026-01-01T00:00:00Z", Map.of("queries", 3), null, null, null, null);
        return new Fingerprint(new Queries(InputSpec.unitRange(1, 2, 2), values, 3), new long[] {2, 2, 2}, scores, meta);
    }

    @Test
    void version2GoldenFileHasTheDocumentedLayoutAndReadsBack() throws IOException {
        Path file = dir.resolve("v2.npz");
        FingerprintFile.write(file, goldenV2Fingerprint());
        if (Boolean.getBoolean("golden.update")) {
            Files.copy(file, GOLDEN_V2, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertArrayEquals(Files.readAllBytes(GOLDEN_V2), Files.readAllBytes(file));
        try (ZipFile zip = new ZipFile(GOLDEN_V2.toFile())) {
            assertEquals(4, zip.size());
            Npy.Array scores = Npy.decode(read(zip, "scores.npy"));
            assertEquals("<f4", scores.dtype());
            assertArrayEquals(new long[] {3, 3}, scores.shape());
            String meta = new String(read(zip, "meta.json"), StandardCharsets.UTF_8);
            assertTrue(meta.contains("\"formatVersion\" : 2") && meta.contains("\"access\" : \"scores\""), meta);
        }
        Fingerprint read = FingerprintFile.read(GOLDEN_V2);
        assertArrayEquals(goldenV2Fingerprint().scores(), read.scores());
        assertEquals("sac-w", read.scheme().name());
    }

    @Test
    void version2RefusesUnknownSchemesChangedMetaAndNonsense() throws IOException {
        Path file = dir.resolve("v2.npz");
        FingerprintFile.write(file, goldenV2Fingerprint());
        Path edited = dir.resolve("edited.npz");
        rewrite(file, edited, "meta.json", b -> new String(b, StandardCharsets.UTF_8).replace("\"numClasses\" : 3",
                "\"numClasses\" : 4").getBytes(StandardCharsets.UTF_8));
        InputException changed = assertThrows(InputException.class, () -> FingerprintFile.read(edited));
        assertTrue(changed.getMessage().contains("hash mismatch"), changed.getMessage());

        Fingerprint golden = goldenV2Fingerprint();
        FingerprintMeta m = golden.meta();
        Path unknown = dir.resolve("unknown.npz");
        FingerprintFile.write(unknown, golden.withMeta(new FingerprintMeta(2, "sac-x", m.representation(), m.distance(),
                m.access(), m.parameters(), m.inputSpec(), 3, m.targetModel(), m.targetSha256(), 7, m.seedSource(),
                m.createdAt(), m.stats(), null, null, null, null)));
        InputException e = assertThrows(InputException.class, () -> FingerprintFile.read(unknown));
        assertTrue(e.getMessage().contains("'sac-x'") && e.getMessage().contains("sac-w-hard"), e.getMessage());

        Path outside = dir.resolve("outside.npz");
        FingerprintFile.write(outside, new Fingerprint(golden.queries(), new long[] {2, 3, 0}, golden.scores(), m));
        InputException label = assertThrows(InputException.class, () -> FingerprintFile.read(outside));
        assertTrue(label.getMessage().contains("label 3") && label.getMessage().contains("outside"), label.getMessage());

        float[] nan = golden.queries().values().clone();
        nan[5] = Float.NaN;
        Path nanFile = dir.resolve("nan.npz");
        FingerprintFile.write(nanFile, new Fingerprint(new Queries(golden.queries().spec(), nan, 3), golden.labels(), golden.scores(), m));
        InputException nanError = assertThrows(InputException.class, () -> FingerprintFile.read(nanFile));
        assertTrue(nanError.getMessage().contains("query 1") && nanError.getMessage().contains("non-finite"), nanError.getMessage());
    }

    @Test
    void newFingerprintsAreOwnerOnlyAndARewriteKeepsTheFilesMode() throws IOException {
        Path file = dir.resolve("private.npz");
        FingerprintFile.write(file, goldenV2Fingerprint());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        FingerprintFile.write(file, goldenV2Fingerprint());
        assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aBundleHoldsEachSchemeAndRefusesAChangedOrMissingMember() throws IOException {
        Fingerprint sac = goldenV2Fingerprint();
        Fingerprint ipguard = FingerprintFile.read(GOLDEN);
        Path bundle = dir.resolve("bundle.npz");
        FingerprintFile.writeBundle(bundle, java.util.List.of(sac, ipguard));
        java.util.List<Fingerprint> members = FingerprintFile.readBundle(bundle);
        assertEquals(java.util.List.of("sac-w", "ipguard"), members.stream().map(m -> m.meta().scheme()).toList());
        assertArrayEquals(sac.scores(), members.get(0).scores());
        assertArrayEquals(ipguard.labels(), members.get(1).labels());
        InputException single = assertThrows(InputException.class, () -> FingerprintFile.read(bundle));
        assertTrue(single.getMessage().contains("bundle of 2 schemes"), single.getMessage());

        Path dropped = dir.resolve("dropped.npz");
        rewrite(bundle, dropped, "bundle.json", b -> new String(b, StandardCharsets.UTF_8).replace("\"sac-w\", ", "")
                .getBytes(StandardCharsets.UTF_8));
        InputException missing = assertThrows(InputException.class, () -> FingerprintFile.readBundle(dropped));
        assertTrue(missing.getMessage().contains("members were changed, removed or reordered"), missing.getMessage());

        Path changed = dir.resolve("changed.npz");
        rewrite(bundle, changed, "ipguard/labels.npy", b -> {
            byte[] copy = b.clone();
            copy[copy.length - 8] ^= 1;
            return copy;
        });
        InputException member = assertThrows(InputException.class, () -> FingerprintFile.readBundle(changed));
        assertTrue(member.getMessage().contains("member ipguard") && member.getMessage().contains("hash mismatch"),
                member.getMessage());
    }

    private static void rewrite(Path from, Path to, String name, java.util.function.UnaryOperator<byte[]> change) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                byte[] bytes = read(zip, entry.getName());
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().equals(name) ? change.apply(bytes) : bytes);
                out.closeEntry();
            }
        }
    }

    @Test
    void goldenFileReadsBackWithTheDocumentedLayout() throws IOException {
        try (ZipFile zip = new ZipFile(GOLDEN.toFile())) {
            assertEquals(3, zip.size());
            Npy.Array queries = Npy.decode(read(zip, "queries.npy"));
            Npy.Array labels = Npy.decode(read(zip, "labels.npy"));
            assertEquals("<f4", queries.dtype());
            assertArrayEquals(new long[] {3, 1, 2, 2}, queries.shape());
            assertEquals("<i8", labels.dtype());
            assertArrayEquals(new long[] {7, 0, 3}, labels.toLongs());
            String meta = new String(read(zip, "meta.json"), StandardCharsets.UTF_8);
            assertTrue(meta.contains("\"formatVersion\" : 1"), meta);
            assertTrue(meta.contains("\"contentSha256\""), meta);
        }
        Fingerprint read = FingerprintFile.read(GOLDEN);
        Fingerprint expected = goldenFingerprint();
        assertArrayEquals(expected.queries().values(), read.queries().values());
        assertArrayEquals(expected.labels(), read.labels());
        assertEquals(expected.meta().inputSpec(), read.meta().inputSpec());
        assertEquals(42, read.meta().seed());
        assertEquals(3.0, ((Number) read.meta().parameters().get("k")).doubleValue());
    }

    @Test
    void writingTheGoldenFingerprintGivesTheGoldenBytes() throws IOException {
        Path file = dir.resolve("fp.npz");
        FingerprintFile.write(file, goldenFingerprint());
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.copy(file, GOLDEN, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertArrayEquals(Files.readAllBytes(GOLDEN), Files.readAllBytes(file));
    }

    @Test
    void tamperedArraysAreRefused() throws IOException {
        Path file = dir.resolve("fp.npz");
        FingerprintFile.write(file, goldenFingerprint());
        Path tampered = dir.resolve("tampered.npz");
        try (ZipFile zip = new ZipFile(file.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (String name : new String[] {"queries.npy", "labels.npy", "meta.json"}) {
                byte[] bytes = read(zip, name);
                if (name.equals("labels.npy")) {
                    bytes[bytes.length - 8] = 1;
                }
                out.putNextEntry(new ZipEntry(name));
                out.write(bytes);
                out.closeEntry();
            }
        }
        InputException e = assertThrows(InputException.class, () -> FingerprintFile.read(tampered));
        assertTrue(e.getMessage().contains(tampered.toString()) && e.getMessage().contains("hash mismatch"), e.getMessage());
    }

    @Test
    void truncatedEmptyOrForeignFilesAreRefused() throws IOException {
        Path file = dir.resolve("fp.npz");
        FingerprintFile.write(file, goldenFingerprint());
        byte[] bytes = Files.readAllBytes(file);
        for (int cut : new int[] {bytes.length - 10, bytes.length / 2, 0}) {
            Path truncated = dir.resolve("cut" + cut + ".npz");
            Files.write(truncated, Arrays.copyOf(bytes, cut));
            InputException e = assertThrows(InputException.class, () -> FingerprintFile.read(truncated));
            assertTrue(e.getMessage().startsWith(truncated.toString()), e.getMessage());
        }
        Path text = dir.resolve("notes.npz");
        Files.writeString(text, "hello");
        assertThrows(InputException.class, () -> FingerprintFile.read(text));
        InputException missing = assertThrows(InputException.class, () -> FingerprintFile.read(dir.resolve("none.npz")));
        assertTrue(missing.getMessage().contains("no such"), missing.getMessage());
    }

    @Test
    void failedWriteLeavesNoFileBehind() throws IOException {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file, not a directory");
        Path target = blocker.resolve("fp.npz");
        assertThrows(RuntimeException.class, () -> FingerprintFile.write(target, goldenFingerprint()));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        Path existing = dir.resolve("keep.npz");
        FingerprintFile.write(existing, goldenFingerprint());
        byte[] before = Files.readAllBytes(existing);
        assertThrows(RuntimeException.class, () -> io.modelprint.io.AtomicFiles.write(existing, out -> {
            out.write(new byte[] {1, 2, 3});
            throw new IOException("disk full (simulated)");
        }));
        assertArrayEquals(before, Files.readAllBytes(existing));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
    }

    private static byte[] read(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return in.readAllBytes();
        }
    }
}
