package io.modelprint.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.modelprint.model.remote.RemoteClassifier;
import io.modelprint.registry.service.Principal;
import io.modelprint.registry.service.Role;
import io.modelprint.registry.service.ScanJob;
import io.modelprint.registry.service.ScanJobs;
import io.modelprint.registry.service.ScanReports;
import io.modelprint.report.OwnershipReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scan jobs: a hub submits a suspect (a model file as the request body, or {@code {"url": ...}}) and
 * reads its own jobs, with every verdict; an owner reads a job only for the verdicts about its own
 * fingerprints. Nobody gets a fingerprint's queries here.
 */
final class ScanHandlers {
    private static final int MAX_URL = 2000;
    private static final int LISTED = 100;

    private final DatabasePool pool;
    private final ScanQueue queue;
    private final Uploads uploads;
    private final boolean urlSuspects;

    ScanHandlers(DatabasePool pool, ScanQueue queue, Uploads uploads, boolean urlSuspects) {
        this.pool = pool;
        this.queue = queue;
        this.uploads = uploads;
        this.urlSuspects = urlSuspects;
    }

    void submit(Context ctx, Principal hub) {
        boolean byUrl = ctx.contentType() != null && ctx.contentType().toLowerCase(java.util.Locale.ROOT).startsWith(Responses.JSON);
        String format = byUrl ? null : Uploads.format(ctx.queryParam("filename"));
        if (byUrl && !urlSuspects) {
            throw new ApiError(403, "this service does not take URL suspects (their server would receive the fingerprints'"
                    + " queries); upload the model file instead");
        }
        if (!queue.reserve()) {
            ctx.header("Retry-After", "30");
            throw new ApiError(429, "the scan queue is full; try again later");
        }
        String id = UUID.randomUUID().toString();
        ScanJob job;
        try {
            if (byUrl) {
                String url = url(RequestBodies.json(ctx));
                job = ScanJob.queued(id, hub.name(), ScanJob.Kind.URL, url, null, null);
            } else {
                Uploads.Stored stored = uploads.receive(ctx, id, format);
                job = ScanJob.queued(id, hub.name(), ScanJob.Kind.UPLOAD, ctx.queryParam("filename"), stored.fileName(), stored.sha256());
            }
            ScanJob accepted = job;
            pool.with(database -> {
                new ScanJobs(database).insert(accepted);
                return null;
            });
        } catch (RuntimeException e) {
            queue.release();
            uploads.discard(id, byUrl ? null : id + "." + format);
            throw e;
        }
        queue.submit(id);
        ctx.header("Location", "/api/v1/scans/" + id);
        Responses.json(ctx, 202, Responses.map("id", id, "status", job.status().label(), "suspect", job.suspect()));
    }

    void list(Context ctx, Principal hub) {
        List<ScanJob> jobs = pool.with(database -> new ScanJobs(database).submittedBy(hub.name(), LISTED));
        Responses.json(ctx, 200, Responses.map("scans", jobs.stream().map(job -> summary(job)).toList()));
    }

    void show(Context ctx, Principal caller) {
        String id = ctx.pathParam("id");
        ScanJob job = pool.with(database -> new ScanJobs(database).find(id));
        if (caller.role() == Role.HUB) {
            if (job == null || !job.submittedBy().equals(caller.name())) {
                throw ApiError.notFound("scan " + id + " among yours");
            }
            Map<String, Object> view = summary(job);
            view.put("error", job.error());
            view.put("evidence", job.evidenceFirst() == null ? List.of() : List.of(job.evidenceFirst(), job.evidenceLast()));
            view.put("result", result(job));
            Responses.json(ctx, 200, view);
            return;
        }
        // an owner: the verdicts about its own fingerprints, and nothing of a scan that has none
        JsonNode result = job == null ? null : result(job);
        List<JsonNode> own = new ArrayList<>();
        if (result != null && result.has("matches")) {
            result.get("matches").forEach(match -> {
                if (caller.name().equals(match.path("owner").asText(null))) {
                    own.add(match);
                }
            });
        }
        if (own.isEmpty()) {
            throw ApiError.notFound("scan " + id + " with verdicts about your fingerprints");
        }
        Responses.json(ctx, 200, Responses.map("id", job.id(), "status", job.status().label(), "finishedAt", job.finishedAt(),
                "result", Responses.map("suspect", result.get("suspect"), "suspectSha256", result.get("suspectSha256"),
                        "matches", own)));
    }

    /**
     * The scan's ownership report page: a hub gets the page of every verdict without any fingerprint's queries, an
     * owner the page of its own fingerprints; none before the job is done or when it failed.
     */
    void report(Context ctx, Principal caller) {
        String id = ctx.pathParam("id");
        String audience = ScanReports.owner(caller.name());
        if (caller.role() == Role.HUB) {
            ScanJob job = pool.with(database -> new ScanJobs(database).find(id));
            if (job == null || !job.submittedBy().equals(caller.name())) {
                throw ApiError.notFound("scan " + id + " among yours");
            }
            audience = ScanReports.HUB;
        }
        String forWhom = audience;
        String html = pool.with(database -> new ScanReports(database).find(id, forWhom));
        if (html == null) {
            throw ApiError.notFound(caller.role() == Role.HUB ? "a report of scan " + id + " (one is made when the scan is done)"
                    : "scan " + id + " with verdicts about your fingerprints");
        }
        ctx.header("Content-Security-Policy", OwnershipReport.CONTENT_SECURITY_POLICY).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").status(200).contentType("text/html; charset=utf-8").result(html);
    }

    private static Map<String, Object> summary(ScanJob job) {
        return Responses.map("id", job.id(), "status", job.status().label(), "suspect", job.suspect(), "kind", job.kind().label(),
                "uploadSha256", job.uploadSha256(), "attempts", job.attempts(), "submittedAt", job.submittedAt(),
                "startedAt", job.startedAt(), "finishedAt", job.finishedAt());
    }

    private static JsonNode result(ScanJob job) {
        try {
            return job.result() == null ? null : Responses.MAPPER.readTree(job.result());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("scan job " + job.id() + ": its stored result is not JSON", e);
        }
    }

    private static String url(JsonNode body) {
        JsonNode url = body.get("url");
        if (url == null || !url.isTextual() || url.asText().length() > MAX_URL || !RemoteClassifier.isUrl(url.asText())
                || url.asText().chars().anyMatch(Character::isISOControl)) {
            throw new ApiError(400, "expected {\"url\": \"http(s)://host:port/v2/models/<name>\"}, an Open Inference Protocol model"
                    + " of at most " + MAX_URL + " characters");
        }
        return url.asText();
    }
}
