package io.modelprint.lab.zoo;

import io.modelprint.engine.ModelProvenance;
import io.modelprint.engine.arch.Architecture;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Several models at once, each in its own worker process with one engine thread. Processes rather
 * than threads: every recipe seeds the engine's one global generator before it draws, so two
 * trainings in one JVM would draw each other's numbers, and one engine thread per process cannot
 * oversubscribe the cores. The setup and the data are written once into a dot-named directory of the
 * build (removed when done, or by the next build if this one is killed).
 */
final class WorkerProcesses implements ModelWorkers {
    private final Path workDir;
    private final List<WorkerProcess> all = new ArrayList<>();
    private final List<WorkerProcess> idle = new ArrayList<>();
    private final Map<String, WorkerProcess> busy = new HashMap<>();
    private final BlockingQueue<Built> done = new LinkedBlockingQueue<>();

    private WorkerProcesses(Path workDir) {
        this.workDir = workDir;
    }

    static WorkerProcesses start(int count, BuildPlan plan, long seed, Path dir, Architecture arch, ModelProvenance target,
            ZooContext context, PrintStream log) {
        WorkerProcesses workers;
        try {
            workers = new WorkerProcesses(Files.createTempDirectory(dir, ".workers."));
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot make the workers' directory", e);
        }
        try {
            Path setup = WorkerSetup.write(plan, seed, dir, arch, target, context, workers.workDir);
            for (int i = 1; i <= count; i++) {
                WorkerProcess worker = new WorkerProcess(setup, plan.what() + "-worker-" + i, log, workers.done);
                workers.all.add(worker);
                workers.idle.add(worker);
            }
            return workers;
        } catch (IOException | RuntimeException e) {
            workers.close();
            throw e instanceof IOException io ? new UncheckedIOException("cannot start the " + plan.what() + "'s worker processes", io)
                    : (RuntimeException) e;
        }
    }

    @Override
    public boolean hasIdle() {
        return !idle.isEmpty();
    }

    @Override
    public void submit(SuspectPlan plan, Map<String, Object> extra) {
        WorkerProcess worker = idle.remove(0);
        busy.put(plan.name(), worker);
        worker.send(plan, extra);
    }

    @Override
    public Built take() {
        try {
            Built built = done.take();
            WorkerProcess worker = busy.remove(built.plan().name());
            if (worker != null && worker.isAlive()) {
                idle.add(worker);
            }
            return built;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the worker processes", e);
        }
    }

    @Override
    public void close() {
        all.forEach(WorkerProcess::stop);
        RawData.deleteTree(workDir);
    }
}
