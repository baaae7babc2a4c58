package io.modelprint.lab.zoo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One worker JVM ({@link BuildWorker}) with a single engine thread: this JVM's own options (heap,
 * class-data sharing, offline engine) minus its thread count, on its class path. Its answers go to
 * the shared queue, its log lines to the build's log; if it ends while building, that model fails.
 */
final class WorkerProcess {
    private final Process process;
    private final Writer requests;
    private final AtomicReference<SuspectPlan> current = new AtomicReference<>();
    private final BlockingQueue<ModelWorkers.Built> done;

    WorkerProcess(Path setupFile, String label, PrintStream log, BlockingQueue<ModelWorkers.Built> done) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(setupFile));
        builder.environment().putAll(Map.of("OMP_NUM_THREADS", "1", "MKL_NUM_THREADS", "1"));
        this.done = done;
        process = builder.start();
        requests = process.outputWriter(StandardCharsets.UTF_8);
        daemon(label + "-log", () -> copyLog(process.errorReader(StandardCharsets.UTF_8), log));
        daemon(label + "-answers", () -> readAnswers(process.inputReader(StandardCharsets.UTF_8)));
    }

    static List<String> command(Path setupFile) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-XX:ArchiveClassesAtExit") && !option.startsWith("-agentlib:jdwp")
                    && !option.startsWith("-Dai.djl.pytorch.num_threads") && !option.startsWith("-Dai.djl.pytorch.num_interop_threads")) {
                command.add(option);
            }
        }
        command.addAll(List.of("-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
                "-cp", System.getProperty("java.class.path"), BuildWorker.class.getName(), setupFile.toString()));
        return command;
    }

    void send(SuspectPlan plan, Map<String, Object> extra) {
        current.set(plan);
        try {
            requests.write(WorkerMessage.build(plan.name(), extra).toLine() + "\n");
            requests.flush();
        } catch (IOException e) {
            process.destroyForcibly();
            failCurrent("could not be sent to its worker process (" + e.getMessage() + ")");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void stop() {
        try {
            requests.close();
        } catch (IOException ignored) {
            // already gone
        }
        process.destroy();
    }

    private void readAnswers(BufferedReader answers) {
        try (answers) {
            String line;
            while ((line = answers.readLine()) != null) {
                WorkerMessage answer = WorkerMessage.parse(line);
                SuspectPlan plan = current.get();
                if (plan == null || !plan.name().equals(answer.name()) || !current.compareAndSet(plan, null)) {
                    throw new IllegalStateException("an answer for a model it was not building");
                }
                done.add(answer.failure() == null ? new ModelWorkers.Built(plan, answer.provenance(), null, answer.cpuSeconds())
                        : ModelWorkers.Built.failed(plan, answer.exception()));
            }
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly(); // it wrote what no worker writes: not to be trusted with another model
        }
        failCurrent("ended before its worker process answered (exit code " + exitCode() + ")");
    }

    /** Reports the model being built as failed, once: the answer reader and a failed send may both see the end. */
    private void failCurrent(String why) {
        SuspectPlan plan = current.getAndSet(null);
        if (plan != null) {
            done.add(ModelWorkers.Built.failed(plan, new IllegalStateException("building " + plan.name() + ": " + why)));
        }
    }

    private String exitCode() {
        try {
            return String.valueOf(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static void copyLog(BufferedReader lines, PrintStream log) {
        try (lines) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.println(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}
