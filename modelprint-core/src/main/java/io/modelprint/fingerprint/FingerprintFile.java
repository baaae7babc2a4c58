package io.modelprint.fingerprint;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelprint.InputException;
import io.modelprint.io.AtomicFiles;
import io.modelprint.io.Npy;
import io.modelprint.io.Sha256;
import io.modelprint.scheme.Queries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The fingerprint file: a {@code .npz} (zip of {@code .npy}) with {@code queries.npy} (float32
 * [n,C,H,W]), {@code labels.npy} (int64 [n], the target's top-1 labels), for score schemes
 * {@code scores.npy} (float32 [n, classes], the target's logits) and {@code meta.json}.
 * {@code numpy.load} reads it.
 * Written atomically with fixed entry times, so equal fingerprints give equal bytes.
 */
public final class FingerprintFile {
    public static final String QUERIES = "queries.npy";
    public static final String LABELS = "labels.npy";
    public static final String SCORES = "scores.npy";
    public static final String META = "meta.json";
    public static final String BUNDLE = "bundle.json";
    private static final FileTime FIXED_TIME = FileTime.fromMillis(315532800000L); // 1980-01-01, zip's epoch
    /** Bytes all entries may inflate to, counted as they are read (a zip's declared sizes can lie). */
    static final long MAX_INFLATED_BYTES = 1L << 30;

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private FingerprintFile() {}

    public static void write(Path file, Fingerprint fingerprint) {
        Encoded encoded = encode(fingerprint);
        AtomicFiles.writePrivate(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> e : encoded.entries().entrySet()) {
                    put(zip, e.getKey(), e.getValue());
                }
            }
        });
    }

    /** A fingerprint's zip entries in file order, and its meta with the content hash set. */
    private record Encoded(Map<String, byte[]> entries, FingerprintMeta meta) {}

    private static Encoded encode(Fingerprint fingerprint) {
        Queries q = fingerprint.queries();
        FingerprintMeta meta = fingerprint.meta();
        List<byte[]> arrays = new ArrayList<>();
        arrays.add(Npy.encode(q.values(), q.spec().batchShape(q.count()).getShape()));
        arrays.add(Npy.encode(fingerprint.labels(), fingerprint.size()));
        if (fingerprint.scores() != null) {
            arrays.add(Npy.encode(fingerprint.scores(), new long[] {fingerprint.size(), meta.numClasses()}));
        }
        String sha;
        if (meta.formatVersion() == 1) {
            if (fingerprint.scores() != null) {
                throw new IllegalArgumentException("a version 1 fingerprint holds labels only");
            }
            sha = Sha256.hex(arrays.get(0), arrays.get(1));
        } else {
            List<byte[]> hashed = new ArrayList<>(arrays);
            hashed.add(canonicalMeta(encode(meta.withContentSha256(null))));
            sha = Sha256.hex(hashed.toArray(new byte[0][]));
        }
        FingerprintMeta finished = meta.withContentSha256(sha);
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put(QUERIES, arrays.get(0));
        entries.put(LABELS, arrays.get(1));
        if (arrays.size() > 2) {
            entries.put(SCORES, arrays.get(2));
        }
        entries.put(META, encode(finished));
        return new Encoded(entries, finished);
    }

    private static byte[] encode(FingerprintMeta meta) {
        try {
            return JSON.writeValueAsBytes(meta);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode meta.json", e);
        }
    }

    /** meta.json without its hash, keys sorted, no whitespace: what a version 2 hash covers. */
    private static byte[] canonicalMeta(byte[] metaJson) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = CANONICAL.readValue(metaJson, Map.class);
            tree.remove("contentSha256");
            return CANONICAL.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new InputException("meta.json is not valid JSON: " + e.getMessage());
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Reads a single-scheme fingerprint; a bundle is refused with a pointer to {@link #readBundle}. */
    public static Fingerprint read(Path file) {
        List<Fingerprint> members = readBundle(file);
        if (members.size() != 1) {
            throw new InputException(file + ": is a bundle of " + members.size() + " schemes, not a single fingerprint");
        }
        return members.get(0);
    }

    /** Reads a fingerprint file: one fingerprint, or every member of a bundle in its order. */
    public static List<Fingerprint> readBundle(Path file) {
        if (!Files.exists(file)) {
            throw new InputException(file + ": no such fingerprint file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InputException(file + ": not a readable file");
        }
        return decodeAll(file, readEntries(file));
    }

    /**
     * Reads a fingerprint file held in memory (a registry's copy): {@code source} names it in errors.
     * The same checks as for a file on disk: hashes, shapes, bundle order.
     */
    public static List<Fingerprint> readBundle(String source, byte[] bytes) {
        return decodeAll(Path.of(source), readEntries(source, bytes, MAX_INFLATED_BYTES));
    }

    /** The hash that identifies a fingerprint file's content: its meta's, or for a bundle bundle.json's. */
    public static String contentSha256(List<Fingerprint> members) {
        return members.size() == 1 ? members.get(0).meta().contentSha256() : bundleHash(members);
    }

    private static List<Fingerprint> decodeAll(Path file, Map<String, byte[]> entries) {
        if (!entries.containsKey(BUNDLE)) {
            return List.of(decode(file, entries, ""));
        }
        BundleMeta bundle;
        try {
            bundle = JSON.readValue(entries.get(BUNDLE), BundleMeta.class);
        } catch (IOException e) {
            throw new InputException(file + ": " + BUNDLE + " is not valid: " + e.getMessage());
        }
        if (bundle == null || bundle.members() == null || bundle.members().isEmpty() || bundle.contentSha256() == null) {
            throw new InputException(file + ": " + BUNDLE + " lists no members or lacks its contentSha256");
        }
        List<Fingerprint> members = new ArrayList<>();
        for (String name : bundle.members()) {
            members.add(decode(file, entries, name + "/"));
        }
        if (!bundleHash(members).equals(bundle.contentSha256())) {
            throw new InputException(file + ": content hash mismatch: the bundle's members were changed, removed or"
                    + " reordered after it was made");
        }
        return members;
    }

    /** Writes several schemes' fingerprints of one target into one file (each under its scheme's name). */
    public static void writeBundle(Path file, List<Fingerprint> members) {
        if (members.size() == 1) {
            write(file, members.get(0));
            return;
        }
        List<String> names = new ArrayList<>();
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        List<Fingerprint> hashed = new ArrayList<>();
        for (Fingerprint member : members) {
            String name = member.meta().scheme();
            if (names.contains(name)) {
                throw new InputException("a bundle holds each scheme once; " + name + " is given twice");
            }
            names.add(name);
            Encoded encoded = encode(member);
            hashed.add(member.withMeta(encoded.meta()));
            encoded.entries().forEach((entry, bytes) -> entries.put(name + "/" + entry, bytes));
        }
        byte[] bundleJson;
        try {
            bundleJson = JSON.writeValueAsBytes(new BundleMeta(FingerprintMeta.FORMAT_VERSION, names, bundleHash(hashed)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        entries.put(BUNDLE, bundleJson);
        AtomicFiles.writePrivate(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    put(zip, e.getKey(), e.getValue());
                }
            }
        });
    }

    /** {@code bundle.json}: the members in order and a hash over their own content hashes. */
    record BundleMeta(int formatVersion, List<String> members, String contentSha256) {}

    private static String bundleHash(List<Fingerprint> members) {
        List<byte[]> parts = new ArrayList<>();
        for (Fingerprint m : members) {
            parts.add((m.meta().scheme() + "\n" + m.meta().contentSha256() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(parts.toArray(new byte[0][]));
    }

    private static Fingerprint decode(Path file, Map<String, byte[]> all, String prefix) {
        Map<String, byte[]> entries = new java.util.HashMap<>();
        all.forEach((name, bytes) -> {
            if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                entries.put(name.substring(prefix.length()), bytes);
            }
        });
        String where = prefix.isEmpty() ? file.toString() : file + " (member " + prefix.substring(0, prefix.length() - 1) + ")";
        for (String required : new String[] {QUERIES, LABELS, META}) {
            if (!entries.containsKey(required)) {
                throw new InputException(where + ": not a modelprint fingerprint (no " + prefix + required
                        + "; entries: " + all.keySet() + ")");
            }
        }
        FingerprintMeta meta;
        try {
            meta = JSON.readValue(entries.get(META), FingerprintMeta.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new InputException(where + ": meta.json is not valid: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(where + ": meta.json cannot be read: " + e.getMessage());
        }
        if (meta == null) {
            throw new InputException(where + ": meta.json is empty (null)");
        }
        if (meta.formatVersion() != 1 && meta.formatVersion() != 2) {
            throw new InputException(where + ": fingerprint format version " + meta.formatVersion()
                    + " is not supported (this modelprint reads versions 1 and 2)");
        }
        if (meta.inputSpec() == null || meta.contentSha256() == null || meta.scheme() == null) {
            throw new InputException(where + ": meta.json lacks scheme, inputSpec or contentSha256");
        }
        boolean hasScores = entries.containsKey(SCORES);
        String actual = meta.formatVersion() == 1
                ? Sha256.hex(entries.get(QUERIES), entries.get(LABELS))
                : Sha256.hex(hasScores
                        ? new byte[][] {entries.get(QUERIES), entries.get(LABELS), entries.get(SCORES), canonicalMeta(entries.get(META))}
                        : new byte[][] {entries.get(QUERIES), entries.get(LABELS), canonicalMeta(entries.get(META))});
        if (!actual.equals(meta.contentSha256())) {
            throw new InputException(where + ": content hash mismatch: the " + (meta.formatVersion() == 1 ? "arrays" : "arrays or meta.json")
                    + " were changed after the fingerprint was made (meta.json says " + meta.contentSha256() + ", content hashes to "
                    + actual + ")");
        }
        if (meta.formatVersion() == 2 && io.modelprint.scheme.Schemes.find(meta.scheme()).isEmpty()) {
            throw new InputException(where + ": made with scheme '" + meta.scheme() + "', which this modelprint does not know"
                    + " (known: " + String.join(", ", io.modelprint.scheme.Schemes.names()) + ")");
        }
        Npy.Array queries;
        Npy.Array labels;
        Npy.Array scores = null;
        try {
            queries = Npy.decode(entries.get(QUERIES));
            labels = Npy.decode(entries.get(LABELS));
            if (hasScores) {
                scores = Npy.decode(entries.get(SCORES));
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": " + e.getMessage());
        }
        long[] expectedShape = meta.inputSpec().batchShape(labels.elementCount()).getShape();
        if (labels.shape().length != 1 || !Arrays.equals(queries.shape(), expectedShape)) {
            throw new InputException(where + ": queries have shape " + Arrays.toString(queries.shape())
                    + " and labels " + Arrays.toString(labels.shape()) + "; expected " + Arrays.toString(expectedShape));
        }
        if (scores != null && !Arrays.equals(scores.shape(), new long[] {labels.elementCount(), meta.numClasses()})) {
            throw new InputException(where + ": scores have shape " + Arrays.toString(scores.shape()) + "; expected ["
                    + labels.elementCount() + ", " + meta.numClasses() + "]");
        }
        try {
            Queries q = new Queries(meta.inputSpec(), queries.toFloats(), (int) labels.elementCount());
            Fingerprint fingerprint = new Fingerprint(q, labels.toLongs(), scores == null ? null : scores.toFloats(), meta);
            FingerprintChecks.validate(fingerprint);
            return fingerprint;
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": " + e.getMessage());
        }
    }

    /** Reads through the zip's central directory, so a file cut short anywhere is refused. */
    private static Map<String, byte[]> readEntries(Path file) {
        return readEntries(file, MAX_INFLATED_BYTES);
    }

    static Map<String, byte[]> readEntries(Path file, long maxInflatedBytes) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            long left = maxInflatedBytes;
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.getSize() > left) {
                    throw new InputException(file + ": entry " + entry.getName() + " declares " + entry.getSize()
                            + " bytes; a fingerprint holds at most " + maxInflatedBytes + " in all");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, left + 1));
                    if (bytes.length > left) {
                        throw new InputException(file + ": entry " + entry.getName() + " inflates beyond " + maxInflatedBytes
                                + " bytes (its header says " + entry.getSize() + "): not a fingerprint, or a zip bomb");
                    }
                    left -= bytes.length;
                    entries.put(entry.getName(), bytes);
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new InputException(file + ": not a valid .npz (zip) file, or truncated: " + e.getMessage());
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new InputException(file + ": not a .npz fingerprint file (no zip entries)");
        }
        return entries;
    }

    static Map<String, byte[]> readEntries(String source, byte[] bytes, long maxInflatedBytes) {
        Map<String, byte[]> entries = new HashMap<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8)) {
            long left = maxInflatedBytes;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] read = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, left + 1));
                if (read.length > left) {
                    throw new InputException(source + ": entry " + entry.getName() + " inflates beyond " + maxInflatedBytes
                            + " bytes: not a fingerprint, or a zip bomb");
                }
                left -= read.length;
                entries.put(entry.getName(), read);
            }
        } catch (IOException e) {
            throw new InputException(source + ": not a valid .npz (zip) file, or truncated: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new InputException(source + ": not a .npz fingerprint file (no zip entries)");
        }
        return entries;
    }

    /** Meta as the JSON text stored in the file (for {@code info}). */
    public static String metaJson(FingerprintMeta meta) {
        try {
            return JSON.writeValueAsString(meta);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
