package io.modelprint.service;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.modelprint.InputException;
import io.modelprint.registry.DatabaseLocation;
import io.modelprint.registry.OwnershipConflict;
import io.modelprint.registry.service.Principal;
import io.modelprint.serve.JettyLimits;
import io.modelprint.signature.SigningKey;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code registry serve}: the registry over HTTP (Javalin) for principals with roles (docs/service.md).
 * Every answer is JSON; a refusal says what is wrong and no more (no stack trace, no path of the
 * service's, no other owner's name); an unexpected failure is a 500 with a reference to the service's log.
 */
public final class RegistryService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryService.class);

    private final DatabasePool pool;
    private final Uploads uploads;
    private final ScanQueue queue;
    private final Authenticator authenticator;
    private final List<ServiceRoute> routes;
    private final Javalin app;
    private int recovered;

    public RegistryService(DatabaseLocation location, SigningKey registryKey, ServiceSettings settings, SuspectScanner scanner) {
        this.pool = new DatabasePool(location, settings.workers() + 8);
        this.uploads = Uploads.open(settings.uploadDir(), settings.maxUploadBytes());
        this.queue = new ScanQueue(pool, settings, uploads, scanner, registryKey);
        this.authenticator = new Authenticator(pool);
        this.routes = ServiceRoutes.all(new FingerprintHandlers(pool, settings.maxFingerprintBytes()),
                new ScanHandlers(pool, queue, uploads, settings.urlSuspects()), new EvidenceHandlers(pool, registryKey.publicKey()),
                new PrincipalHandlers(pool), registryKey.publicKey());
        this.app = Javalin.create(config -> {
            JettyLimits.apply(config, 0); // bodies are read after the token is checked: RequestBodies checks their rate
            config.http.defaultContentType = Responses.JSON;
            for (ServiceRoute route : routes) {
                config.routes.addHttpHandler(route.method(), route.path(), ctx -> handle(route, ctx));
            }
            config.routes.exception(ApiError.class, (e, ctx) -> Responses.error(ctx, e.status(), uploads.scrub(e.getMessage())));
            config.routes.exception(OwnershipConflict.class, (e, ctx) -> Responses.error(ctx, 409, e.withoutOthers()));
            config.routes.exception(InputException.class, this::refused);
            config.routes.exception(HttpResponseException.class, (e, ctx) -> Responses.error(ctx, e.getStatus(), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                LOG.warn("internal error {} on {} {}", reference, ctx.method(), ctx.path(), e);
                Responses.error(ctx, 500, "internal error (reference " + reference + " in the service's log)");
            });
        });
    }

    /** Queues again the scans a stop or crash interrupted, then listens; port 0 picks a free one. */
    public RegistryService start(String host, int port) {
        recovered = queue.recover();
        app.start(host, port);
        return this;
    }

    /** Jobs found queued or interrupted at start, queued again. */
    public int recovered() {
        return recovered;
    }

    public int port() {
        return app.port();
    }

    /** The routes served (the OpenAPI description must list each). */
    List<ServiceRoute> routes() {
        return routes;
    }

    /** Jobs queued or running. */
    int jobsInFlight() {
        return queue.inFlight();
    }

    private void handle(ServiceRoute route, Context ctx) throws Exception {
        Principal caller = route.isPublic() ? null : authenticator.require(ctx, route.roles());
        ctx.header("Cache-Control", "no-store");
        route.handler().handle(ctx, caller);
    }

    /** Bad input is a 400 with its reason; a database that fails is a 503, its details only in the log. */
    private void refused(InputException e, Context ctx) {
        if (e.getCause() instanceof SQLException) {
            LOG.warn("the registry's database failed on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            Responses.error(ctx, 503, "the registry's database is unavailable; try again");
            return;
        }
        Responses.error(ctx, 400, uploads.scrub(e.getMessage()));
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            queue.close();
            pool.close();
        }
    }
}
