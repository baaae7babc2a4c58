package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.engine.ModelLoader;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Describe a fingerprint file (.npz), a model directory, or a TorchScript .pt file.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "fingerprint, model directory or .pt file")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(file)) {
            throw new InputException(file + ": no such file or directory");
        }
        if (file.getFileName().toString().endsWith(".npz")) {
            Fingerprint fingerprint = FingerprintFile.read(file);
            var meta = fingerprint.meta();
            System.out.printf("fingerprint %s: scheme %s (%s x %s), format version %d, %d queries of %s, %d classes;"
                    + " suspects must give %s; content hash verified%n", file, meta.scheme(), meta.representation(),
                    meta.distance(), meta.formatVersion(), fingerprint.size(), meta.inputSpec(), meta.numClasses(),
                    meta.access() != null ? meta.access() : "labels");
            System.out.println(FingerprintFile.metaJson(fingerprint.meta()));
            return ExitCode.OK;
        }
        if (Files.isDirectory(file)) {
            System.out.println(JsonOutput.MAPPER.writeValueAsString(ModelLoader.readProvenance(file)));
        }
        try (DjlClassifier model = ModelLoader.load(file, InputSpec.fashionMnist())) {
            System.out.printf("model %s: input %s, %d classes, weights SHA-256 %s%n", file, model.inputSpec(),
                    model.numClasses(), model.sha256());
        }
        return ExitCode.OK;
    }
}
