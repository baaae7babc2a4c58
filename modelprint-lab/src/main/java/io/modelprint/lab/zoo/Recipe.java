package io.modelprint.lab.zoo;

import io.modelprint.engine.ModelProvenance;
import io.modelprint.ProgressListener;
import java.nio.file.Path;
import java.util.Map;

/** How one zoo model is made: writes a complete model directory to {@code out} and returns its provenance. */
@FunctionalInterface
public interface Recipe {
    ModelProvenance build(ZooContext context, Path out, Map<String, Object> extra, ProgressListener progress);
}
