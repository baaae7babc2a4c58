package io.modelprint.lab.zoo;

import io.modelprint.engine.ModelProvenance;
import io.modelprint.ProgressListener;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** How one zoo model is made: writes a complete model directory to {@code out} and returns its provenance. */
@FunctionalInterface
public interface Recipe {
    ModelProvenance build(ZooContext context, Path out, Map<String, Object> extra, ProgressListener progress);

    /** Why this machine cannot make the model (a program it needs is missing), or empty when it can. */
    default Optional<String> unavailable() {
        return Optional.empty();
    }
}
