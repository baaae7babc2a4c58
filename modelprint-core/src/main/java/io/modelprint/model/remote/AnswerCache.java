package io.modelprint.model.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelprint.InputException;
import io.modelprint.io.AtomicFiles;
import io.modelprint.io.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers a remote model has already given, kept on disk per (fingerprint, URL, what was asked:
 * labels or scores) so that an interrupted verification resumes without sending the same query
 * twice. Each answer is keyed by the SHA-256 of the image's float32 bytes as sent. The file is
 * rewritten atomically after every answered request: a killed run leaves the previous complete
 * file, never half of one. It carries a SHA-256 over its URL, fingerprint, kind and answers: a cache
 * edited by hand is refused (a changed answer would change a verdict).
 */
public final class AnswerCache {
    /** What the answers are. */
    public enum Kind {
        LABELS,
        SCORES
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path file;
    private final String url;
    private final String fingerprint;
    private final Kind kind;
    private final Map<String, Object> answers;
    private long spent;

    private AnswerCache(Path file, String url, String fingerprint, Kind kind, Map<String, Object> answers) {
        this.file = file;
        this.url = url;
        this.fingerprint = fingerprint;
        this.kind = kind;
        this.answers = answers;
    }

    /** Opens (or starts) the cache of {@code url}'s labels for the fingerprint with content hash {@code fingerprint}. */
    public static AnswerCache open(Path dir, String url, String fingerprint) {
        return open(dir, url, fingerprint, Kind.LABELS);
    }

    public static AnswerCache open(Path dir, String url, String fingerprint, Kind kind) {
        String id = url + "\n" + fingerprint + (kind == Kind.LABELS ? "" : "\n" + kind.name().toLowerCase());
        Path file = dir.resolve(Sha256.hex(id.getBytes(StandardCharsets.UTF_8)).substring(0, 32) + ".json");
        Map<String, Object> answers = new TreeMap<>();
        long spent = 0;
        if (Files.exists(file)) {
            try {
                JsonNode root = MAPPER.readTree(file.toFile());
                if (!url.equals(root.path("url").asText()) || !fingerprint.equals(root.path("fingerprint").asText())) {
                    throw new InputException(file + ": answer cache belongs to another URL or fingerprint; delete it");
                }
                Iterator<Map.Entry<String, JsonNode>> fields = root.path("answers").fields();
                while (fields.hasNext()) {
                    var e = fields.next();
                    answers.put(e.getKey(), kind == Kind.LABELS ? (Object) e.getValue().asLong() : floats(e.getValue()));
                }
                spent = root.path("spent").asLong(0);
                String recorded = root.path("sha256").asText();
                if (!recorded.equals(hash(url, fingerprint, kind, answers, spent))) {
                    throw new InputException(file + ": answer cache was changed after it was written (its SHA-256 does not"
                            + " match); delete it, or verify with --no-cache");
                }
            } catch (IOException e) {
                throw new InputException(file + ": answer cache is not readable JSON (" + e.getMessage()
                        + "); delete it to start over", e);
            }
        }
        AnswerCache cache = new AnswerCache(file, url, fingerprint, kind, answers);
        cache.spent = spent;
        return cache;
    }

    /** Images sent to this URL for this fingerprint over every run that used this cache, retries included. */
    public long spent() {
        return spent;
    }

    public void addSpent(long images) {
        spent += images;
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }

    private static String hash(String url, String fingerprint, Kind kind, Map<String, Object> answers, long spent) {
        try {
            byte[] body = MAPPER.writeValueAsBytes(answers);
            return Sha256.hex((url + "\n" + fingerprint + "\n" + kind + "\n" + spent + "\n").getBytes(StandardCharsets.UTF_8), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Kind kind() {
        return kind;
    }

    public int size() {
        return answers.size();
    }

    /** The label (LABELS) or score row (SCORES) answered for {@code key}, or null. */
    public Object get(String key) {
        Object answer = answers.get(key);
        return answer instanceof float[] row ? row.clone() : answer;
    }

    public void put(String key, long label) {
        answers.put(key, label);
    }

    public void put(String key, float[] scores) {
        answers.put(key, scores.clone());
    }

    public void save() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("url", url);
        root.put("fingerprint", fingerprint);
        root.put("kind", kind.name().toLowerCase());
        root.put("spent", spent);
        root.put("sha256", hash(url, fingerprint, kind, answers, spent));
        ObjectNode body = root.putObject("answers");
        answers.forEach((key, value) -> {
            if (value instanceof float[] row) {
                ArrayNode array = body.putArray(key);
                for (float v : row) {
                    array.add(v);
                }
            } else {
                body.put(key, (Long) value);
            }
        });
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, root));
    }

    /** The key of one image: SHA-256 of its float32 values, little-endian. */
    public static String key(float[] values, int offset, int length) {
        ByteBuffer bytes = ByteBuffer.allocate(length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values, offset, length);
        return Sha256.hex(bytes.array());
    }
}
