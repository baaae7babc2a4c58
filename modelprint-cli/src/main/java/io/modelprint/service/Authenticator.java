package io.modelprint.service;

import io.javalin.http.Context;
import io.modelprint.registry.service.Authentication;
import io.modelprint.registry.service.Principal;
import io.modelprint.registry.service.Principals;
import io.modelprint.registry.service.Role;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The caller of a route, from its {@code Authorization: Bearer TOKEN} header: 401 without a valid token
 * (missing, not one of ours, revoked or expired), 403 when the token's role may not use the route.
 */
final class Authenticator {
    private static final String BEARER = "bearer ";

    private final DatabasePool pool;

    Authenticator(DatabasePool pool) {
        this.pool = pool;
    }

    Principal require(Context ctx, Set<Role> allowed) {
        String header = ctx.header("Authorization");
        String token = header == null ? null
                : header.regionMatches(true, 0, BEARER, 0, BEARER.length()) ? header.substring(BEARER.length()).strip() : "?";
        Authentication authentication = pool.with(database -> new Principals(database).authenticate(token, Instant.now()));
        if (!authentication.authenticated()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"modelprint\"" + (token == null ? "" : ", error=\"invalid_token\""));
            throw new ApiError(401, switch (authentication.failure()) {
                case MISSING -> "no bearer token: send the header Authorization: Bearer TOKEN";
                case EXPIRED -> "the token has expired; ask an admin for a new one";
                case INVALID -> "the token is not valid here";
            });
        }
        Principal principal = authentication.principal();
        if (!allowed.contains(principal.role())) {
            throw new ApiError(403, "this needs the role " + allowed.stream().map(Role::label).sorted()
                    .collect(Collectors.joining(" or ")) + "; the token is " + article(principal.role()) + "'s");
        }
        return principal;
    }

    private static String article(Role role) {
        String label = role.label();
        return ("aeiou".indexOf(label.toLowerCase(Locale.ROOT).charAt(0)) >= 0 ? "an " : "a ") + label;
    }
}
