package io.modelprint;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What made an artifact: this build's version (from the Maven build, not a constant), the JVM, the
 * CPU and the oneDNN instruction-set cap (numerics differ between CPUs), for fingerprints' and
 * models' provenance.
 */
public final class ToolVersion {
    private static final String VERSION = load();

    private ToolVersion() {}

    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String v = properties.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The environment a computation ran in: versions of modelprint, DJL and the engine, JVM, CPU, oneDNN cap. */
    public static Map<String, Object> environment() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("modelprint", VERSION);
        env.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("cpu", cpuModel());
        try {
            env.put("djl", ai.djl.engine.Engine.getDjlVersion());
            ai.djl.engine.Engine engine = ai.djl.engine.Engine.getInstance();
            env.put("engine", engine.getEngineName() + " " + engine.getVersion());
        } catch (RuntimeException | LinkageError e) {
            // no engine in this process (label-only work): nothing to record
        }
        String isa = System.getenv("ONEDNN_MAX_CPU_ISA");
        env.put("onednnMaxCpuIsa", isa == null ? "default" : isa);
        return env;
    }

    private static String cpuModel() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
                if (line.toLowerCase(Locale.ROOT).startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: say so below
        }
        return System.getProperty("os.arch");
    }
}
