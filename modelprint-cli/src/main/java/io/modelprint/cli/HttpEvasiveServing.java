package io.modelprint.cli;

import io.modelprint.lab.evasive.DefendedClassifier;
import io.modelprint.lab.evasive.Defense;
import io.modelprint.lab.evasive.EvasiveServing;
import io.modelprint.model.Classifier;
import io.modelprint.model.remote.RemoteClassifier;
import io.modelprint.model.remote.RemoteOptions;
import io.modelprint.serve.InferenceServer;
import io.modelprint.serve.ServedModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The bench's evasive suspects, served for real: each zoo model behind its defense on
 * {@code modelprint serve}'s server, bound to a free loopback port, and asked through the Open
 * Inference Protocol client (scores unless the defense is top-1 only), exactly as a remote suspect.
 * The servers and models stay up until this is closed.
 */
final class HttpEvasiveServing implements EvasiveServing, AutoCloseable {
    private static final int MAX_BATCH = 256;
    private final List<AutoCloseable> open = new ArrayList<>();

    @Override
    public synchronized Classifier serve(String name, Classifier model, Defense defense) {
        Classifier defended = DefendedClassifier.wrap(model, defense);
        open.add(defended);
        InferenceServer server = new InferenceServer(new ServedModel(name, defended, defense.top1(), 2, defense.toString()), MAX_BATCH,
                ServeCommand.maxBodyBytes(defended.inputSpec(), MAX_BATCH)).start("127.0.0.1", 0);
        open.add(server);
        String url = "http://127.0.0.1:" + server.port() + "/v2/models/" + name;
        return RemoteClassifier.connect(url, defended.inputSpec(), defended.numClasses(), RemoteOptions.defaults(), null, !defense.top1());
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable resource : open) {
            try {
                resource.close();
            } catch (Exception e) {
                // closing at the end of a bench: nothing left to save
            }
        }
        open.clear();
    }
}
