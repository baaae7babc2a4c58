package io.modelprint.fingerprint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a hostile registrant does to a single-scheme fingerprint file: edits meta.json and recomputes
 * the content hash, so the hash alone vouches for the edit. The signature, if any, is left as it was
 * unless the edit changes it.
 */
public final class ForgedFingerprints {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ForgedFingerprints() {}

    /** {@code in} with its meta.json edited by {@code edit} and the content hash recomputed, written to {@code out}. */
    public static Path rewriteMeta(Path in, Path out, Consumer<ObjectNode> edit) throws IOException {
        return rewrite(in, out, edit, true);
    }

    /** As {@link #rewriteMeta}, leaving the content hash as it was: what a tamperer who does not know the format does. */
    public static Path editMetaKeepingHash(Path in, Path out, Consumer<ObjectNode> edit) throws IOException {
        return rewrite(in, out, edit, false);
    }

    private static Path rewrite(Path in, Path out, Consumer<ObjectNode> edit, boolean rehash) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(FingerprintArchive.read(in));
        ObjectNode meta = (ObjectNode) JSON.readTree(entries.get(FingerprintParts.META));
        edit.accept(meta);
        if (rehash) {
            meta.remove("contentSha256");
            entries.put(FingerprintParts.META, JSON.writeValueAsBytes(meta));
            meta.put("contentSha256", FingerprintHash.of(meta.get("formatVersion").asInt(), FingerprintParts.of(entries, "")));
        }
        entries.put(FingerprintParts.META, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(meta).getBytes(StandardCharsets.UTF_8));
        try (OutputStream stream = Files.newOutputStream(out)) {
            FingerprintArchive.write(stream, entries);
        }
        return out;
    }

    /** The sac-w relabelling of the issue: a labels-only file's scheme renamed to sac-w (its names too), hash recomputed. */
    public static Path relabelledAsSacW(Path labelsOnly, Path out) throws IOException {
        return rewriteMeta(labelsOnly, out, meta -> {
            meta.put("scheme", "sac-w");
            meta.put("representation", "cosine-correlation-matrix");
            meta.put("distance", "one-minus-mean-absolute-difference");
            meta.put("access", "scores");
            meta.remove("signature");
            ObjectNode parameters = meta.putObject("parameters");
            parameters.put("n", meta.get("stats").get("queries").asInt());
        });
    }
}
