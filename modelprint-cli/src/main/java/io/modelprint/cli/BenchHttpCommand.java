package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.model.remote.InferenceProtocol;
import io.modelprint.model.remote.ModelMetadata;
import io.modelprint.model.remote.TensorMetadata;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "http", mixinStandardHelpOptions = true,
        description = {"Load-test an Open Inference Protocol model URL (e.g. one served by modelprint serve):",
            "closed-loop clients each send single-image (or --batch) label requests until --requests are done or",
            "--duration has passed, whichever comes first."})
final class BenchHttpCommand implements Callable<Integer> {
    @Option(names = "--url", required = true, description = "model URL http(s)://host:port/v2/models/<name>")
    String url;

    @Option(names = "--requests", defaultValue = "5000", description = "requests to send at most (default ${DEFAULT-VALUE})")
    int requests;

    @Option(names = "--duration", defaultValue = "30", paramLabel = "SECONDS", description = "time limit (default ${DEFAULT-VALUE})")
    double duration;

    @Option(names = "--concurrency", defaultValue = "4", description = "clients sending at once (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--batch", defaultValue = "1", description = "images per request (default ${DEFAULT-VALUE})")
    int batch;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || concurrency < 1 || batch < 1 || !(duration > 0)) {
            throw new InputException("--requests, --concurrency and --batch must be >= 1 and --duration > 0");
        }
        String modelUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        byte[] body;
        HttpRequest request;
        try {
            body = requestBody(http, modelUrl);
            request = HttpRequest.newBuilder(URI.create(modelUrl + "/infer")).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            for (int i = 0; i < Math.min(50, requests); i++) {
                HttpResponse<byte[]> warm = http.send(request, HttpResponse.BodyHandlers.ofByteArray()); // connections, JIT, engine
                if (warm.statusCode() != 200) {
                    throw new InputException(modelUrl + "/infer: answered HTTP " + warm.statusCode() + " to a "
                            + body.length + "-byte request; try a smaller --batch");
                }
            }
        } catch (java.io.IOException e) {
            throw new InputException(modelUrl + ": " + (e instanceof java.net.ConnectException ? "connection refused"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")), e);
        } catch (IllegalArgumentException e) {
            throw new InputException("--url " + url + ": " + e.getMessage(), e);
        }
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long[] latencies = new long[requests];
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + (long) (duration * 1e9);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int c = 0; c < concurrency; c++) {
            pool.submit(() -> {
                int i;
                while ((i = issued.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - t0;
                    done.incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination((long) duration + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        int completed = (int) done.get();
        long[] sorted = Arrays.stream(latencies).filter(v -> v > 0).sorted().toArray();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("url", modelUrl);
        result.put("requests", completed);
        result.put("failures", failures.get());
        result.put("concurrency", concurrency);
        result.put("imagesPerRequest", batch);
        result.put("seconds", seconds);
        result.put("requestsPerSecond", completed / seconds);
        result.put("imagesPerSecond", completed * (double) batch / seconds);
        result.put("latencyMsP50", percentile(sorted, 0.50));
        result.put("latencyMsP99", percentile(sorted, 0.99));
        if (format.json()) {
            JsonOutput.print(result);
        } else {
            System.out.printf("%d requests (%d failed) of %d image(s) in %.2f s with %d clients: %.0f requests/s, %.0f images/s;"
                    + " latency p50 %.2f ms, p99 %.2f ms%n", completed, failures.get(), batch, seconds, concurrency,
                    completed / seconds, completed * (double) batch / seconds, percentile(sorted, 0.5), percentile(sorted, 0.99));
        }
        return failures.get() == 0 ? ExitCode.OK : ExitCode.PARTIAL_FAILURE;
    }

    private byte[] requestBody(HttpClient http, String modelUrl) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(modelUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new InputException(modelUrl + ": metadata request answered HTTP " + response.statusCode());
        }
        ModelMetadata metadata = InferenceProtocol.readMetadata(response.body());
        TensorMetadata input = metadata.inputs().get(0);
        long[] shape = input.shape().clone();
        shape[0] = batch;
        long values = 1;
        for (long d : shape) {
            if (d < 1) {
                throw new InputException(modelUrl + ": input " + input.describe() + " has a variable dimension besides the batch");
            }
            values *= d;
        }
        float[] data = new float[(int) values];
        Random random = new Random(0);
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat();
        }
        String output = metadata.outputs().stream().map(TensorMetadata::name).filter(n -> n.equals("label")).findFirst().orElse(null);
        return InferenceProtocol.inferRequest(input.name(), shape, data, 0, data.length, output);
    }

    static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
    }
}
