package io.modelprint.model.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Scored;
import io.modelprint.testing.RandomImages;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteClassifierTest {
    private static final int CLASSES = 10;
    private static final InputSpec SPEC = InputSpec.unitRange(1, 8, 8);

    @TempDir
    Path dir;

    private static RemoteOptions options(int batch, long budget, Duration readTimeout) {
        return new RemoteOptions(Duration.ofSeconds(2), readTimeout, new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)),
                batch, budget);
    }

    private static float[] images(int n, long seed) {
        return RandomImages.uniform(n, SPEC, seed);
    }

    private static long[] expected(float[] values, int n) {
        long[] labels = new long[n];
        for (int i = 0; i < n; i++) {
            labels[i] = FakeOipServer.label(values, i * SPEC.pixelsPerImage(), CLASSES);
        }
        return labels;
    }

    private static long[] ask(RemoteClassifier model, float[] values, int n) {
        return model.predictLabels(values, n);
    }

    @Test
    void labelsComeBackInOrderAcrossBatchesAndTheLabelOutputIsChosenFromMetadata() throws IOException {
        try (FakeOipServer server = new FakeOipServer(FakeOipServer.Mode.NORMAL, CLASSES, 1, 8)) {
            RemoteClassifier model = RemoteClassifier.connect(server.url(), SPEC, CLASSES, options(16, 0, Duration.ofSeconds(5)), null);
            float[] values = images(50, 1);
            assertArrayEquals(expected(values, 50), ask(model, values, 50));
            assertEquals(4, server.inferRequests.get(), "50 images in batches of 16");
            assertEquals(50, model.stats().queriesSent());
            assertEquals(0, model.stats().retries());
        }
    }

    @Test
    void scoreOutputsAreReducedToTopOneLabels() throws IOException {
        try (FakeOipServer server = new FakeOipServer(FakeOipServer.Mode.SCORES_ONLY, CLASSES, 1, 8)) {
            server.metadataJson = null; // no metadata offered: the client sends without naming an output
            RemoteClassifier model = RemoteClassifier.connect(server.url() + "/infer", SPEC, CLASSES,
                    options(64, 0, Duration.ofSeconds(5)), null);
            float[] values = images(20, 2);
            assertArrayEquals(expected(values, 20), ask(model, values, 20));
        }
    }

    @Test
    void scoreRowsAreAskedForKeptWholeCachedAsRowsAndReducedToTheirTopOne() throws IOException {
        try (FakeOipServer server = new FakeOipServer(FakeOipServer.Mode.NORMAL, CLASSES, 1, 8);
                NDManager manager = NDManager.newBaseManager()) {
            float[] values = images(20, 7);
            AnswerCache cache = AnswerCache.open(dir, server.url(), "fp-sha", AnswerCache.Kind.SCORES);
            RemoteClassifier model = RemoteClassifier.connect(server.url(), SPEC, CLASSES, options(8, 0, Duration.ofSeconds(5)),
                    cache, true);
            float[] logits = ((Scored) model).predictLogits(manager.create(values, new Shape(20, 1, 8, 8))).toFloatArray();
            for (int i = 0; i < 20; i++) { // the fake model's scores are an image's first pixels
                int pixel = i * SPEC.pixelsPerImage();
                assertArrayEquals(Arrays.copyOfRange(values, pixel, pixel + CLASSES),
                        Arrays.copyOfRange(logits, i * CLASSES, (i + 1) * CLASSES));
            }
            RemoteClassifier again = RemoteClassifier.connect(server.url(), SPEC, CLASSES,
                    options(8, 0, Duration.ofSeconds(5)), AnswerCache.open(dir, server.url(), "fp-sha", AnswerCache.Kind.SCORES), true);
            assertArrayEquals(expected(values, 20), ask(again, values, 20));
            assertEquals(20, again.stats().cachedAnswers());
            assertEquals(20, server.imagesReceived.get(), "the score rows came from the cache");
        }
    }

    @Test
    void scoresAskedOfAServerThatListsOnlyLabelsGiveALabelOnlyClient() throws IOException {
        try (FakeOipServer server = new FakeOipServer(FakeOipServer.Mode.NORMAL, CLASSES, 1, 8)) {
            server.metadataJson = server.metadataJson.replaceAll(",\\{\"name\":\"probabilities\"[^}]*}", "");
            RemoteClassifier model = RemoteClassifier.connect(server.url(), SPEC, CLASSES, options(8, 0, Duration.ofSeconds(5)),
                    null, true);
            assertFalse(model instanceof Scored, server.metadataJson);
            float[] values = images(10, 8);
            assertArrayEquals(expected(values, 10), ask(model, values, 10));
        }
    }

    @Test
    void aServerThatFailsEveryOtherRequestLosesNoQueryAndRepeatsOnlyTheRetried() throws IOException {
        try (FakeOipServer server = new FakeOipServer(FakeOipServer.Mode.FAIL_EVERY_OTHER, CLASSES, 1, 8)) {
            RemoteClassifier model = RemoteClassifier.connect(server.url(), SPEC, CLASSES, options(10, 0, Duration.ofSeconds(5)), null);
            float[] values = images(40, 3);
            assertArrayEquals(expected(values, 40), ask(model, values, 40));
            assertEquals(4, model.stats().retries(), "each of the 4 requests failed once");
            assertEquals(8, server.inferRequests.get());
            assertEquals(80, server.imagesReceived.get(), "every image sent twice: once refused, once answered");
            assertEquals(40, server.imagesAnswered.get(), "no image answered twice");
            assertEquals(80, model.stats().queriesSent());
        }
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() throws IOException {
        try (FakeOipServer server = new FakeOipServer(FakeOipServer.Mode.SLOW_FIRST, CLASSES, 1, 8)) {
            RemoteClassifier model = RemoteClassifier.connect(server.url(), SPEC, CLASSES,
                    options(64, 0, Duration.ofMillis(400)), null);
            float[] values = images(12, 4);
            assertArrayEquals(expected(values, 12), ask(model, values, 12));
            assertEquals(1, model.stats().retries());
        }
    }

    @Test
    void theBudgetIsNeverExceededAndTheCacheResumesWithoutPayingTwice() throws IOException {
        try (FakeOipServer server = new FakeOipServer(FakeOipServer.Mode.NORMAL, CLASSES, 1, 8)) {
            float[] values = images(50, 5);
            RemoteClassifier limited = RemoteClassifier.connect(server.url(), SPEC, CLASSES, options(16, 30, Duration.ofSeconds(5)),
                    AnswerCache.open(dir, server.url(), "fp-sha"));
            InputException spent = assertThrows(QueryBudget.BudgetSpentException.class, () -> ask(limited, values, 50));
            assertTrue(spent.getMessage().contains("--max-queries 30"), spent.getMessage());
            assertEquals(30, server.imagesReceived.get(), "16 + 14: the last request shrinks to fit the budget");

            AnswerCache cache = AnswerCache.open(dir, server.url(), "fp-sha");
            assertEquals(30, cache.size(), "answers received before the budget ran out were kept");
            RemoteClassifier resumed = RemoteClassifier.connect(server.url(), SPEC, CLASSES, options(16, 0, Duration.ofSeconds(5)), cache);
            assertArrayEquals(expected(values, 50), ask(resumed, values, 50));
            assertEquals(50, server.imagesReceived.get(), "only the 20 missing answers were asked for");
            assertEquals(30, resumed.stats().cachedAnswers());

            RemoteClassifier again = RemoteClassifier.connect(server.url(), SPEC, CLASSES, options(16, 0, Duration.ofSeconds(5)),
                    AnswerCache.open(dir, server.url(), "fp-sha"));
            assertArrayEquals(expected(values, 50), ask(again, values, 50));
            assertEquals(50, server.imagesReceived.get(), "a finished verification is answered from the cache");
            try (var files = Files.list(dir)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no half-written cache file");
            }
            AnswerCache other = AnswerCache.open(dir, server.url(), "another-fingerprint");
            assertEquals(0, other.size(), "the cache is keyed by fingerprint and URL");
        }
    }

    @Test
    void badServersGetClearErrors() throws IOException {
        float[] values = images(4, 6);
        try (FakeOipServer html = new FakeOipServer(FakeOipServer.Mode.HTML, CLASSES, 1, 8)) {
            RemoteClassifier model = RemoteClassifier.connect(html.url(), SPEC, CLASSES, options(4, 0, Duration.ofSeconds(5)), null);
            String message = assertThrows(ProtocolException.class, () -> ask(model, values, 4)).getMessage();
            assertTrue(message.contains("text/html") && message.contains("/infer"), message);
        }
        try (FakeOipServer two = new FakeOipServer(FakeOipServer.Mode.TWO_OUTPUTS, CLASSES, 1, 8)) {
            two.metadataJson = null;
            RemoteClassifier model = RemoteClassifier.connect(two.url(), SPEC, CLASSES, options(4, 0, Duration.ofSeconds(5)), null);
            String message = assertThrows(ProtocolException.class, () -> ask(model, values, 4)).getMessage();
            assertTrue(message.contains("answered 2 outputs"), message);
        }
        try (FakeOipServer wild = new FakeOipServer(FakeOipServer.Mode.LABEL_OUT_OF_RANGE, CLASSES, 1, 8)) {
            RemoteClassifier model = RemoteClassifier.connect(wild.url(), SPEC, CLASSES, options(4, 0, Duration.ofSeconds(5)), null);
            String message = assertThrows(ProtocolException.class, () -> ask(model, values, 4)).getMessage();
            assertTrue(message.contains("label 12, outside the fingerprint's 10 classes"), message);
        }
        try (FakeOipServer rgb = new FakeOipServer(FakeOipServer.Mode.NORMAL, CLASSES, 3, 32)) {
            String message = assertThrows(InputException.class, () -> RemoteClassifier.connect(rgb.url(), SPEC, CLASSES,
                    options(4, 0, Duration.ofSeconds(5)), null)).getMessage();
            assertTrue(message.contains("[-1, 3, 32, 32]") && message.contains("1x8x8"), message);
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String refused = assertThrows(InputException.class, () -> RemoteClassifier.connect(
                "http://127.0.0.1:" + closedPort + "/v2/models/m", SPEC, CLASSES, options(4, 0, Duration.ofSeconds(5)), null)).getMessage();
        assertTrue(refused.contains("failed after 4 attempts") && refused.contains("connection refused"), refused);
        String notOip = assertThrows(InputException.class, () -> RemoteClassifier.connect("http://127.0.0.1:1/predict", SPEC, CLASSES,
                options(4, 0, Duration.ofSeconds(5)), null)).getMessage();
        assertTrue(notOip.contains("/v2/models/<name>"), notOip);
        assertFalse(RemoteClassifier.isUrl("models/vgg"));
    }
}
