package io.modelprint.spark;

import io.modelprint.registry.RegisteredFingerprint;
import io.modelprint.registry.RegistryEntry;
import io.modelprint.registry.StoredFile;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry's fingerprints as shipped to executors: each entry with its file's bytes, decoded (and
 * their hashes checked) once per executor JVM, whatever the number of tasks it runs.
 */
public final class FingerprintBroadcast implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ConcurrentHashMap<String, List<RegisteredFingerprint>> DECODED = new ConcurrentHashMap<>();

    private final String key;
    private final List<RegistryEntry> entries;
    private final List<byte[]> files;

    public FingerprintBroadcast(String key, List<RegistryEntry> entries, List<byte[]> files) {
        this.key = key;
        this.entries = entries;
        this.files = files;
    }

    public List<RegisteredFingerprint> fingerprints() {
        return DECODED.computeIfAbsent(key, k -> {
            List<RegisteredFingerprint> decoded = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                decoded.add(new StoredFile(entries.get(i), files.get(i)).load()); // an unusable one: a not-checked row
            }
            return decoded;
        });
    }

    public int size() {
        return entries.size();
    }
}
