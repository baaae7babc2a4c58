package io.modelprint.service;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.modelprint.registry.service.Principal;
import io.modelprint.registry.service.Role;
import java.util.Set;

/**
 * One route of the service: method, path (Javalin's {@code {param}} syntax, as in the OpenAPI
 * description), the roles that may call it (none: anyone, without a token) and what it does.
 */
record ServiceRoute(HandlerType method, String path, Set<Role> roles, Handler handler) {
    /** A route's work, given its authenticated caller (null on a public route). */
    @FunctionalInterface
    interface Handler {
        void handle(Context ctx, Principal caller) throws Exception;
    }

    static ServiceRoute open(HandlerType method, String path, Handler handler) {
        return new ServiceRoute(method, path, Set.of(), handler);
    }

    static ServiceRoute of(HandlerType method, String path, Set<Role> roles, Handler handler) {
        return new ServiceRoute(method, path, roles, handler);
    }

    boolean isPublic() {
        return roles.isEmpty();
    }
}
