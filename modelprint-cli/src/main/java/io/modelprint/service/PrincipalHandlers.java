package io.modelprint.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.modelprint.registry.service.IssuedToken;
import io.modelprint.registry.service.Principal;
import io.modelprint.registry.service.Principals;
import io.modelprint.registry.service.Role;
import java.time.Duration;
import java.util.Map;

/** The admin's routes: principals and their tokens (a token is shown once, in the answer that issues it). */
final class PrincipalHandlers {
    private final DatabasePool pool;

    PrincipalHandlers(DatabasePool pool) {
        this.pool = pool;
    }

    void list(Context ctx, Principal admin) {
        var all = pool.with(database -> new Principals(database).list()).stream()
                .map(p -> Responses.map("name", p.name(), "role", p.role().label(), "createdAt", p.createdAt())).toList();
        Responses.json(ctx, 200, Responses.map("principals", all));
    }

    void add(Context ctx, Principal admin) {
        JsonNode body = RequestBodies.json(ctx);
        String name = text(body, "name");
        Role role = Role.parse(text(body, "role"));
        Duration lifetime = lifetime(body);
        IssuedToken issued = pool.with(database -> {
            Principals principals = new Principals(database);
            if (principals.find(name) != null) {
                throw new ApiError(409, "principal " + name + " already exists; issue it another token instead");
            }
            return principals.add(name, role, lifetime);
        });
        Responses.json(ctx, 201, view(issued));
    }

    void issueToken(Context ctx, Principal admin) {
        String name = ctx.pathParam("name");
        Duration lifetime = lifetime(RequestBodies.json(ctx));
        IssuedToken issued = pool.with(database -> {
            Principals principals = new Principals(database);
            if (principals.find(name) == null) {
                throw ApiError.notFound("principal " + name);
            }
            return principals.issueToken(name, lifetime);
        });
        Responses.json(ctx, 201, view(issued));
    }

    void revokeTokens(Context ctx, Principal admin) {
        String name = ctx.pathParam("name");
        int revoked = pool.with(database -> {
            Principals principals = new Principals(database);
            if (principals.find(name) == null) {
                throw ApiError.notFound("principal " + name);
            }
            return principals.revokeTokens(name);
        });
        Responses.json(ctx, 200, Responses.map("principal", name, "revoked", revoked));
    }

    private static Map<String, Object> view(IssuedToken issued) {
        return Responses.map("name", issued.principal().name(), "role", issued.principal().role().label(), "token", issued.token(),
                "tokenId", issued.tokenId(), "expiresAt", issued.expiresAt());
    }

    private static Duration lifetime(JsonNode body) {
        JsonNode expiresIn = body.get("expiresIn");
        return expiresIn == null || expiresIn.isNull() ? null : Lifetimes.parse("expiresIn", expiresIn.asText());
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new ApiError(400, "expected \"" + field + "\" as a string in the request body");
        }
        return value.asText();
    }
}
