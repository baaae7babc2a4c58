package io.modelprint.lab.zoo;

import io.modelprint.ProgressListener;
import java.util.Map;

/** One model at a time, in this process and on its engine threads: a failure is thrown where it happens. */
final class InProcessWorker implements ModelWorkers {
    private final ZooContext context;
    private final ProgressListener progress;
    private Built done;

    InProcessWorker(ZooContext context, ProgressListener progress) {
        this.context = context;
        this.progress = progress;
    }

    @Override
    public boolean hasIdle() {
        return done == null;
    }

    @Override
    public void submit(SuspectPlan plan, Map<String, Object> extra) {
        done = Built.here(plan, context, extra, progress);
    }

    @Override
    public Built take() {
        Built result = done;
        done = null;
        return result;
    }

    @Override
    public void close() {}
}
