package io.modelprint.lab.zoo;

import io.modelprint.ProgressListener;
import io.modelprint.engine.ModelProvenance;
import java.nio.file.Path;
import java.util.Map;

/** One model at a time, in this process and on its engine threads: a failure is thrown where it happens. */
final class InProcessWorker implements ModelWorkers {
    private final ZooContext context;
    private final Path dir;
    private final ProgressListener progress;
    private Built done;

    InProcessWorker(ZooContext context, Path dir, ProgressListener progress) {
        this.context = context;
        this.dir = dir;
        this.progress = progress;
    }

    @Override
    public boolean hasIdle() {
        return done == null;
    }

    @Override
    public void submit(SuspectPlan plan, Map<String, Object> extra) {
        double cpu = CpuTime.seconds();
        ModelProvenance provenance = plan.recipe().build(context, dir.resolve(plan.name()), extra, progress);
        done = new Built(plan, provenance, null, CpuTime.seconds() - cpu);
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
