package io.modelprint.lab.zoo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelprint.InputException;
import io.modelprint.data.ImageDataset;
import io.modelprint.io.AtomicFiles;
import io.modelprint.io.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code manifest.json} of a zoo directory. {@code entriesSha256} is a SHA-256 over the entries as
 * JSON, so a manifest edited by hand or damaged is recognised instead of trusted.
 */
public record ZooManifest(
        int formatVersion,
        String preset,
        long seed,
        String dataset,
        Map<String, Object> notes,
        List<ZooEntry> entries,
        String entriesSha256) {

    public static final String FILE_NAME = "manifest.json";
    public static final int FORMAT_VERSION = 1;

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ZooManifest withEntry(ZooEntry entry) {
        List<ZooEntry> updated = new ArrayList<>();
        for (ZooEntry e : entries) {
            if (!e.name().equals(entry.name())) {
                updated.add(e);
            }
        }
        updated.add(entry);
        return new ZooManifest(formatVersion, preset, seed, dataset, notes, List.copyOf(updated), null);
    }

    /** The manifest of {@code plan}: its notes, and only the entries it still names (a preset that changed drops the rest). */
    ZooManifest forPlan(java.util.Set<String> names, Map<String, Object> planNotes) {
        List<ZooEntry> kept = entries.stream().filter(e -> names.contains(e.name())).toList();
        if (kept.size() == entries.size() && planNotes.equals(notes)) {
            return this;
        }
        return new ZooManifest(formatVersion, preset, seed, dataset, planNotes, kept, null);
    }

    /**
     * Refused unless this {@code what} (zoo or fleet) in {@code dir} was built on {@code data}'s data set (by its name,
     * e.g. fashion-mnist-train or cifar10-train): its models answer that data set's task, and a bench on other data
     * would mix the two.
     */
    public void requireDataset(ImageDataset data, Path dir, String what) {
        if (!data.name().equals(dataset)) {
            throw new InputException(dir + " holds a " + what + " built on " + dataset + ", not on " + data.name()
                    + " (the data set given): use another directory for a " + what + " of " + data.name());
        }
    }

    public Optional<ZooEntry> entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    static String checksum(List<ZooEntry> entries) {
        try {
            return Sha256.hex(JSON.writeValueAsBytes(entries));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void write(Path dir) {
        ZooManifest sealed = new ZooManifest(formatVersion, preset, seed, dataset, notes, entries, checksum(entries));
        try {
            AtomicFiles.writeString(dir.resolve(FILE_NAME), JSON.writeValueAsString(sealed));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The manifest in {@code dir}, or empty when there is none yet. */
    public static Optional<ZooManifest> read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        ZooManifest manifest;
        try {
            manifest = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), ZooManifest.class);
        } catch (JacksonException e) {
            throw new InputException(file + ": not a valid zoo manifest (" + e.getOriginalMessage()
                    + "); delete it to rebuild the manifest (finished models are re-checked by hash, not retrained)");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        }
        if (manifest == null) {
            throw new InputException(file + ": is empty (null), not a zoo manifest; delete it to rebuild the manifest");
        }
        if (manifest.formatVersion() != FORMAT_VERSION || manifest.entries() == null) {
            throw new InputException(file + ": unsupported manifest format " + manifest.formatVersion());
        }
        if (!checksum(manifest.entries()).equals(manifest.entriesSha256())) {
            throw new InputException(file + ": entries do not match their checksum: the manifest was edited by hand or"
                    + " damaged; delete it to rebuild (finished models are re-checked by hash, not retrained)");
        }
        return Optional.of(manifest);
    }
}
