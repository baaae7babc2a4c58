package io.modelprint.model.remote;

import io.modelprint.InputException;

/** Counts images sent to a remote model and refuses any request that would go past the budget. */
public final class QueryBudget {
    private final long limit;
    private final String url;
    private long used;

    /** @param limit images allowed in total, retries included; 0 = unlimited */
    public QueryBudget(long limit, String url) {
        this(limit, url, 0);
    }

    /** @param alreadySpent images sent to this URL for this fingerprint by earlier runs (recorded with the answer cache) */
    public QueryBudget(long limit, String url, long alreadySpent) {
        this.limit = limit;
        this.used = alreadySpent;
        this.url = url;
    }

    /** Queries still allowed (Long.MAX_VALUE without a limit). */
    public synchronized long remaining() {
        return limit == 0 ? Long.MAX_VALUE : limit - used;
    }

    /** Takes {@code n} queries, or throws without taking any when fewer are left. */
    public synchronized void spend(int n) {
        if (n > remaining()) {
            throw new BudgetSpentException(url + ": the query budget (--max-queries " + limit + ") is spent: " + used
                    + " queries sent (earlier runs sharing the answer cache included), " + remaining() + " left, the next"
                    + " request needs " + n + "; the answers received are cached, so a rerun with a larger budget continues"
                    + " from here");
        }
        used += n;
    }

    /** The budget ran out before every query was answered. */
    public static final class BudgetSpentException extends InputException {
        BudgetSpentException(String message) {
            super(message);
        }
    }
}
