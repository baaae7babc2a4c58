package io.modelprint.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** How a test server misbehaves on its infer requests, so that a client's retries and timeouts are seen at work. */
public enum Flakiness {
    NONE,
    /** Every odd request (the 1st, 3rd, ...) is refused with 503 and Retry-After: 0. */
    FAIL_EVERY_OTHER,
    /** The first request is answered 1.5 s late. */
    SLOW_FIRST;

    /** Misbehaves on infer request number {@code n} (from 1); true when that answered the request. */
    public boolean interfere(HttpExchange exchange, int n) throws IOException {
        if (this == FAIL_EVERY_OTHER && n % 2 == 1) {
            exchange.getResponseHeaders().add("Retry-After", "0");
            LoopbackServer.send(exchange, 503, "application/json", "{\"error\":\"overloaded, try again\"}");
            return true;
        }
        if (this == SLOW_FIRST && n == 1) {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }
}
