package io.modelprint.data;

import java.util.List;
import java.util.Locale;

/** The class names of the data sets modelprint knows, in label order, and how names are compared. */
public final class ClassNames {
    public static final List<String> FASHION_MNIST = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
            "Sneaker", "Bag", "Ankle boot");
    public static final List<String> CIFAR10 = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship",
            "truck");

    private ClassNames() {}

    /** Whether {@code names} are {@code known}'s, in the same order, ignoring case and what is not a letter or digit. */
    public static boolean same(List<String> names, List<String> known) {
        if (names.size() != known.size()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            if (!key(names.get(i)).equals(key(known.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
