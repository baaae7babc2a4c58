package io.modelprint.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON in and out of the service's routes: every answer, errors included, is one JSON document. */
final class Responses {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String JSON = "application/json";

    private Responses() {}

    static void json(Context ctx, int status, Object document) {
        try {
            ctx.status(status).contentType(JSON).result(MAPPER.writeValueAsBytes(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a response as JSON", e);
        }
    }

    /** {@code document} as JSON text. */
    static String text(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode as JSON", e);
        }
    }

    static void error(Context ctx, int status, String message) {
        json(ctx, status, Map.of("error", message));
    }

    /** A small map in the order given: key, value, key, value... */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
