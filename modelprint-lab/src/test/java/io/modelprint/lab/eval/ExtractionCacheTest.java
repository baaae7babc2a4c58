package io.modelprint.lab.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cached fingerprint is used only for the same target and key, and only while its file hashes to its stamp. */
class ExtractionCacheTest {
    private static final ImageDataset DATA = SyntheticData.bands(40, 4, 8, 8, 1);

    @TempDir
    Path dir;

    @Test
    void extractsOnceAndAgainOnlyWhenTheFileOrItsStampDoesNotMatch() throws IOException {
        try (LinearModel target = new LinearModel(DATA.spec(), 4, 3)) {
            AtomicInteger extractions = new AtomicInteger();
            Supplier<FingerprintExtractor.Result> extract = () -> {
                extractions.incrementAndGet();
                return FingerprintExtractor.extract(target, "target", Schemes.create("random", Map.of("n", 10), "test"),
                        SeedSource.fromData(DATA), 0, ProgressListener.NONE);
            };
            Path file = dir.resolve("random-TL.npz");
            ExtractionCache.Extracted made = ExtractionCache.getOrExtract(file, "random {n=10}", "target-sha", extract);
            ExtractionCache.Extracted read = ExtractionCache.getOrExtract(file, "random {n=10}", "target-sha", extract);
            assertEquals(1, extractions.get(), "the second call reads the cache");
            assertArrayEquals(made.fingerprint().labels(), read.fingerprint().labels());
            assertEquals(made.seconds(), read.seconds(), "the cost is the extraction's, kept in the stamp");

            ExtractionCache.getOrExtract(file, "random {n=20}", "target-sha", extract);
            assertEquals(2, extractions.get(), "another key");
            ExtractionCache.getOrExtract(file, "random {n=20}", "other-target", extract);
            assertEquals(3, extractions.get(), "another target");

            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 1;
            Files.write(file, bytes);
            ExtractionCache.getOrExtract(file, "random {n=20}", "other-target", extract);
            assertEquals(4, extractions.get(), "a changed fingerprint file is not trusted");

            Files.writeString(file.resolveSibling(file.getFileName() + ".json"), "{\"targetSha256\":");
            ExtractionCache.getOrExtract(file, "random {n=20}", "other-target", extract);
            assertEquals(5, extractions.get(), "a damaged stamp is not trusted");
            ExtractionCache.getOrExtract(file, "random {n=20}", "other-target", extract);
            assertEquals(5, extractions.get(), "and the fingerprint made again is cached");
        }
    }
}
