package io.modelprint.lab.zoo;

import io.modelprint.ProgressListener;
import io.modelprint.engine.ModelProvenance;
import java.util.Map;

/** Builds planned models: one at a time in this process, or several at once in worker processes. */
interface ModelWorkers extends AutoCloseable {
    /** Whether a model submitted now would start at once. */
    boolean hasIdle();

    void submit(SuspectPlan plan, Map<String, Object> extra);

    /** Waits for a submitted model to be done (built, or failed with {@code failure}). */
    Built take();

    @Override
    void close();

    /** @param cpuSeconds CPU time the model took in the process that built it */
    record Built(SuspectPlan plan, ModelProvenance provenance, RuntimeException failure, double cpuSeconds) {
        static Built failed(SuspectPlan plan, RuntimeException failure) {
            return new Built(plan, null, failure, 0);
        }

        /** Builds {@code plan}'s model in this process into the zoo directory, timing its CPU; a failure is thrown. */
        static Built here(SuspectPlan plan, ZooContext context, Map<String, Object> extra, ProgressListener progress) {
            double cpu = CpuTime.seconds();
            ModelProvenance provenance = plan.recipe().build(context, context.zooDir().resolve(plan.name()), extra, progress);
            return new Built(plan, provenance, null, CpuTime.seconds() - cpu);
        }
    }
}
