package io.modelprint.lab.zoo;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A worker process of a build with several workers ({@link WorkerProcesses}): reads its
 * {@link WorkerSetup}, then builds the models named on its stdin one at a time, answering each with a
 * {@link WorkerMessage} line on stdout. It ends when its parent closes stdin or ends itself: a worker
 * must never outlive the build that holds the directory's lock.
 */
public final class BuildWorker {
    private BuildWorker() {}

    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // libraries that print must not corrupt the protocol
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        WorkerSetup setup = WorkerSetup.read(Path.of(args[0]));
        ZooContext context = setup.context();
        Map<String, SuspectPlan> plans = setup.plans(context.train());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            WorkerMessage request = WorkerMessage.parse(line);
            protocol.println(build(plans.get(request.name()), request, context).toLine());
        }
    }

    /** Whether the worker would make the model the build asks for (the same kind and parameters): never a different one. */
    static boolean madeAlike(SuspectPlan plan, Map<String, Object> asked) {
        Map<String, Object> own = FinishedModels.normalized(plan.parameters());
        Map<String, Object> requested = new java.util.LinkedHashMap<>(FinishedModels.normalized(asked));
        requested.keySet().retainAll(own.keySet());
        return plan.kind().equals(asked.get("kind")) && requested.equals(own);
    }

    private static WorkerMessage build(SuspectPlan plan, WorkerMessage request, ZooContext context) {
        if (plan == null) {
            return WorkerMessage.failed(request.name(), new IllegalStateException("not in the worker's plan"));
        }
        if (!madeAlike(plan, request.extra())) {
            return WorkerMessage.failed(plan.name(), new IllegalStateException("the worker's plan makes it with " + plan.kind() + " "
                    + plan.parameters() + ", the build asked for " + request.extra() + ": not built"));
        }
        try {
            ModelWorkers.Built built = ModelWorkers.Built.here(plan, context, request.extra(),
                    new ThrottledProgress(plan.name(), System.err));
            return WorkerMessage.built(plan.name(), built.provenance(), built.cpuSeconds());
        } catch (RuntimeException e) {
            e.printStackTrace();
            return WorkerMessage.failed(plan.name(), e);
        }
    }
}
