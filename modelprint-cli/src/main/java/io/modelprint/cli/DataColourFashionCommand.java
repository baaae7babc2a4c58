package io.modelprint.cli;

import io.modelprint.data.CifarWriter;
import io.modelprint.data.ColourFashion;
import io.modelprint.data.DatasetSource;
import io.modelprint.data.ImageDataset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code data colour-fashion --out DIR}: a colour data set made from Fashion-MNIST, written as CIFAR-10's binary version. */
@Command(name = "colour-fashion", mixinStandardHelpOptions = true,
        description = {"Write a colour data set made from Fashion-MNIST in CIFAR-10's binary format (data_batch_1..5.bin,"
                + " test_batch.bin, batches.meta.txt) to --out, for `bench --dataset cifar10 --data DIR` where CIFAR-10 is not at hand.",
            "Each image is padded to 32x32 and coloured by a seeded rule that ignores the label: its own garment colour (each"
                + " channel in [0.55,1]) and background colour (each in [0,0.35]). The task stays Fashion-MNIST's (its 10 classes"
                + " and names); it is NOT CIFAR-10: no natural images. The same --seed writes the same files."})
final class DataColourFashionCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write (must not exist, or be empty)")
    Path out;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Fashion-MNIST's IDX files (default /usr/share/datasets/fashion-mnist)")
    Path fashionDir;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the colours (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        DatasetSource fashion = DatasetSource.of("fashion-mnist", fashionDir);
        ImageDataset train = ColourFashion.of(fashion.train(), seed, true, "colour-fashion-train");
        ImageDataset test = ColourFashion.of(fashion.test(), seed, false, "colour-fashion-test");
        CifarWriter.write(train, test, out);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("out", out.toString());
        doc.put("format", "cifar10-binary");
        doc.put("trainImages", train.size());
        doc.put("testImages", test.size());
        doc.put("shape", train.spec().describeShape());
        doc.put("classes", train.classNames());
        doc.put("seed", seed);
        if (format.json()) {
            JsonOutput.print(doc);
        } else {
            System.out.printf("colour-fashion: %d training and %d test images of %s, Fashion-MNIST's classes, written in"
                    + " CIFAR-10's format to %s%nuse it with: --dataset cifar10 --data %s%n", train.size(), test.size(),
                    train.spec().describeShape(), out, out);
        }
        return ExitCode.OK;
    }
}
