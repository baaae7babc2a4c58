package io.modelprint.service;

import io.javalin.http.Context;
import io.modelprint.cli.RegistryViews;
import io.modelprint.registry.AddResult;
import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryEntry;
import io.modelprint.registry.service.Principal;
import java.util.concurrent.Semaphore;

/**
 * The owner's routes: register a signed fingerprint file (checked as {@code registry add} checks it),
 * list, read, fetch and remove its own, and read the verdicts about them. Another owner's fingerprint
 * is answered exactly as one that does not exist.
 */
final class FingerprintHandlers {
    private static final String ID = "[0-9a-f]{" + Registry.ID_LENGTH + "}";

    private final DatabasePool pool;
    private final long maxFingerprintBytes;
    /** Fingerprint uploads held in memory at once (each up to the limit). */
    private final Semaphore uploads = new Semaphore(2);

    FingerprintHandlers(DatabasePool pool, long maxFingerprintBytes) {
        this.pool = pool;
        this.maxFingerprintBytes = maxFingerprintBytes;
    }

    void register(Context ctx, Principal owner) throws InterruptedException {
        String name = ctx.queryParam("name") == null ? "fingerprint" : ctx.queryParam("name");
        uploads.acquire();
        try {
            byte[] bytes = RequestBodies.bytes(ctx, maxFingerprintBytes);
            // a refusal is a 400 with add's reason; a fingerprint of another owner's, a 409 without their name (RegistryService)
            AddResult result = pool.with(database -> new Registry(database).add("the uploaded fingerprint", bytes, owner.name(), name));
            Responses.json(ctx, result.added() ? 201 : 200, Responses.map("added", result.added(),
                    "fingerprint", RegistryViews.entry(result.entry())));
        } finally {
            uploads.release();
        }
    }

    void list(Context ctx, Principal owner) {
        var own = pool.with(database -> new Registry(database).list()).stream()
                .filter(entry -> entry.owner().equals(owner.name())).map(RegistryViews::entry).toList();
        Responses.json(ctx, 200, Responses.map("fingerprints", own));
    }

    void show(Context ctx, Principal owner) {
        Responses.json(ctx, 200, RegistryViews.entry(pool.with(database -> own(new Registry(database), ctx, owner))));
    }

    /** The file as registered, byte for byte: the owner's own queries and answers. */
    void file(Context ctx, Principal owner) {
        byte[] bytes = pool.with(database -> {
            Registry registry = new Registry(database);
            return registry.bytes(own(registry, ctx, owner));
        });
        ctx.status(200).contentType("application/octet-stream")
                .header("Content-Disposition", "attachment; filename=\"" + ctx.pathParam("id") + ".npz\"").result(bytes);
    }

    void remove(Context ctx, Principal owner) {
        String id = pool.with(database -> {
            Registry registry = new Registry(database);
            RegistryEntry entry = own(registry, ctx, owner);
            registry.remove(entry);
            return entry.id();
        });
        Responses.json(ctx, 200, Responses.map("removed", id));
    }

    /** The evidence records of checks against the owner's fingerprints, oldest first. */
    void verdicts(Context ctx, Principal owner) {
        var records = pool.with(database -> new EvidenceLog(database).byOwner(owner.name()));
        Responses.json(ctx, 200, Responses.map("records", records.stream().map(RegistryViews::record).toList()));
    }

    private static RegistryEntry own(Registry registry, Context ctx, Principal owner) {
        String id = ctx.pathParam("id");
        if (!id.matches(ID)) {
            throw new ApiError(400, "a fingerprint id is " + Registry.ID_LENGTH + " hex digits (see GET /api/v1/fingerprints)");
        }
        RegistryEntry entry = registry.find(id);
        if (entry == null || !entry.owner().equals(owner.name())) {
            throw ApiError.notFound("fingerprint " + id + " among yours");
        }
        return entry;
    }
}
