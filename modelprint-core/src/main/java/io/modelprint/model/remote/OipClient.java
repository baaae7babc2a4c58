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
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
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

    /** The server refused a request for its size; a smaller batch may pass. */
    static final class PayloadTooLargeException extends InputException {
        PayloadTooLargeException(String message) {
            super(message);
        }
    }

    private static String describe(IOException e) {
        String kind = e instanceof java.net.http.HttpConnectTimeoutException ? "connect timeout"
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
