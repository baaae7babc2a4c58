package io.modelprint.scheme.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.LinearModel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChunkedGeneratorTest {
    private static final InputSpec SPEC = InputSpec.unitRange(1, 3, 3);

    @Test
    void chunksKeepSmallRequestsAsTheyWereAndMakeLargeOnesChunkByChunk() {
        try (LinearModel target = new LinearModel(SPEC, 4, 1)) {
            IpGuard ipguard = new IpGuard(0.5f, 0.05f, 30, new SeedSelection(SeedSelection.Init.RANDOM,
                    SeedSelection.TargetLabel.LEAST_LIKELY), true);
            ChunkedGenerator chunked = new ChunkedGenerator(ipguard);
            SeedSource seeds = SeedSource.uniform(SPEC);
            GeneratedQueries direct = ipguard.generate(target, seeds, 50, 3, ProgressListener.NONE);
            assertArrayEquals(direct.queries().values(), chunked.generate(target, seeds, 50, 3, ProgressListener.NONE).queries().values(),
                    "up to one chunk nothing changes");

            int n = ChunkedGenerator.CHUNK + 7;
            GeneratedQueries large = chunked.generate(target, seeds, n, 3, ProgressListener.NONE);
            assertEquals(n, large.queries().count());
            int size = SPEC.pixelsPerImage();
            GeneratedQueries firstChunk = ipguard.generate(target, seeds, ChunkedGenerator.CHUNK, 3, ProgressListener.NONE);
            GeneratedQueries lastChunk = ipguard.generate(target, seeds, 7, 4, ProgressListener.NONE);
            assertArrayEquals(firstChunk.queries().values(), Arrays.copyOf(large.queries().values(), ChunkedGenerator.CHUNK * size));
            assertArrayEquals(lastChunk.queries().values(),
                    Arrays.copyOfRange(large.queries().values(), ChunkedGenerator.CHUNK * size, n * size));
        }
    }
}
