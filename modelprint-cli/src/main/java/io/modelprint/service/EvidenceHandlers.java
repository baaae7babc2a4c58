package io.modelprint.service;

import io.javalin.http.Context;
import io.modelprint.cli.RegistryViews;
import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.EvidenceRecord;
import io.modelprint.registry.service.Principal;
import java.security.PublicKey;
import java.util.List;

/**
 * The auditor's routes: the evidence log by pages, and its verification as {@code registry log verify}
 * makes it, against the registry's own public key (an auditor who does not trust the service recomputes
 * it from the records: docs/service.md).
 */
final class EvidenceHandlers {
    static final int DEFAULT_PAGE = 1000;
    static final int MAX_PAGE = 10_000;

    private final DatabasePool pool;
    private final PublicKey registryKey;

    EvidenceHandlers(DatabasePool pool, PublicKey registryKey) {
        this.pool = pool;
        this.registryKey = registryKey;
    }

    void list(Context ctx, Principal auditor) {
        long after = number(ctx, "after", 0, Long.MAX_VALUE, 0);
        int limit = (int) number(ctx, "limit", 1, MAX_PAGE, DEFAULT_PAGE);
        List<EvidenceRecord> records = pool.with(database -> new EvidenceLog(database).list(after, limit));
        Long next = records.size() == limit ? records.get(records.size() - 1).seq() : null;
        Responses.json(ctx, 200, Responses.map("records", records.stream().map(RegistryViews::record).toList(), "next", next));
    }

    void verify(Context ctx, Principal auditor) {
        Responses.json(ctx, 200, RegistryViews.chainReport(pool.with(database -> new EvidenceLog(database).verify(registryKey))));
    }

    private static long number(Context ctx, String name, long min, long max, long otherwise) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return otherwise;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiError(400, "query parameter " + name + ": expected a whole number from " + min + " to " + max);
    }
}
