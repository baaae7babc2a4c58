package io.modelprint.cli;

import io.modelprint.data.DatasetSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --dataset NAME [--data DIR]}, shared by the commands that read images. */
final class DataOptions {
    @Option(names = "--dataset", completionCandidates = Choices.Datasets.class,
            description = "fashion-mnist (default), mnist, cifar10, cifar100, or folder (DIR/train/<class>/*.png)")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR",
            description = "directory holding the data set's files (default for fashion-mnist: /usr/share/datasets/fashion-mnist)")
    Path dataDir;

    DatasetSource source() {
        return DatasetSource.of(dataset != null ? dataset : "fashion-mnist", dataDir);
    }

    /** Whether the command line names a data set (--dataset or --data), rather than leaving the default. */
    boolean named() {
        return dataset != null || dataDir != null;
    }
}
