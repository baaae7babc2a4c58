package io.modelprint.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Request bodies read up to a limit, whatever length the client announced: 413 beyond it, 400 when unreadable. */
final class RequestBodies {
    /** Largest JSON body any route takes. */
    static final int MAX_JSON_BYTES = 64 * 1024;

    private RequestBodies() {}

    static byte[] bytes(Context ctx, long maxBytes) {
        refuseAnnouncedOver(ctx, maxBytes);
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return body;
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    /** Copies the body to {@code out}; returns its length. */
    static long copy(Context ctx, long maxBytes, OutputStream out) {
        refuseAnnouncedOver(ctx, maxBytes);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = ctx.req().getInputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
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
