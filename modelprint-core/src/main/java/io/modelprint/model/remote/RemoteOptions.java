package io.modelprint.model.remote;

import java.time.Duration;

/**
 * How modelprint talks to a remote suspect.
 *
 * @param batchSize images per request (lowered to the server's fixed batch dimension, if any)
 * @param maxQueries images the server may be asked to label in total, retries included; 0 = no limit
 */
public record RemoteOptions(Duration connectTimeout, Duration readTimeout, RetryPolicy retry, int batchSize,
        long maxQueries) {
    public RemoteOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (maxQueries < 0) {
            throw new IllegalArgumentException("query budget must be >= 0, got " + maxQueries);
        }
    }

    public static RemoteOptions defaults() {
        return new RemoteOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), RetryPolicy.defaults(), 64, 0);
    }

}
