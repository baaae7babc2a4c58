package io.modelprint.lab.attack;

import io.modelprint.data.ClassNames;
import io.modelprint.data.ImageDataset;
import java.util.List;

/**
 * Another task built from the owner's data, for transfer-learning suspects: the same images with
 * coarser labels, chosen by the data set's classes. Fashion-MNIST's (also coloured, or in CIFAR-10's
 * format): the four groups tops (T-shirt, pullover, coat, shirt), bottoms and dresses (trouser,
 * dress), footwear (sandal, sneaker, ankle boot) and bags. CIFAR-10's: vehicles (airplane,
 * automobile, ship, truck) against animals. Any other data: the lower and the upper half of the classes.
 */
public record TransferTask(String name, int[] mapping, int classes) {
    private static final int[] FASHION_GROUPS = {0, 1, 0, 1, 0, 2, 0, 2, 3, 2};
    private static final int[] CIFAR10_GROUPS = {0, 0, 1, 1, 1, 1, 1, 1, 0, 0};

    /** The task of {@code data}'s classes: by their names when the data set names them, else by its name (IDX files name none). */
    public static TransferTask of(ImageDataset data) {
        List<String> names = data.classNames();
        if (ClassNames.same(names, ClassNames.FASHION_MNIST)
                || names.isEmpty() && data.numClasses() == 10 && data.name().startsWith("fashion-mnist")) {
            return fashion();
        }
        if (ClassNames.same(names, ClassNames.CIFAR10)) {
            return new TransferTask("vehicles-animals", CIFAR10_GROUPS.clone(), 2);
        }
        return halves(data.numClasses());
    }

    /**
     * By the class count alone: Fashion-MNIST's groups for 10 classes, else halves. For plans made without data
     * (tests, the preset's model count); a zoo takes {@link #of(ImageDataset)}.
     */
    public static TransferTask forClasses(int sourceClasses) {
        return sourceClasses == 10 ? fashion() : halves(sourceClasses);
    }

    private static TransferTask fashion() {
        return new TransferTask("tops-bottoms-footwear-bags", FASHION_GROUPS.clone(), 4);
    }

    private static TransferTask halves(int sourceClasses) {
        int[] halves = new int[sourceClasses];
        for (int c = 0; c < sourceClasses; c++) {
            halves[c] = c * 2 / sourceClasses;
        }
        return new TransferTask("lower-upper-half", halves, 2);
    }

    public ImageDataset relabel(ImageDataset data) {
        if (data.numClasses() != mapping.length) {
            throw new IllegalArgumentException("task " + name + " maps " + mapping.length + " classes, " + data.name() + " has "
                    + data.numClasses());
        }
        int[] labels = new int[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = mapping[data.label(i)];
        }
        return new ImageDataset(data.name() + "-" + name, data.spec(), data.pixels(), labels, classes);
    }
}
