package io.modelprint.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelprint.InputException;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.io.Sha256;
import io.modelprint.scheme.Access;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** What {@code registry add} records of a file: its entry's columns, the names given and their checks. */
final class RegistryEntries {
    private RegistryEntries() {}

    static String defaultName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".npz") ? name.substring(0, name.length() - 4) : name;
    }

    static void requireText(String option, String value) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new InputException(option + ": expected a non-empty name of at most 200 characters");
        }
    }

    /** The entry of a file holding {@code members}, signed by the key whose SHA-256 is {@code ownerKey}. */
    static RegistryEntry describe(List<Fingerprint> members, String content, String owner, String name, byte[] bytes, String ownerKey) {
        Fingerprint first = members.get(0);
        String scheme = members.size() == 1 ? first.meta().scheme()
                : "bundle(" + String.join(",", members.stream().map(m -> m.meta().scheme()).toList()) + ")";
        boolean scores = members.stream().anyMatch(m -> m.scheme().suspectAccess() == Access.SCORES);
        int queries = members.stream().mapToInt(Fingerprint::size).sum();
        boolean calibrated = members.stream().allMatch(m -> m.meta().calibration() != null);
        String spec;
        try {
            spec = new ObjectMapper().writeValueAsString(first.meta().inputSpec());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new RegistryEntry(content.substring(0, Registry.ID_LENGTH), content, owner, name, scheme,
                scores ? Access.SCORES.label() : Access.LABELS.label(), spec, first.meta().numClasses(), queries,
                first.meta().targetSha256(), calibrated, Instant.now().toString(), Sha256.hex(bytes), bytes.length, ownerKey);
    }
}
