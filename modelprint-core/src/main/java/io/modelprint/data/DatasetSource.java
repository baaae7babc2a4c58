package io.modelprint.data;

import io.modelprint.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Names a data set as the CLI does ({@code --dataset fashion-mnist [--data DIR]}) and loads its
 * splits. Fashion-MNIST defaults to the Debian package's directory.
 */
public final class DatasetSource {
    public static final Path FASHION_MNIST_DEFAULT = Path.of("/usr/share/datasets/fashion-mnist");

    private final String name;
    private final Path dir;

    private DatasetSource(String name, Path dir) {
        this.name = name;
        this.dir = dir;
    }

    /** @param dataDir directory given with {@code --data}, or null for the default location */
    public static DatasetSource of(String name, Path dataDir) {
        String key = name.toLowerCase(Locale.ROOT);
        return switch (key) {
            case "fashion-mnist" -> new DatasetSource(key, dataDir != null ? dataDir : FASHION_MNIST_DEFAULT);
            case "mnist", "cifar10", "cifar100", "folder" -> {
                if (dataDir == null) {
                    throw new InputException("--dataset " + key + " needs --data DIR pointing at its files");
                }
                yield new DatasetSource(key, dataDir);
            }
            default -> throw new InputException("--dataset: unknown data set '" + name
                    + "' (expected fashion-mnist, mnist, cifar10, cifar100 or folder)");
        };
    }

    public String name() {
        return name;
    }

    public Path dir() {
        return dir;
    }

    public InputSpec spec() {
        return switch (name) {
            case "cifar10", "cifar100" -> InputSpec.unitRange(3, 32, 32);
            case "folder" -> load(false).spec();
            default -> InputSpec.fashionMnist();
        };
    }

    public ImageDataset train() {
        return load(true);
    }

    public ImageDataset test() {
        return load(false);
    }

    private ImageDataset load(boolean train) {
        return switch (name) {
            case "cifar10" -> CifarReader.read(CifarReader.Variant.CIFAR10, dir, train);
            case "cifar100" -> CifarReader.read(CifarReader.Variant.CIFAR100, dir, train);
            // named after DIR, not its train/test sub-folder, so that two folder data sets are told apart
            case "folder" -> ImageFolderReader.read(dir.resolve(train ? "train" : "test"))
                    .withName(folderName() + (train ? "-train" : "-test"));
            case "fashion-mnist" -> loadIdx(train).withClassNames(ClassNames.FASHION_MNIST);
            default -> loadIdx(train);
        };
    }

    private String folderName() {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? "folder" : name.toString();
    }

    private ImageDataset loadIdx(boolean train) {
        String prefix = train ? "train" : "t10k";
        Path images = idxFile(prefix + "-images-idx3-ubyte");
        Path labels = idxFile(prefix + "-labels-idx1-ubyte");
        return IdxReader.read(name + (train ? "-train" : "-test"), images, labels, 10);
    }

    private Path idxFile(String stem) {
        for (String candidate : new String[] {stem + ".gz", stem}) {
            Path file = dir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        String hint = name.equals("fashion-mnist") && dir.equals(FASHION_MNIST_DEFAULT)
                ? " Install it with: sudo apt-get install dataset-fashion-mnist, or point --data DIR at a directory"
                        + " holding the four *-ubyte(.gz) files."
                : " Point --data DIR at a directory holding the four *-ubyte(.gz) files.";
        throw new InputException(name + " not found: " + dir.resolve(stem + ".gz") + " does not exist." + hint);
    }
}
