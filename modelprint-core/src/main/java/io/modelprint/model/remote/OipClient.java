package io.modelprint.model.remote;

import io.modelprint.InputException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * HTTP side of the Open Inference Protocol client: GET metadata, POST infer, with connect and read
 * timeouts and retries (exponential backoff, {@code Retry-After}) on connection errors, timeouts,
 * 429 and 5xx. Other failures end the call at once with a message naming the URL.
 */
final class OipClient {
    /** Called before every attempt to send (first try and retries); may refuse by throwing. */
    interface AttemptGate {
        void beforeAttempt(int attempt);
    }

    private final String modelUrl;
    private final RemoteOptions options;
    private final RemoteStats stats;
    private final HttpClient http;

    OipClient(String modelUrl, RemoteOptions options, RemoteStats stats) {
        this.modelUrl = modelUrl;
        this.options = options;
        this.stats = stats;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    String modelUrl() {
        return modelUrl;
    }

    /** The model's metadata, or null when the server does not offer it (404/405/501). */
    ModelMetadata metadata() {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(modelUrl)).GET(), 0, attempt -> { });
        int status = response.statusCode();
        if (status == 404 || status == 405 || status == 501) {
            return null;
        }
        requireSuccess(response, "GET " + modelUrl);
        requireJson(response, "GET " + modelUrl);
        return InferenceProtocol.readMetadata(response.body());
    }

    java.util.List<OutputTensor> infer(byte[] body, int images, AttemptGate gate) {
        String url = modelUrl + "/infer";
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), images, gate);
        requireSuccess(response, "POST " + url);
        requireJson(response, "POST " + url);
        try {
            return InferenceProtocol.readInferResponse(response.body());
        } catch (ProtocolException e) {
            throw new ProtocolException(url + ": " + e.getMessage(), e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder builder, int images, AttemptGate gate) {
        HttpRequest request = builder.timeout(options.readTimeout()).header("Accept", "application/json").build();
        RetryPolicy retry = options.retry();
        String lastFailure = null;
        for (int attempt = 0; attempt <= retry.maxRetries(); attempt++) {
            String retryAfter = null;
            if (attempt > 0) {
                stats.retry();
            }
            gate.beforeAttempt(attempt);
            long start = System.nanoTime();
            try {
                HttpResponse<byte[]> response = sendWithin(request, images);
                stats.request(images, System.nanoTime() - start);
                if (!RetryPolicy.retryableStatus(response.statusCode())) {
                    return response;
                }
                lastFailure = "HTTP " + response.statusCode() + errorText(response);
                retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            } catch (IOException e) {
                stats.request(images, System.nanoTime() - start);
                lastFailure = describe(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InputException(request.uri() + ": interrupted");
            }
            if (attempt < retry.maxRetries()) {
                sleep(retry.delay(attempt + 1, retryAfter));
            }
        }
        throw new InputException(request.method() + " " + request.uri() + ": failed after " + (retry.maxRetries() + 1)
                + " attempts; last: " + lastFailure);
    }

    /** Bytes an answer for {@code images} images may take (scores of a thousand classes fit easily). */
    static long answerLimit(int images) {
        return (1L << 20) + 64L * 1024 * Math.max(1, images);
    }

    /**
     * Sends and reads the whole answer within one deadline (--read-timeout): a server that sends its
     * headers and then trickles the body, or sends forever, is cut off like one that never answers.
     */
    private HttpResponse<byte[]> sendWithin(HttpRequest request, int images) throws IOException, InterruptedException {
        var future = http.sendAsync(request, BoundedBody.handler(answerLimit(images)));
        try {
            return future.get(options.readTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw new java.net.http.HttpTimeoutException("no complete answer within " + options.readTimeout().toMillis() / 1000.0
                    + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }

    /** The server refused a request for its size; a smaller batch may pass. */
    static final class PayloadTooLargeException extends InputException {
        PayloadTooLargeException(String message) {
            super(message);
        }
    }

    private static String describe(IOException e) {
        String kind = e instanceof BoundedBody.TooLargeException ? "answer too large"
                : e instanceof java.net.http.HttpConnectTimeoutException ? "connect timeout"
                : e instanceof java.net.http.HttpTimeoutException ? "read timeout"
                : e instanceof java.net.ConnectException ? "connection refused"
                : e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }

    private static void requireSuccess(HttpResponse<byte[]> response, String what) {
        int status = response.statusCode();
        if (status == 413) {
            throw new PayloadTooLargeException(what + ": HTTP 413" + errorText(response));
        }
        if (status < 200 || status >= 300) {
            throw new InputException(what + ": HTTP " + status + errorText(response));
        }
    }

    private static void requireJson(HttpResponse<byte[]> response, String what) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        boolean looksJson = type.contains("json") || (type.isEmpty() && startsLikeJson(response.body()));
        if (!looksJson) {
            throw new ProtocolException(what + ": answered " + (type.isEmpty() ? "an untyped body" : type)
                    + ", not Open Inference Protocol JSON (is this a /v2/models/<name> URL of an inference server?)");
        }
    }

    private static boolean startsLikeJson(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    private static String errorText(HttpResponse<byte[]> response) {
        String error = InferenceProtocol.readError(response.body());
        return error == null ? "" : ": " + error;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while waiting to retry");
        }
    }
}
