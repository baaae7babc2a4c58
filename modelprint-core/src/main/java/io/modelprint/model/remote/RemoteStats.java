package io.modelprint.model.remote;

/** What talking to a remote model cost: images sent (retries included), requests, retries, answers reused from the cache. */
public final class RemoteStats {
    private long queriesSent;
    private long requests;
    private long retries;
    private long cachedAnswers;
    private long nanosInHttp;

    synchronized void request(int images, long nanos) {
        queriesSent += images;
        requests++;
        nanosInHttp += nanos;
    }

    synchronized void retry() {
        retries++;
    }

    synchronized void cached(int n) {
        cachedAnswers += n;
    }

    public synchronized long queriesSent() {
        return queriesSent;
    }

    public synchronized long requests() {
        return requests;
    }

    public synchronized long retries() {
        return retries;
    }

    public synchronized long cachedAnswers() {
        return cachedAnswers;
    }

    public synchronized double secondsInHttp() {
        return nanosInHttp / 1e9;
    }
}
