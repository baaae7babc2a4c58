package io.modelprint.model.remote;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Exponential backoff for failed requests: the n-th retry waits {@code initial * 2^(n-1)}, at most
 * {@code max}, unless the server said how long to wait with {@code Retry-After} (seconds or an HTTP
 * date), which is honoured up to {@code max}.
 */
public record RetryPolicy(int maxRetries, Duration initial, Duration max) {
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    public static boolean retryableStatus(int status) {
        return status == 429 || status >= 500;
    }

    /** Wait before retry number {@code retry} (1-based). */
    public Duration delay(int retry, String retryAfter) {
        Duration asked = parseRetryAfter(retryAfter);
        if (asked != null) {
            return asked.compareTo(max) > 0 ? max : asked;
        }
        long millis = initial.toMillis() << Math.min(retry - 1, 20);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
