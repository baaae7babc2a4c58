package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.engine.ModelLoader;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.fingerprint.FingerprintSigner;
import io.modelprint.io.Sha256;
import io.modelprint.signature.Ed25519;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Describe a fingerprint file (.npz), a model directory, a TorchScript .pt or an ONNX .onnx file (describe the"
                + " input of a .pt or .onnx that does not take 1x28x28 with --input-shape C,H,W and the other input flags).",
            "A fingerprint is read with every check (content hash, signature, scheme fit): who signed it is said, or that it is"
                    + " unsigned; a file whose signature does not verify is refused."})
final class InfoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "fingerprint, model directory, .pt or .onnx file")
    Path file;

    @Mixin
    InputSpecOptions spec;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(file)) {
            throw new InputException(file + ": no such file or directory");
        }
        if (file.getFileName().toString().endsWith(".npz")) {
            if (spec.given()) {
                throw new InputException(file + ": a fingerprint records its input spec; --input-shape and the other input flags"
                        + " describe .pt and .onnx files");
            }
            return fingerprint(FingerprintFile.readBundle(file));
        }
        Object provenance = null;
        if (Files.isDirectory(file)) {
            var read = ModelLoader.readProvenance(file);
            provenance = read;
            if (io.modelprint.engine.RandomForestClassifier.ARCH.equals(read.arch())) {
                try (var forest = ModelLoader.loadClassifier(file, read.inputSpec())) {
                    return model(provenance, forest.inputSpec(), forest.numClasses(), null, String.format("model %s: random forest,"
                            + " input %s, %d classes, labels only (no scores, no gradients)", file, forest.inputSpec(), forest.numClasses()));
                }
            }
        }
        InputSpec given = spec.forModel(file, InputSpec.fashionMnist());
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")) {
            try (var onnx = ModelLoader.loadClassifier(file, given)) {
                String sha = Sha256.ofFile(file);
                return model(null, onnx.inputSpec(), onnx.numClasses(), sha, String.format("model %s: ONNX, run by ONNX Runtime for"
                        + " inference only (a suspect, not a target: no input gradients), input %s, %d classes, scores;"
                        + " file SHA-256 %s", file, onnx.inputSpec(), onnx.numClasses(), sha));
            }
        }
        try (DjlClassifier model = ModelLoader.load(file, given)) {
            return model(provenance, model.inputSpec(), model.numClasses(), model.sha256(), String.format(
                    "model %s: input %s, %d classes, weights SHA-256 %s", file, model.inputSpec(), model.numClasses(), model.sha256()));
        }
    }

    private int fingerprint(List<Fingerprint> members) throws Exception {
        FingerprintSigner.Status signature = FingerprintSigner.Status.of(members);
        if (format.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("fingerprint", file.toString());
            doc.put("contentSha256", FingerprintFile.contentSha256(members));
            doc.put("signature", signatureView(signature));
            doc.put("members", members.stream().map(m -> JsonOutput.MAPPER.convertValue(m.meta(), Map.class)).toList());
            JsonOutput.print(doc);
            return ExitCode.OK;
        }
        if (members.size() > 1) {
            System.out.printf("bundle %s: %d schemes (%s); content hashes verified; %s%n", file, members.size(),
                    String.join(", ", members.stream().map(m -> m.meta().scheme()).toList()), signature.text());
        }
        for (Fingerprint fingerprint : members) {
            var meta = fingerprint.meta();
            System.out.printf("fingerprint %s: scheme %s (%s x %s), format version %d, %d queries of %s, %d classes;"
                    + " suspects must give %s; verdicts %s; content hash verified; %s%n", file, meta.scheme(), meta.representation(),
                    meta.distance(), meta.formatVersion(), fingerprint.size(), meta.inputSpec(), meta.numClasses(),
                    meta.access() != null ? meta.access() : "labels", fingerprint.scheme().question().vocabulary(),
                    FingerprintSigner.Status.of(List.of(fingerprint)).text());
            System.out.println(FingerprintFile.metaJson(meta));
        }
        return ExitCode.OK;
    }

    /** A file's signatures as info and verify print them in JSON: status, and the signers' key fingerprints. */
    static Map<String, Object> signatureView(FingerprintSigner.Status signature) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", signature.status());
        view.put("algorithm", signature.signers().isEmpty() ? null : Ed25519.ALGORITHM);
        view.put("signedBy", signature.signers());
        return view;
    }

    private int model(Object provenance, InputSpec spec, int classes, String sha256, String line) throws Exception {
        if (format.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", file.toString());
            doc.put("inputSpec", spec);
            doc.put("classes", classes);
            doc.put("weightsSha256", sha256);
            doc.put("provenance", provenance);
            JsonOutput.print(doc);
            return ExitCode.OK;
        }
        if (provenance != null) {
            System.out.println(JsonOutput.MAPPER.writeValueAsString(provenance));
        }
        System.out.println(line);
        return ExitCode.OK;
    }
}
