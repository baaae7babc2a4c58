package io.modelprint.lab.zoo;

import io.modelprint.InputException;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelProvenance;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a resumed build keeps: a model counts as finished only when its directory is complete, its
 * weights still hash to what the manifest recorded and it was made from its parent as the
 * directory holds it now; a complete directory the manifest lost is found again by its provenance.
 */
final class FinishedModels {
    /** Recorded in a derived model's provenance: the weights hash of the model it was made from. */
    static final String PARENT_SHA256 = "parentSha256";

    private final Path dir;
    private final PrintStream log;
    private final String what;

    FinishedModels(Path dir, PrintStream log, String what) {
        this.dir = dir;
        this.log = log;
        this.what = what;
    }

    static Optional<String> parentSha256(ZooManifest manifest, SuspectPlan plan) {
        return plan.parent() == null ? Optional.empty() : manifest.entry(plan.parent()).map(ZooEntry::sha256);
    }

    /**
     * Whether a derived model was made from its parent as the directory holds it now (a target or a
     * student rebuilt since makes its copies stale). Models that predate the record are taken as they are.
     */
    private static boolean madeFromCurrentParent(ZooManifest manifest, SuspectPlan plan, ModelProvenance provenance) {
        Object recorded = provenance.extra() == null ? null : provenance.extra().get(PARENT_SHA256);
        Optional<String> current = parentSha256(manifest, plan);
        return recorded == null || current.isEmpty() || recorded.equals(current.get());
    }

    /**
     * The manifest's entry for {@code plan}, if its model is complete and unchanged; or, when the
     * manifest has none (deleted or lost), an entry for a complete model directory that was made
     * by this very plan (its provenance records the plan's name and parameters).
     */
    Optional<ZooEntry> of(ZooManifest manifest, SuspectPlan plan) {
        Optional<ZooEntry> entry = manifest.entry(plan.name());
        if (entry.isEmpty()) {
            return adopt(manifest, plan);
        }
        if (!entry.get().parameters().equals(normalized(plan.parameters()))) {
            log.printf("%s: rebuilding %s: its parameters changed%n", what, plan.name());
            return Optional.empty();
        }
        try {
            ModelProvenance provenance = ModelLoader.checkIntact(dir.resolve(entry.get().path()));
            if (!provenance.weightsSha256().equals(entry.get().sha256())) {
                log.printf("%s: rebuilding %s: its weights are not the ones the manifest recorded%n", what, plan.name());
                return Optional.empty();
            }
            if (OnnxCopy.KIND.equals(plan.kind())) {
                OnnxCopy.file(dir.resolve(entry.get().path()), provenance);
            }
            if (!madeFromCurrentParent(manifest, plan, provenance)) {
                log.printf("%s: rebuilding %s: it was made from another %s than the %s's%n", what, plan.name(), plan.parent(), what);
                return Optional.empty();
            }
            return entry;
        } catch (InputException e) {
            log.printf("%s: rebuilding %s: %s%n", what, plan.name(), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<ZooEntry> adopt(ZooManifest manifest, SuspectPlan plan) {
        Path modelDir = dir.resolve(plan.name());
        if (!Files.isDirectory(modelDir)) {
            return Optional.empty();
        }
        try {
            ModelProvenance provenance = ModelLoader.checkIntact(modelDir);
            Map<String, Object> recorded = provenance.extra() == null ? Map.of() : new LinkedHashMap<>(provenance.extra());
            recorded.remove("madeBy");
            recorded.remove("datasetSha256");
            Object parentHash = recorded.remove(PARENT_SHA256);
            if (parentHash != null && !parentSha256(manifest, plan).map(parentHash::equals).orElse(true)) {
                return Optional.empty();
            }
            recorded.remove(Recipes.DEFENDED_ACCURACY_IMAGES_KEY);
            recorded.remove(Recipes.DEFENDED_ACCURACY_INTERVAL);
            Object defended = recorded.remove(Recipes.ACCURACY_BEHIND_DEFENSE);
            if (defended instanceof Number accuracy) {
                provenance = provenance.withTestAccuracy(accuracy.doubleValue());
            }
            Object throughRuntime = recorded.remove(OnnxCopy.ACCURACY);
            if (throughRuntime instanceof Number accuracy) {
                provenance = provenance.withTestAccuracy(accuracy.doubleValue());
            }
            if (recorded.remove(OnnxCopy.SHA256) != null) {
                OnnxCopy.file(modelDir, provenance);
            }
            if (!plan.name().equals(recorded.remove("zooName")) || !plan.kind().equals(recorded.remove("kind"))
                    || !normalized(recorded).equals(normalized(plan.parameters()))) {
                return Optional.empty();
            }
            boolean kept = ZooBuilder.kept(manifest, plan, provenance);
            log.printf("%s: %s: complete model found, added to the manifest%n", what, plan.name());
            return Optional.of(ZooBuilder.entryFor(plan.name(), plan.group(), plan.kind(), plan.parent(), normalized(plan.parameters()),
                    provenance, kept));
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    /** Parameters as they read back from JSON (numbers widen), for comparison with a manifest entry. */
    static Map<String, Object> normalized(Map<String, Object> parameters) {
        try {
            return ZooManifest.JSON.readValue(ZooManifest.JSON.writeValueAsBytes(parameters),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
