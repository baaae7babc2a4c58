package io.modelprint.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.modelprint.serve.JettyLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Request bodies read up to a limit, whatever length the client announced: 413 beyond it, 400 when unreadable. */
final class RequestBodies {
    /** Largest JSON body any route takes. */
    static final int MAX_JSON_BYTES = 64 * 1024;
    /** Seconds a body may take before its average rate is checked. */
    static final double GRACE_SECONDS = 2;

    private RequestBodies() {}

    static byte[] bytes(Context ctx, long maxBytes) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        copy(ctx, maxBytes, body);
        return body.toByteArray();
    }

    /**
     * Copies the body to {@code out}; returns its length. A body that stops is cut by Jetty's idle timeout; one that
     * trickles in slower than {@link JettyLimits#MIN_REQUEST_BYTES_PER_SECOND} on average (after a grace period) is
     * refused with 408, so that a slow client cannot hold a connection and an upload slot for long.
     */
    static long copy(Context ctx, long maxBytes, OutputStream out) {
        refuseAnnouncedOver(ctx, maxBytes);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        long start = System.nanoTime();
        try (InputStream in = ctx.req().getInputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (seconds > GRACE_SECONDS && total < JettyLimits.MIN_REQUEST_BYTES_PER_SECOND * seconds) {
                    throw new ApiError(408, "the request body arrives slower than " + JettyLimits.MIN_REQUEST_BYTES_PER_SECOND
                            + " bytes/s; send it faster");
                }
            }
            return total;
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    /** The body as one JSON object. */
    static JsonNode json(Context ctx) {
        byte[] body = bytes(ctx, MAX_JSON_BYTES);
        try {
            JsonNode node = Responses.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ApiError(400, "expected a JSON object as the request body");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiError(400, "the request body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiError(400, "the request body is not JSON");
        }
    }

    private static void refuseAnnouncedOver(Context ctx, long maxBytes) {
        long announced = ctx.req().getContentLengthLong();
        if (announced > maxBytes) {
            throw tooLarge(maxBytes);
        }
    }

    private static ApiError tooLarge(long maxBytes) {
        return new ApiError(413, "the request body is over this service's limit of " + maxBytes + " bytes");
    }

    private static ApiError unreadable(Exception e) {
        if (e instanceof ApiError api) {
            return api;
        }
        if (e instanceof org.eclipse.jetty.http.BadMessageException bad) {
            return new ApiError(bad.getCode(), "could not read the request body: " + bad.getReason());
        }
        return new ApiError(400, "could not read the request body");
    }
}
