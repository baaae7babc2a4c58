package io.modelprint.serve;

import io.javalin.config.JavalinConfig;

/**
 * What every modelprint HTTP server sets on Jetty: idle connections closed, request bodies that arrive
 * slower than a floor aborted (a slow client holds a connection, never the server), Jetty's own error
 * pages as {@code {"error": "..."}} JSON, no banner.
 */
public final class JettyLimits {
    /** A connection that sends nothing for this long is closed. */
    public static final long IDLE_TIMEOUT_MS = 5_000;
    /** A request body arriving slower than this is aborted (a legitimate client on any network sends far faster). */
    public static final long MIN_REQUEST_BYTES_PER_SECOND = 4 * 1024;

    private JettyLimits() {}

    public static void apply(JavalinConfig config) {
        apply(config, MIN_REQUEST_BYTES_PER_SECOND);
    }

    /**
     * As {@link #apply(JavalinConfig)} with Jetty's request data rate floor set to {@code minRequestBytesPerSecond} (0: none).
     * Jetty measures the rate from the body's first byte to each read, so a small body read after slow work (a database
     * lookup) looks slow: a server that reads bodies late checks the rate itself.
     */
    public static void apply(JavalinConfig config, long minRequestBytesPerSecond) {
        config.jetty.modifyHttpConfiguration(http -> {
            http.setIdleTimeout(IDLE_TIMEOUT_MS);
            http.setMinRequestDataRate(minRequestBytesPerSecond);
        });
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new JsonErrorHandler());
            for (var connector : server.getConnectors()) {
                if (connector instanceof org.eclipse.jetty.server.AbstractConnector c) {
                    c.setIdleTimeout(IDLE_TIMEOUT_MS);
                }
            }
        });
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
    }
}
