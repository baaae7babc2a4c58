package io.modelprint.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.modelprint.io.Sha256;
import io.modelprint.model.Classifier;
import io.modelprint.model.ConvertedClassifier;
import io.modelprint.model.remote.RemoteClassifier;
import io.modelprint.registry.SuspectIdentity;
import java.nio.file.Path;

/** What the evidence log records of a suspect: a file's (or model directory's) SHA-256, or a URL and its server's metadata. */
final class SuspectIdentities {
    private SuspectIdentities() {}

    static SuspectIdentity of(String suspect, Classifier opened) {
        if (!RemoteClassifier.isUrl(suspect)) {
            return new SuspectIdentity(suspect, Sha256.ofPath(Path.of(suspect)), null);
        }
        Classifier inner = opened instanceof ConvertedClassifier converted ? converted.suspect() : opened;
        String metadata = null;
        if (inner instanceof RemoteClassifier remote && remote.metadata() != null) {
            try {
                metadata = JsonOutput.COMPACT.writeValueAsString(remote.metadata());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new SuspectIdentity(suspect, null, metadata);
    }
}
