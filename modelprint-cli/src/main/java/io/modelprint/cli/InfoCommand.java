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
            var members = FingerprintFile.readBundle(file);
            if (members.size() > 1) {
                System.out.printf("bundle %s: %d schemes (%s); content hashes verified%n", file, members.size(),
                        String.join(", ", members.stream().map(m -> m.meta().scheme()).toList()));
            }
            for (Fingerprint fingerprint : members) {
                var meta = fingerprint.meta();
                System.out.printf("fingerprint %s: scheme %s (%s x %s), format version %d, %d queries of %s, %d classes;"
                        + " suspects must give %s; content hash verified%n", file, meta.scheme(), meta.representation(),
                        meta.distance(), meta.formatVersion(), fingerprint.size(), meta.inputSpec(), meta.numClasses(),
                        meta.access() != null ? meta.access() : "labels");
                System.out.println(FingerprintFile.metaJson(meta));
            }
            return ExitCode.OK;
        }
        if (Files.isDirectory(file)) {
            var provenance = ModelLoader.readProvenance(file);
            System.out.println(JsonOutput.MAPPER.writeValueAsString(provenance));
            if (io.modelprint.engine.RandomForestClassifier.ARCH.equals(provenance.arch())) {
                try (var forest = ModelLoader.loadClassifier(file, provenance.inputSpec())) {
                    System.out.printf("model %s: random forest, input %s, %d classes, labels only (no scores, no gradients)%n",
                            file, forest.inputSpec(), forest.numClasses());
                }
                return ExitCode.OK;
            }
        }
        try (DjlClassifier model = ModelLoader.load(file, InputSpec.fashionMnist())) {
            System.out.printf("model %s: input %s, %d classes, weights SHA-256 %s%n", file, model.inputSpec(),
                    model.numClasses(), model.sha256());
        }
        return ExitCode.OK;
    }
}
