package io.modelprint.cli;

import io.modelprint.signature.Ed25519;
import io.modelprint.signature.KeyFiles;
import io.modelprint.signature.SigningKey;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Make an Ed25519 key pair (the JDK's) in DIR: " + KeyFiles.PRIVATE + " (the private key, PKCS#8 PEM,"
                + " readable by its owner only) and " + KeyFiles.PUBLIC + " (the public key, one line of base64 X.509).",
            "Prints the key's fingerprint (SHA-256 of the public key): the owner's identity in the registry and its evidence."
                    + " An existing key is never replaced."})
final class KeysNewCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory for the key pair (made owner-only if new)")
    Path out;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        SigningKey key = KeyFiles.create(out);
        if (format.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("dir", out.toString());
            doc.put("privateKey", out.resolve(KeyFiles.PRIVATE).toString());
            doc.put("publicKey", out.resolve(KeyFiles.PUBLIC).toString());
            doc.put("algorithm", Ed25519.ALGORITHM);
            doc.put("keyFingerprint", key.id());
            JsonOutput.print(doc);
        } else {
            System.out.println("made an " + Ed25519.ALGORITHM + " key pair in " + out + ": key fingerprint " + Ed25519.shortId(key.id())
                    + " (SHA-256 " + key.id() + ")");
            System.out.println("  public:  " + out.resolve(KeyFiles.PUBLIC) + " (give it to anyone)");
            System.out.println("  private: " + out.resolve(KeyFiles.PRIVATE) + " (owner-only; back it up: a lost key cannot sign"
                    + " again for the fingerprints it registered)");
        }
        return ExitCode.OK;
    }
}
