package io.modelprint.lab.eval;

import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.engine.ModelLoader;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import io.modelprint.model.Classifier;
import io.modelprint.lab.evasive.Defense;
import io.modelprint.lab.evasive.EvasiveServing;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A built zoo as an evaluation sees it: its manifest, the kept suspects, and, loaded on first use
 * (a fully cached evaluation loads nothing), the target and every suspect.
 */
final class LoadedZoo implements AutoCloseable {
    private final Path dir;
    private final InputSpec spec;
    private final ZooManifest manifest;
    private final ZooEntry targetEntry;
    private final List<ZooEntry> suspects;
    private final Map<String, Classifier> loaded = new LinkedHashMap<>();
    private final EvasiveServing serving;
    private DjlClassifier target;

    LoadedZoo(Path dir, InputSpec spec, EvasiveServing serving) {
        this.dir = dir;
        this.spec = spec;
        this.serving = serving;
        this.manifest = ZooManifest.read(dir)
                .orElseThrow(() -> new InputException(dir + ": no " + ZooManifest.FILE_NAME + "; build the zoo first"));
        this.targetEntry = manifest.entry("target").orElseThrow(() -> new InputException(dir + ": the manifest has no target"));
        this.suspects = manifest.entries().stream().filter(e -> e.group() != SuspectGroup.TARGET && e.kept()).toList();
    }

    ZooManifest manifest() {
        return manifest;
    }

    List<ZooEntry> suspects() {
        return suspects;
    }

    DjlClassifier target() {
        if (target == null) {
            target = ModelLoader.load(dir.resolve(targetEntry.path()), spec);
            for (ZooEntry suspect : suspects) {
                Classifier model = ModelLoader.loadClassifier(dir.resolve(suspect.path()), spec);
                Object defense = suspect.parameters().get("defense");
                loaded.put(suspect.name(), defense == null ? model
                        : serving.serve(suspect.name(), model, Defense.parse(List.of(defense.toString()))));
            }
        }
        return target;
    }

    Classifier suspect(String name) {
        target();
        return loaded.get(name);
    }

    @Override
    public void close() {
        if (target != null) {
            target.close();
        }
        loaded.values().forEach(Classifier::close);
    }
}
