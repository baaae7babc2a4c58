package io.modelprint.model.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Labels a remote model has already given, kept on disk per (fingerprint, URL) so that an
 * interrupted verification resumes without sending the same query twice. Each answer is keyed by
 * the SHA-256 of the image's float32 bytes as sent. The file is rewritten atomically after every
 * answered request: a killed run leaves the previous complete file, never half of one.
 */
public final class AnswerCache {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final String url;
    private final String fingerprint;
    private final Map<String, Long> answers;

    private AnswerCache(Path file, String url, String fingerprint, Map<String, Long> answers) {
        this.file = file;
        this.url = url;
        this.fingerprint = fingerprint;
        this.answers = answers;
    }

    /** Opens (or starts) the cache of {@code url}'s answers to the fingerprint with content hash {@code fingerprint}. */
    public static AnswerCache open(Path dir, String url, String fingerprint) {
        String name = Sha256.hex((url + "\n" + fingerprint).getBytes(StandardCharsets.UTF_8)).substring(0, 32) + ".json";
        Path file = dir.resolve(name);
        Map<String, Long> answers = new HashMap<>();
        if (Files.exists(file)) {
            try {
                JsonNode root = MAPPER.readTree(file.toFile());
                if (!url.equals(root.path("url").asText()) || !fingerprint.equals(root.path("fingerprint").asText())) {
                    throw new InputException(file + ": answer cache belongs to another URL or fingerprint; delete it");
                }
                Iterator<Map.Entry<String, JsonNode>> fields = root.path("answers").fields();
                while (fields.hasNext()) {
                    var e = fields.next();
                    answers.put(e.getKey(), e.getValue().asLong());
                }
            } catch (IOException e) {
                throw new InputException(file + ": answer cache is not readable JSON (" + e.getMessage()
                        + "); delete it to start over", e);
            }
        }
        return new AnswerCache(file, url, fingerprint, answers);
    }

    public int size() {
        return answers.size();
    }

    public Long get(String key) {
        return answers.get(key);
    }

    public void put(String key, long label) {
        answers.put(key, label);
    }

    public void save() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("url", url);
        root.put("fingerprint", fingerprint);
        ObjectNode body = root.putObject("answers");
        answers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> body.put(e.getKey(), e.getValue()));
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, root));
    }

    /** The key of one image: SHA-256 of its float32 values, little-endian. */
    public static String key(float[] values, int offset, int length) {
        ByteBuffer bytes = ByteBuffer.allocate(length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values, offset, length);
        return Sha256.hex(bytes.array());
    }
}
