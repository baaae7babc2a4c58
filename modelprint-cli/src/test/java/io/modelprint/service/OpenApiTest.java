package io.modelprint.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelprint.registry.service.Role;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI description served is the resource, and it lists exactly the routes served, with their roles. */
class OpenApiTest {
    @TempDir
    Path dir;

    @Test
    void everyRouteServedIsDescribedWithItsRolesAndNothingElseIs() throws Exception {
        try (TestService s = new TestService(TestDatabases.sqlite(dir), dir, ServiceRolesContract.NOT_USED, 1, 1024)) {
            Http.Response served = s.http.get("/api/v1/openapi.json", null);
            assertEquals(200, served.status());
            JsonNode doc = served.json();
            assertEquals(new ObjectMapper().readTree(ServiceRoutes.openApi()), doc);
            assertTrue(doc.get("openapi").asText().startsWith("3."), doc.get("openapi").asText());

            Set<String> routes = new TreeSet<>();
            for (ServiceRoute route : s.service.routes()) {
                String method = route.method().name().toLowerCase(Locale.ROOT);
                routes.add(method + " " + route.path());
                JsonNode operation = doc.get("paths").path(route.path()).path(method);
                assertTrue(operation.isObject(), "not described: " + method + " " + route.path());
                Set<String> roles = new TreeSet<>();
                operation.path("x-modelprint-roles").forEach(role -> roles.add(role.asText()));
                assertEquals(route.roles().stream().map(Role::label).collect(Collectors.toCollection(TreeSet::new)), roles,
                        method + " " + route.path());
                assertEquals(route.isPublic(), operation.has("security") && operation.get("security").isEmpty(), route.path());
                assertEquals(!route.isPublic(), operation.get("responses").has("401"), route.path());
            }
            Set<String> described = new TreeSet<>();
            doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                    .forEachRemaining(method -> described.add(method + " " + path.getKey())));
            assertEquals(routes, described);
        }
    }
}
