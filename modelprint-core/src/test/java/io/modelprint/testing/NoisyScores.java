package io.modelprint.testing;

import ai.djl.ndarray.NDArray;
import io.modelprint.model.Scored;
import java.util.Random;

/**
 * A model behind an API that adds Gaussian noise of {@code sigma} to every score it serves (a defence
 * against extraction): the same query answered twice gets two answers. Closing leaves the inner model open.
 */
public final class NoisyScores extends ForwardingClassifier<Scored> implements Scored {
    private final Random random;
    private final float sigma;

    public NoisyScores(Scored inner, float sigma, long seed) {
        super(inner);
        this.sigma = sigma;
        this.random = new Random(seed);
    }

    @Override
    public NDArray predictLogits(NDArray batch) {
        NDArray logits = inner.predictLogits(batch);
        float[] values = logits.toFloatArray();
        for (int i = 0; i < values.length; i++) {
            values[i] += sigma * (float) random.nextGaussian();
        }
        NDArray noisy = batch.getManager().create(values, logits.getShape());
        logits.close();
        return noisy;
    }

    @Override
    public void close() {
        // the inner model belongs to the caller
    }
}
