package io.modelprint.cli;

import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.fingerprint.FingerprintSigner;
import io.modelprint.signature.Ed25519;
import io.modelprint.signature.KeyFiles;
import io.modelprint.signature.SigningKey;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Sign a fingerprint file made earlier (every member of a bundle) with the owner's key.",
            "The file is read and checked first (a changed file or a signature that does not verify is refused); the signature"
                    + " (Ed25519, over the content hash) and the public key go into each member's meta.json. A signature by"
                    + " another key is replaced, and said so."})
final class SignCommand implements Callable<Integer> {
    @Option(names = "--fingerprint", required = true, description = "fingerprint file (.npz), signed in place unless --out")
    Path fingerprintFile;

    @Option(names = "--key", required = true, paramLabel = "KEYDIR", description = "the owner's key directory (modelprint keys new)")
    Path keyDir;

    @Option(names = "--out", description = "write the signed file here instead of replacing the input")
    Path out;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        Path target = out != null ? out : fingerprintFile;
        OutputPaths.requireWritable(target, out != null ? "--out" : "--fingerprint");
        SigningKey key = KeyFiles.load(keyDir);
        List<Fingerprint> members = FingerprintFile.readBundle(fingerprintFile);
        List<String> replaced = members.stream().map(m -> m.meta().signature()).filter(Objects::nonNull)
                .map(s -> s.signer()).filter(s -> !s.equals(key.id())).distinct().toList();
        FingerprintFile.writeBundle(target, FingerprintSigner.sign(members, key));
        if (format.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("fingerprint", target.toString());
            doc.put("members", members.size());
            doc.put("signedBy", key.id());
            doc.put("replacedSignaturesBy", replaced);
            JsonOutput.print(doc);
        } else {
            System.out.println("signed " + target + " (" + (members.size() == 1 ? members.get(0).meta().scheme()
                    : "bundle of " + members.size()) + ") with key " + Ed25519.shortId(key.id())
                    + (replaced.isEmpty() ? "" : "; replaced the signature by key "
                            + String.join(", ", replaced.stream().map(Ed25519::shortId).toList())));
        }
        return ExitCode.OK;
    }
}
