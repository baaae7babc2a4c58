package io.modelprint.lab.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.engine.ModelLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A zoo built by two worker processes, its build killed at random moments, resumes to the same complete zoo. */
class ParallelZooBuildTest {
    @TempDir
    Path dir;

    @Test
    void aKilledTwoWorkerBuildResumesToACompleteZooWithoutRetrainingFinishedModels() throws Exception {
        Path zoo = dir.resolve("zoo");
        Random random = new Random(24);
        Map<String, String> finished = new HashMap<>();
        int[] killAfter = {1 + random.nextInt(3), 8 + random.nextInt(6), 20 + random.nextInt(8)};
        for (int kill = 0; kill < killAfter.length; kill++) {
            Process build = start(zoo, dir.resolve("kill-" + kill + ".log"));
            waitForModels(zoo, killAfter[kill], build);
            Thread.sleep(random.nextInt(1_500)); // then at a random moment of the models being built
            List<ProcessHandle> workers = build.descendants().toList();
            build.destroyForcibly();
            build.waitFor();
            for (ProcessHandle worker : workers) {
                worker.onExit().get(60, TimeUnit.SECONDS); // no worker outlives the build that holds the lock
            }
            ZooManifest.read(zoo).ifPresent(partial -> partial.entries().forEach(e -> {
                String before = finished.putIfAbsent(e.name(), e.sha256());
                assertEquals(before == null ? e.sha256() : before, e.sha256(), e.name() + " changed after a kill");
            }));
        }
        Path lastLog = dir.resolve("last.log");
        Process last = start(zoo, lastLog);
        assertTrue(last.waitFor(5, TimeUnit.MINUTES), "the last build ends");
        String log = Files.readString(lastLog, StandardCharsets.UTF_8);
        assertEquals(0, last.exitValue(), log);

        ZooManifest manifest = ZooManifest.read(zoo).orElseThrow();
        List<SuspectPlan> plans = ZooBuilderTest.TINY.plan(io.modelprint.engine.arch.Architecture.LENET5, 4, 5, true);
        Set<String> expected = plans.stream()
                .filter(p -> !p.kind().startsWith("PYTORCH") && !ZooBuilder.seriesStopped(manifest, plans, p))
                .map(SuspectPlan::name).collect(Collectors.toSet());
        Set<String> built = manifest.entries().stream().map(ZooEntry::name).collect(Collectors.toSet());
        assertEquals(expected, built, "every planned model, once");
        for (ZooEntry entry : manifest.entries()) {
            assertEquals(entry.sha256(), ModelLoader.checkIntact(zoo.resolve(entry.path())).weightsSha256(), entry.name());
            if (finished.containsKey(entry.name())) {
                assertEquals(finished.get(entry.name()), entry.sha256(), entry.name());
                assertFalse(log.contains("building " + entry.name() + " "), entry.name() + " was finished before and built again:\n" + log);
            }
        }
        try (var files = Files.list(zoo)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".workers")), "the workers' directory is removed");
        }
    }

    /** Until the manifest holds {@code count} models (or the build has ended, or a minute has passed). */
    private static void waitForModels(Path zoo, int count, Process build) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (build.isAlive() && System.nanoTime() < deadline
                && ZooManifest.read(zoo).map(m -> m.entries().size()).orElse(0) < count) {
            Thread.sleep(100);
        }
    }

    private static Process start(Path zoo, Path log) throws Exception {
        List<String> command = new ArrayList<>(WorkerProcess.command(zoo));
        command.set(command.size() - 2, TinyZooBuild.class.getName());
        command.set(command.size() - 1, zoo.toString());
        command.add("2");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
