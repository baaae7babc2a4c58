package io.modelprint.registry;

import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.SyntheticData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Real fingerprints of tiny linear models on synthetic 10x10 images, written to files. */
final class TinyFingerprints {
    static final ImageDataset DATA = SyntheticData.bands(400, 10, 10, 10, 2);

    private TinyFingerprints() {}

    static LinearModel target(long seed) {
        return new LinearModel(DATA.spec(), 10, seed);
    }

    static Fingerprint extract(String scheme, LinearModel target, int n, long seed) {
        Scheme<?> s = Schemes.create(scheme, Map.of("n", n), "--method");
        return FingerprintExtractor.extract(target, "target-" + seed, s, SeedSource.fromData(DATA), n, seed, ProgressListener.NONE)
                .fingerprint();
    }

    static Path write(Path dir, String name, Fingerprint... members) {
        Path file = dir.resolve(name + ".npz");
        FingerprintFile.writeBundle(file, List.of(members));
        return file;
    }
}
