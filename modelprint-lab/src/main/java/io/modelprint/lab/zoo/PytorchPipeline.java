package io.modelprint.lab.zoo;

import io.modelprint.InputException;
import io.modelprint.ToolVersion;
import io.modelprint.data.ImageDataset;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.ModelEngine;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.engine.ModelStore;
import io.modelprint.model.Classifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Negatives made by another pipeline than modelprint's: {@code scripts/train_pytorch_negatives.py}
 * trains a model with PyTorch (its own layers, initialization, optimizer and data order) on the
 * zoo's training split and exports it as TorchScript; the zoo keeps that file in a model directory
 * ({@link ModelLoader#TORCHSCRIPT_ARCH}) with its test accuracy measured here, through DJL, as
 * the bench will ask it. Needs a Python with torch ({@value #DEFAULT_PYTHON}, or the one
 * {@code MODELPRINT_PYTHON} names); without one these models are skipped, and the build says so.
 */
final class PytorchPipeline {
    /** The script's architectures, in the order the zoo takes them. */
    static final List<String> ARCHITECTURES = List.of("cnn", "mlp", "cnn-bn");
    static final String DEFAULT_PYTHON = "/usr/bin/python3";
    static final String SCRIPT = "train_pytorch_negatives.py";
    static final String WEIGHTS_FILE = "model.pt";
    private static final int BATCH_SIZE = 64;
    /** As many threads as the engine here uses (the launcher sets it to the cores), so the two do not oversubscribe. */
    private static final int THREADS = Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());

    /** A system property that names another Python than {@code MODELPRINT_PYTHON} or the default (tests use it). */
    static final String PYTHON_PROPERTY = "modelprint.python";
    private static final Map<String, PytorchPipeline> SYSTEM = new java.util.HashMap<>();

    private final Path python;
    private final Path script;
    private Optional<String> unavailable;

    PytorchPipeline(Path python, Path script) {
        this.python = python;
        this.script = script;
    }

    /**
     * The pipeline of this machine: the Python the {@value #PYTHON_PROPERTY} property or {@code MODELPRINT_PYTHON}
     * names, else {@value #DEFAULT_PYTHON}; the script in the checkout.
     */
    static synchronized PytorchPipeline system() {
        String python = System.getProperty(PYTHON_PROPERTY, System.getenv("MODELPRINT_PYTHON"));
        String path = python == null || python.isBlank() ? DEFAULT_PYTHON : python;
        return SYSTEM.computeIfAbsent(path, p -> new PytorchPipeline(Path.of(p), findScript()));
    }

    /** {@code scripts/} of the checkout: under {@code MODELPRINT_HOME} (the launcher sets it), else above the working directory. */
    private static Path findScript() {
        String home = System.getenv("MODELPRINT_HOME");
        if (home != null && Files.isRegularFile(Path.of(home, "scripts", SCRIPT))) {
            return Path.of(home, "scripts", SCRIPT);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scripts").resolve(SCRIPT))) {
                return dir.resolve("scripts").resolve(SCRIPT);
            }
        }
        return null;
    }

    /** Why models of this pipeline cannot be made here (checked once), or empty when they can. */
    synchronized Optional<String> unavailable() {
        if (unavailable == null) {
            unavailable = probe();
        }
        return unavailable;
    }

    private Optional<String> probe() {
        if (script == null) {
            return Optional.of("scripts/" + SCRIPT + " not found (set MODELPRINT_HOME to the checkout)");
        }
        if (!Files.isExecutable(python)) {
            return Optional.of(python + " not found: the negatives made by another pipeline need Python with torch"
                    + " (apt-get install python3-torch)");
        }
        try {
            Process check = new ProcessBuilder(python.toString(), "-c", "import torch, numpy").redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            if (check.waitFor() != 0) {
                String last = output.isEmpty() ? "" : output.substring(output.lastIndexOf('\n') + 1);
                return Optional.of(python + " cannot import torch and numpy (" + last + "): the negatives made by another pipeline"
                        + " need them (apt-get install python3-torch)");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(python + " cannot be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking " + python);
        }
    }

    /** The recipe of one model: architecture {@code arch} of the script, trained {@code epochs} on the whole split with {@code seed}. */
    Recipe recipe(String arch, long seed, int epochs) {
        return new Recipe() {
            @Override
            public ModelProvenance build(ZooContext context, Path out, Map<String, Object> extra, io.modelprint.ProgressListener progress) {
                return train(context, out, extra, arch, seed, epochs);
            }

            @Override
            public Optional<String> unavailable() {
                return PytorchPipeline.this.unavailable();
            }
        };
    }

    private ModelProvenance train(ZooContext context, Path out, Map<String, Object> extra, String arch, long seed, int epochs) {
        unavailable().ifPresent(why -> {
            throw new InputException(why);
        });
        ImageDataset train = context.train();
        InputSpec spec = train.spec();
        Path work = null;
        try {
            work = Files.createTempDirectory(context.zooDir(), ".pytorch.");
            RawData.write(train, work.resolve("images.f32"), work.resolve("labels.i32"));
            Path model = work.resolve(WEIGHTS_FILE);
            long start = System.nanoTime();
            String report = ScriptRun.run(List.of(python.toString(), script.toString(), "--images", work.resolve("images.f32").toString(),
                    "--labels", work.resolve("labels.i32").toString(),
                    "--shape", spec.channels() + "," + spec.height() + "," + spec.width(), "--classes", String.valueOf(train.numClasses()),
                    "--arch", arch, "--seed", String.valueOf(seed), "--epochs", String.valueOf(epochs), "--out", model.toString(),
                    "--threads", String.valueOf(THREADS), "--batch", String.valueOf(BATCH_SIZE)),
                    Map.of("OMP_NUM_THREADS", String.valueOf(THREADS), "OPENBLAS_NUM_THREADS", String.valueOf(THREADS)));
            double accuracy;
            try (Classifier loaded = ModelLoader.loadClassifier(model, spec, ModelEngine.PYTORCH)) {
                accuracy = Recipes.accuracy(loaded, context.test());
            }
            Map<String, Object> environment = new LinkedHashMap<>(ToolVersion.environment());
            environment.put("pytorchScript", report);
            Map<String, Object> recorded = new LinkedHashMap<>(extra);
            recorded.put("madeBy", environment);
            recorded.put("datasetSha256", train.sha256());
            ModelProvenance provenance = new ModelProvenance(ModelProvenance.FORMAT_VERSION, ModelLoader.TORCHSCRIPT_ARCH, spec,
                    train.numClasses(), train.name(), train.size(), seed, epochs, BATCH_SIZE, optimizer(arch), arch.equals("cnn-bn") ? 0.05 : 1e-3,
                    accuracy, (System.nanoTime() - start) / 1e9, null, null, null, recorded);
            Path trained = model;
            return ModelStore.save(dir -> {
                Files.copy(trained, dir.resolve(WEIGHTS_FILE), StandardCopyOption.REPLACE_EXISTING);
                return WEIGHTS_FILE;
            }, provenance, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot train the PyTorch negative " + out.getFileName() + ": " + e.getMessage(), e);
        } finally {
            RawData.deleteTree(work);
        }
    }

    private static String optimizer(String arch) {
        return arch.equals("cnn-bn") ? "pytorch sgd (momentum 0.9)" : "pytorch adam";
    }
}
