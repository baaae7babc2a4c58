package io.modelprint.lab.eval;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.JavaType;
import io.modelprint.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One evaluation result on disk, valid for the same key (configuration) with the same parameter
 * values (the scheme's defaults included, {@link ZooRun#parameterValues}) on the same zoo: an
 * interrupted bench resumes from these files, a result made with another default is made again, and
 * a damaged one is simply computed again.
 */
final class ResultCache {
    /** What a cache file holds ("config"/"run" are the names earlier builds gave the key; earlier files have no parameters). */
    record Entry<K, R>(String zooChecksum, @JsonAlias({"config", "run"}) K key, String parameters, R result) {}

    private ResultCache() {}

    static <K extends ZooRun, R> R read(Path file, String zooChecksum, K key, Class<K> keyType, Class<R> resultType) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JavaType type = Evaluation.JSON.getTypeFactory().constructParametricType(Entry.class, keyType, resultType);
        try {
            Entry<K, R> entry = Evaluation.JSON.readValue(file.toFile(), type);
            return zooChecksum.equals(entry.zooChecksum()) && key.equals(entry.key())
                    && key.parameterValues().equals(entry.parameters()) ? entry.result() : null;
        } catch (IOException e) {
            return null;
        }
    }

    static <K extends ZooRun, R> void write(Path file, String zooChecksum, K key, R result) {
        try {
            AtomicFiles.writeString(file, Evaluation.JSON.writeValueAsString(new Entry<>(zooChecksum, key, key.parameterValues(),
                    result)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
