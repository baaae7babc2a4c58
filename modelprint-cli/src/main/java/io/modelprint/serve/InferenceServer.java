package io.modelprint.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.modelprint.model.remote.InferRequest;
import io.modelprint.model.remote.InferenceProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one model over the Open Inference Protocol (KServe V2 REST) with Javalin: health, server
 * and model metadata, readiness and {@code POST /v2/models/<name>/infer}. Every refused request gets
 * a 4xx and {@code {"error": "..."}}; an unexpected failure gets a 500 with the same body, never a
 * stack trace, and the server keeps serving.
 */
public final class InferenceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceServer.class);
    private static final String JSON = "application/json";

    private final ServedModel model;
    private final InferRequestValidator validator;
    private final long maxBodyBytes;
    private final Javalin app;
    /** Requests parsed and answered at once; the rest wait their turn (or get a 503), so memory stays bounded. */
    private final java.util.concurrent.Semaphore work;
    private static final long WAIT_FOR_TURN_SECONDS = 30;

    public InferenceServer(ServedModel model, int maxBatch, long maxBodyBytes) {
        this.model = model;
        this.validator = new InferRequestValidator(model, maxBatch);
        this.maxBodyBytes = maxBodyBytes;
        this.work = new java.util.concurrent.Semaphore(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()), true);
        this.app = Javalin.create(config -> {
            JettyLimits.apply(config);
            config.http.maxRequestSize = maxBodyBytes;
            config.http.defaultContentType = JSON;
            String modelPath = InferenceProtocol.modelPath(model.name());
            config.routes.get("/v2", ctx -> json(ctx, 200, serverMetadata()));
            config.routes.get("/v2/health/live", ctx -> json(ctx, 200, InferenceProtocol.status("live", true)));
            config.routes.get("/v2/health/ready", ctx -> json(ctx, 200, InferenceProtocol.status("ready", true)));
            config.routes.get(modelPath, ctx -> json(ctx, 200, InferenceProtocol.metadata(model.metadata())));
            config.routes.get(modelPath + "/ready", ctx -> json(ctx, 200, InferenceProtocol.status("ready", true)));
            config.routes.post(modelPath + "/infer", this::infer);
            Handler unknownModel = ctx -> {
                throw new BadRequest(404, "unknown model \"" + ctx.pathParam("name") + "\"; this server serves \""
                        + model.name() + "\"");
            };
            config.routes.post("/v2/models/{name}/infer", unknownModel);
            config.routes.get("/v2/models/{name}", unknownModel);
            config.routes.exception(BadRequest.class, (e, ctx) -> json(ctx, e.status(), InferenceProtocol.error(e.getMessage())));
            config.routes.exception(HttpResponseException.class,
                    (e, ctx) -> json(ctx, e.getStatus(), InferenceProtocol.error(e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("infer failed", e);
                json(ctx, 500, InferenceProtocol.error("internal error: " + e.getClass().getSimpleName()
                        + (e.getMessage() != null ? ": " + e.getMessage() : "")));
            });
            config.routes.error(405, ctx -> json(ctx, 405, InferenceProtocol.error(ctx.method() + " is not allowed on " + ctx.path())));
        });
    }

    /** Starts listening; port 0 picks a free one (see {@link #port()}). */
    public InferenceServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void infer(Context ctx) throws InterruptedException {
        // the body is read before waiting for a turn: a slow sender holds a connection and a thread (until
        // Jetty's minimum data rate cuts it off), never a turn that a complete request is waiting for
        byte[] body = readBody(ctx);
        if (!work.tryAcquire(WAIT_FOR_TURN_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new BadRequest(503, "the server is busy; try again");
        }
        try {
            InferRequest request = validator.parse(body);
            var input = request.inputs().get(0);
            int n = (int) input.shape()[0];
            var outputs = model.answer(input.floats(), n, request.requestedOutputs());
            json(ctx, 200, InferenceProtocol.inferResponse(model.name(), request.id(), outputs));
        } finally {
            work.release();
        }
    }

    /** The body, read up to the limit whether or not the client announced its length. */
    private byte[] readBody(Context ctx) {
        long announced = ctx.req().getContentLengthLong();
        if (announced > maxBodyBytes) {
            throw new BadRequest(413, "request body of " + announced + " bytes is over this server's limit of "
                    + maxBodyBytes + " bytes; send fewer images per request");
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                throw new BadRequest(413, "request body is over this server's limit of " + maxBodyBytes + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new BadRequest(400, "could not read the request body: " + e.getMessage());
        } catch (org.eclipse.jetty.http.BadMessageException e) {
            // e.g. 408 when the body arrives slower than the minimum data rate
            throw new BadRequest(e.getCode(), "could not read the request body: " + e.getReason());
        }
    }

    private byte[] serverMetadata() {
        return ("{\"name\":\"modelprint\",\"version\":\"" + io.modelprint.ToolVersion.version() + "\",\"extensions\":[],\"models\":"
                + Arrays.toString(new String[] {"\"" + model.name() + "\""}) + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void json(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType(JSON).result(body);
    }
}
