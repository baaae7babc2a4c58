package io.modelprint.model.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void backoffDoublesUpToTheCap() {
        assertEquals(100, policy.delay(1, null).toMillis());
        assertEquals(200, policy.delay(2, null).toMillis());
        assertEquals(800, policy.delay(4, null).toMillis());
        assertEquals(2000, policy.delay(9, null).toMillis());
        assertEquals(2000, policy.delay(60, null).toMillis());
    }

    @Test
    void retryAfterIsHonouredInSecondsOrAsADateButCapped() {
        assertEquals(1000, policy.delay(1, "1").toMillis());
        assertEquals(0, policy.delay(3, "0").toMillis());
        assertEquals(2000, policy.delay(1, "3600").toMillis());
        String soon = ZonedDateTime.now().plusSeconds(1).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        long wait = policy.delay(1, soon).toMillis();
        assertTrue(wait > 0 && wait <= 1000, "wait " + wait);
        assertEquals(100, policy.delay(1, "soon-ish").toMillis(), "an unreadable Retry-After falls back to backoff");
    }

    @Test
    void onlyOverloadAndServerErrorsAreRetried() {
        assertTrue(RetryPolicy.retryableStatus(429));
        assertTrue(RetryPolicy.retryableStatus(503));
        assertFalse(RetryPolicy.retryableStatus(400));
        assertFalse(RetryPolicy.retryableStatus(404));
    }
}
