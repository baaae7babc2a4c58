package io.modelprint.cli;

import io.modelprint.InputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code io.modelprint.spark.SparkScan} in a JVM of its own, on the Spark module's classpath
 * (modelprint-spark/target: its jar, the classpath file Maven wrote, the JVM options Spark needs on
 * Java 17), so that Spark's libraries never share the CLI's classpath. One engine thread per Spark task.
 */
final class SparkScanLauncher {
    private SparkScanLauncher() {}

    static int run(List<String> args) {
        Path target = sparkTarget();
        Path jar = target.resolve("modelprint-spark.jar");
        Path classpath = target.resolve("classpath.txt");
        Path options = target.resolve("classes").resolve("spark-jvm.options");
        for (Path needed : List.of(jar, classpath, options)) {
            if (!Files.isRegularFile(needed)) {
                throw new InputException("scan --spark: the Spark module is not built (no " + needed + "); build it with"
                        + " mvn -q -DskipTests package in " + target.getParent().getParent());
            }
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + options);
        String heap = System.getenv("MODELPRINT_SPARK_JAVA_OPTS");
        if (heap != null && !heap.isBlank()) {
            command.addAll(List.of(heap.trim().split("\\s+")));
        } else {
            command.add("-Xmx8g");
        }
        command.add("-Dai.djl.offline=true");
        command.add("-Dai.djl.pytorch.num_threads=1");
        command.add("-Dai.djl.pytorch.num_interop_threads=1");
        command.add("-cp");
        try {
            command.add(jar + java.io.File.pathSeparator + Files.readString(classpath).strip());
        } catch (IOException e) {
            throw new InputException("scan --spark: cannot read " + classpath + ": " + e.getMessage(), e);
        }
        command.add("io.modelprint.spark.SparkScan");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        // one intra-op thread per task: Spark runs one task per core
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("MKL_NUM_THREADS", "1");
        builder.environment().putIfAbsent("PYTORCH_FLAVOR", "cpu");
        if (args.stream().noneMatch(a -> a.startsWith("spark://") || a.equals("yarn") || a.startsWith("k8s://"))) {
            // local masters: bind to loopback instead of warning that the host name resolves to it
            builder.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        }
        try {
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            return process.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("scan --spark: cannot start " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERNAL_ERROR;
        }
    }

    /** modelprint-spark/target: beside the CLI's module ($MODELPRINT_HOME, set by the launcher, else found from this jar). */
    private static Path sparkTarget() {
        String home = System.getenv("MODELPRINT_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "modelprint-spark", "target");
        }
        try {
            Path cliTarget = Path.of(SparkScanLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // .../modelprint-cli/target/modelprint-cli.jar or .../modelprint-cli/target/classes
            return cliTarget.getParent().getParent().getParent().resolve("modelprint-spark").resolve("target");
        } catch (URISyntaxException | NullPointerException e) {
            throw new InputException("scan --spark: cannot find the Spark module; set MODELPRINT_HOME to the modelprint checkout");
        }
    }
}
