package io.modelprint.testing;

import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Real fingerprints of small models, made by scheme name with seeds from a data set, and written to files. */
public final class TinyFingerprints {
    /** Synthetic 10x10 images of 10 classes: the input and the seeds of the tiny linear targets. */
    public static final ImageDataset DATA = SyntheticData.bands(400, 10, 10, 10, 2);

    private TinyFingerprints() {}

    /** A tiny linear target on {@link #DATA}'s images. */
    public static LinearModel target(long seed) {
        return new LinearModel(DATA.spec(), 10, seed);
    }

    /** {@code scheme}'s fingerprint of a tiny target, seeded from {@link #DATA}. */
    public static Fingerprint extract(String scheme, LinearModel target, int n, long seed) {
        return extract(target, "target-" + seed, scheme, DATA, n, seed);
    }

    /** {@code scheme}'s fingerprint of {@code target} with {@code n} queries seeded from {@code seeds}. */
    public static Fingerprint extract(Differentiable target, String targetName, String scheme, ImageDataset seeds, int n, long seed) {
        return extract(target, targetName, scheme, Map.of("n", n), seeds, n, seed);
    }

    /** As above, with the scheme's parameters given (the rest take the scheme's defaults). */
    public static Fingerprint extract(Differentiable target, String targetName, String scheme, Map<String, Object> parameters,
            ImageDataset seeds, int n, long seed) {
        Map<String, Object> given = new java.util.LinkedHashMap<>(parameters);
        given.put("n", n);
        return FingerprintExtractor.extract(target, targetName, Schemes.create(scheme, given, "--method"),
                SeedSource.fromData(seeds), seed, ProgressListener.NONE).fingerprint();
    }

    /** Writes {@code members} as {@code dir/name.npz} (a bundle when there are several). */
    public static Path write(Path dir, String name, Fingerprint... members) {
        Path file = dir.resolve(name + ".npz");
        FingerprintFile.writeBundle(file, List.of(members));
        return file;
    }
}
