package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.ModelLoader;
import io.modelprint.model.Classifier;
import io.modelprint.model.remote.InferenceProtocol;
import io.modelprint.serve.InferenceServer;
import io.modelprint.serve.ServedModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import io.modelprint.lab.evasive.Defense;
import io.modelprint.lab.evasive.DefendedClassifier;
import java.util.ArrayList;
import java.util.List;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a model over the Open Inference Protocol (KServe V2 REST), as a prediction API to verify against.",
            "Endpoints: GET /v2/health/live, GET /v2/health/ready, GET /v2/models/<name>, POST /v2/models/<name>/infer.",
            "Runs until interrupted (Ctrl-C)."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model directory, TorchScript .pt or ONNX .onnx file")
    Path model;

    @Option(names = "--name", description = "model name in the URL (default: the file name without extension)")
    String name;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default ${DEFAULT-VALUE}: this machine only)")
    String host;

    @Option(names = "--port", defaultValue = "8000", description = "port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--labels-only", description = "answer only the top-1 label (INT64), never scores")
    boolean labelsOnly;

    @Option(names = "--defense", paramLabel = "NAME[=VALUE]",
            description = {"simulate an evasive prediction API (off by default; repeat or join with commas; stated in the model's"
                    + " metadata): noise=SIGMA Gaussian input noise; smoothing=M majority label over M noisy copies (noise 0.25"
                    + " unless given); round=K scores rounded to K decimals; top1 labels only; flip=P random label flips at rate P;"
                    + " seed=S the random stream (default 1)"})
    List<String> defenses = new ArrayList<>();

    @Option(names = "--max-batch", defaultValue = "256", description = "largest batch accepted per request (default ${DEFAULT-VALUE})")
    int maxBatch;

    @Option(names = "--workers", description = "model calls running at once (default: one per core; the launcher gives"
            + " each call one engine thread)")
    Integer workers;

    @Mixin
    EngineOption engine;

    @Mixin
    InputSpecOptions spec;

    private final StopSignal stopSignal = new StopSignal();
    private volatile int boundPort = -1;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new InputException("--port must be in 0..65535, got " + port);
        }
        if (maxBatch < 1) {
            throw new InputException("--max-batch must be at least 1, got " + maxBatch);
        }
        String modelName = name != null ? name : stem(model);
        if (!modelName.matches("[A-Za-z0-9_.-]+")) {
            throw new InputException("--name must be letters, digits, '_', '.' or '-' (it goes into the URL), got \"" + modelName + "\"");
        }
        Defense defense = Defense.parse(defenses);
        int parallel = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        if (parallel < 1) {
            throw new InputException("--workers must be at least 1, got " + parallel);
        }
        try (Classifier classifier = DefendedClassifier.wrap(
                ModelLoader.loadClassifier(model, spec.forModel(model, InputSpec.fashionMnist()), engine.parse()), defense)) {
            ServedModel served = new ServedModel(modelName, classifier, labelsOnly, parallel, defense.active() ? defense.toString() : null);
            try (InferenceServer server = new InferenceServer(served, maxBatch, maxBodyBytes(classifier.inputSpec(), maxBatch))) {
                try {
                    server.start(host, port);
                } catch (RuntimeException e) {
                    throw new InputException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
                }
                boundPort = server.port();
                System.err.printf("serving %s (%s, %d classes%s%s) at http://%s:%d%s%n", model, classifier.inputSpec(),
                        classifier.numClasses(), served.outputNames().size() == 1 ? ", labels only" : "",
                        defense.active() ? ", defense " + defense : "", host, boundPort,
                        InferenceProtocol.modelPath(modelName));
                stopSignal.await();
            }
        }
        return ExitCode.OK;
    }

    /** The port being served, once listening (-1 before). */
    int boundPort() {
        return boundPort;
    }

    /** Ends {@link #call()}: stops the server and closes the model. */
    void stop() {
        stopSignal.stop();
    }

    /** Room for a full batch written as JSON text (at most ~16 bytes a float) plus the envelope. */
    static long maxBodyBytes(InputSpec spec, int maxBatch) {
        return (long) spec.pixelsPerImage() * maxBatch * 16 + 64 * 1024;
    }

    private static String stem(Path path) {
        String file = path.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
