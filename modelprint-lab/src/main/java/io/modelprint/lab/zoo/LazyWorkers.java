package io.modelprint.lab.zoo;

import java.util.Map;
import java.util.function.Supplier;

/** Starts its workers when the first model is submitted: a build with nothing left to make starts no process. */
final class LazyWorkers implements ModelWorkers {
    private final Supplier<ModelWorkers> start;
    private ModelWorkers started;

    LazyWorkers(Supplier<ModelWorkers> start) {
        this.start = start;
    }

    @Override
    public boolean hasIdle() {
        return started == null || started.hasIdle();
    }

    @Override
    public void submit(SuspectPlan plan, Map<String, Object> extra) {
        if (started == null) {
            started = start.get();
        }
        started.submit(plan, extra);
    }

    @Override
    public Built take() {
        if (started == null) {
            throw new IllegalStateException("nothing was submitted");
        }
        return started.take();
    }

    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
