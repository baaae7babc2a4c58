package io.modelprint.lab.zoo;

import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.testing.SyntheticData;
import java.nio.file.Path;

/** A tiny zoo build as a program of its own, for tests that kill the build process: {@code DIR WORKERS}. */
public final class TinyZooBuild {
    private TinyZooBuild() {}

    public static void main(String[] args) {
        System.setProperty(PytorchPipeline.PYTHON_PROPERTY, "/nonexistent/python3");
        ImageDataset train = SyntheticData.bands(300, 4, 12, 12, 1);
        ImageDataset test = SyntheticData.bands(80, 4, 12, 12, 2);
        new ZooBuilder(ZooBuilderTest.TINY, 5, Path.of(args[0]), System.err, Integer.parseInt(args[1]))
                .build(train, test, Architecture.LENET5, null, ProgressListener.NONE);
    }
}
