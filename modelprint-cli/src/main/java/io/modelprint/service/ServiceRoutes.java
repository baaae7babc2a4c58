package io.modelprint.service;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.modelprint.registry.service.Role;
import io.modelprint.signature.Ed25519;
import java.io.IOException;
import java.io.InputStream;
import java.security.PublicKey;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Every route of {@code registry serve} and who may call it; the OpenAPI description (openapi.json) lists the same. */
final class ServiceRoutes {
    static final String PREFIX = "/api/v1";
    static final String OPENAPI_RESOURCE = "openapi.json";

    private ServiceRoutes() {}

    static List<ServiceRoute> all(FingerprintHandlers fingerprints, ScanHandlers scans, EvidenceHandlers evidence,
            PrincipalHandlers principals, PublicKey registryKey) {
        Set<Role> owner = Set.of(Role.OWNER);
        Set<Role> hub = Set.of(Role.HUB);
        Set<Role> auditor = Set.of(Role.AUDITOR);
        Set<Role> admin = Set.of(Role.ADMIN);
        byte[] openApi = openApi();
        return List.of(
                ServiceRoute.open(GET, PREFIX + "/health", (ctx, caller) -> Responses.json(ctx, 200, Responses.map("status", "ok",
                        "version", io.modelprint.ToolVersion.version()))),
                ServiceRoute.open(GET, PREFIX + "/openapi.json", (ctx, caller) -> ctx.status(200).contentType(Responses.JSON).result(openApi)),
                ServiceRoute.open(GET, PREFIX + "/registry-key", (ctx, caller) -> Responses.json(ctx, 200, Responses.map(
                        "algorithm", Ed25519.ALGORITHM, "keyId", Ed25519.keyId(registryKey), "publicKey", Ed25519.encode(registryKey)))),
                ServiceRoute.of(GET, PREFIX + "/whoami", EnumSet.allOf(Role.class), (ctx, caller) -> Responses.json(ctx, 200,
                        Responses.map("name", caller.name(), "role", caller.role().label()))),
                ServiceRoute.of(GET, PREFIX + "/fingerprints", owner, fingerprints::list),
                ServiceRoute.of(POST, PREFIX + "/fingerprints", owner, fingerprints::register),
                ServiceRoute.of(GET, PREFIX + "/fingerprints/{id}", owner, fingerprints::show),
                ServiceRoute.of(GET, PREFIX + "/fingerprints/{id}/file", owner, fingerprints::file),
                ServiceRoute.of(DELETE, PREFIX + "/fingerprints/{id}", owner, fingerprints::remove),
                ServiceRoute.of(GET, PREFIX + "/verdicts", owner, fingerprints::verdicts),
                ServiceRoute.of(POST, PREFIX + "/scans", hub, scans::submit),
                ServiceRoute.of(GET, PREFIX + "/scans", hub, scans::list),
                ServiceRoute.of(GET, PREFIX + "/scans/{id}", Set.of(Role.HUB, Role.OWNER), scans::show),
                ServiceRoute.of(GET, PREFIX + "/scans/{id}/report", Set.of(Role.HUB, Role.OWNER), scans::report),
                ServiceRoute.of(GET, PREFIX + "/evidence", auditor, evidence::list),
                ServiceRoute.of(GET, PREFIX + "/evidence/verify", auditor, evidence::verify),
                ServiceRoute.of(GET, PREFIX + "/principals", admin, principals::list),
                ServiceRoute.of(POST, PREFIX + "/principals", admin, principals::add),
                ServiceRoute.of(POST, PREFIX + "/principals/{name}/tokens", admin, principals::issueToken),
                ServiceRoute.of(DELETE, PREFIX + "/principals/{name}/tokens", admin, principals::revokeTokens));
    }

    /** The OpenAPI description, a resource beside this class. */
    static byte[] openApi() {
        try (InputStream in = ServiceRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + OPENAPI_RESOURCE, e);
        }
    }
}
