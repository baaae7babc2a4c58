package io.modelprint.service;

import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.service.ScanJob;
import io.modelprint.registry.service.ScanJobs;
import io.modelprint.registry.service.ScanReports;
import io.modelprint.signature.SigningKey;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scans waiting or running: at most {@code maxQueue} at once (a submission reserves its place before
 * its upload is read, so a full queue costs nothing), run by {@code workers} threads. A job is marked
 * done in the transaction that appends its evidence; one that cannot be scanned is failed with the
 * reason. A job interrupted by a stop or a crash stays "running" in the database and is queued again at
 * the next start ({@link #recover}), up to {@code maxAttempts} starts.
 */
final class ScanQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScanQueue.class);

    private final DatabasePool pool;
    private final ServiceSettings settings;
    private final Uploads uploads;
    private final SuspectScanner scanner;
    private final SigningKey registryKey;
    private final ExecutorService workers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;

    ScanQueue(DatabasePool pool, ServiceSettings settings, Uploads uploads, SuspectScanner scanner, SigningKey registryKey) {
        this.pool = pool;
        this.settings = settings;
        this.uploads = uploads;
        this.scanner = scanner;
        this.registryKey = registryKey;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.workers(), work -> {
            Thread thread = new Thread(work, "scan-worker-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Takes a place in the queue; false when it is full. Every place taken is given back by {@link #submit} or {@link #release}. */
    boolean reserve() {
        while (true) {
            int now = inFlight.get();
            if (now >= settings.maxQueue()) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives back a place that will not be used. */
    void release() {
        inFlight.decrementAndGet();
    }

    /** Runs the job in its reserved place. */
    void submit(String jobId) {
        workers.execute(() -> {
            try {
                run(jobId);
            } catch (RuntimeException e) {
                LOG.warn("scan job {} could not be finished; it stays for the next start", jobId, e);
            } finally {
                release();
            }
        });
    }

    /** At start: queues again what a stop or crash interrupted, fails what was interrupted too often, clears leftovers. */
    int recover() {
        List<ScanJob> queued = pool.with(database -> new ScanJobs(database).recover(settings.maxAttempts()));
        Set<String> keep = new HashSet<>();
        queued.forEach(job -> keep.add(job.uploadFile()));
        uploads.sweep(keep);
        for (ScanJob job : queued) {
            inFlight.incrementAndGet();
            submit(job.id());
        }
        return queued.size();
    }

    int inFlight() {
        return inFlight.get();
    }

    private void run(String jobId) {
        ScanJob job = pool.with(database -> {
            ScanJobs jobs = new ScanJobs(database);
            return jobs.start(jobId) ? jobs.find(jobId) : null;
        });
        if (job == null) {
            return;
        }
        Map<String, Object> result;
        boolean upload = job.kind() == ScanJob.Kind.UPLOAD;
        String uploaded = upload ? uploads.dir().resolve(job.uploadFile()).toString() : null;
        try {
            String suspect = upload ? uploads.model(job).toString() : job.suspect();
            String recordedAs = upload ? "upload:" + job.id() + ":" + job.suspect() : job.suspect();
            result = pool.with(database -> scanner.scan(database, new EvidenceLog(database, registryKey), suspect, recordedAs,
                    (done, first, last, reports) -> {
                        new ScanJobs(database).markDone(job.id(), first, last, Responses.text(done));
                        new ScanReports(database).insert(job.id(), reports);
                    }));
        } catch (RuntimeException e) {
            if (stopping) {
                return; // left running: queued again at the next start
            }
            if (e instanceof io.modelprint.InputException) {
                LOG.info("scan job {} failed: {}", jobId, e.getMessage());
                result = Map.of("error", e.getMessage());
            } else {
                LOG.warn("scan job {} failed", jobId, e);
                result = Map.of("error", "internal error while scanning (" + e.getClass().getSimpleName() + "); the service's log"
                        + " has the details");
            }
        }
        if (result.containsKey("error")) {
            if (stopping) {
                return;
            }
            String error = String.valueOf(result.get("error"));
            if (upload) {
                // the hub knows its upload by the name it gave
                error = error.replace(uploads.dir().resolve(job.id() + ".model").toString(), job.suspect()).replace(uploaded, job.suspect());
            }
            String reason = uploads.scrub(error);
            pool.with(database -> {
                new ScanJobs(database).markFailed(job.id(), reason);
                return null;
            });
        }
        uploads.discard(job);
    }

    /** Stops the workers; a scan cut short stays running in the database and is run again at the next start. */
    @Override
    public void close() {
        stopping = true;
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
