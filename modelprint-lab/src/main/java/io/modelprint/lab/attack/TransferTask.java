package io.modelprint.lab.attack;

import io.modelprint.data.ImageDataset;

/**
 * Another task built from the owner's data, for transfer-learning suspects: the same images with
 * coarser labels. On 10-class data (Fashion-MNIST) the four groups tops (T-shirt, pullover, coat,
 * shirt), bottoms and dresses (trouser, dress), footwear (sandal, sneaker, ankle boot) and bags; on
 * any other class count the lower and the upper half of the classes.
 */
public record TransferTask(String name, int[] mapping, int classes) {
    private static final int[] FASHION_GROUPS = {0, 1, 0, 1, 0, 2, 0, 2, 3, 2};

    public static TransferTask forClasses(int sourceClasses) {
        if (sourceClasses == 10) {
            return new TransferTask("tops-bottoms-footwear-bags", FASHION_GROUPS.clone(), 4);
        }
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
