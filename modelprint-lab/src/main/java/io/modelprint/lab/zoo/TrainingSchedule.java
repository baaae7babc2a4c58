package io.modelprint.lab.zoo;

import io.modelprint.engine.TrainingConfig;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Epochs and learning rate of one kind of training in the zoo; the manifest's notes are written from the same values. */
public record TrainingSchedule(int epochs, float learningRate) {
    public static final int BATCH_SIZE = 128;
    /** FTLL/RTLL and the transfer-learning head: the last layer alone. */
    public static final TrainingSchedule LAST_LAYER = new TrainingSchedule(3, 1e-3f);
    /** FTAL, retraining after pruning, fine-pruning, transfer learning of all layers: a small step. */
    public static final TrainingSchedule ALL_LAYERS_SMALL_STEP = new TrainingSchedule(1, 1e-4f);
    /** RTAL, and every model trained from scratch (negatives); also what a copy made without training records. */
    public static final TrainingSchedule ALL_LAYERS = new TrainingSchedule(1, 1e-3f);

    public TrainingSchedule withEpochs(int value) {
        return new TrainingSchedule(value, learningRate);
    }

    public TrainingConfig config(long seed, int maxTrainImages) {
        return new TrainingConfig(epochs, BATCH_SIZE, learningRate, seed, maxTrainImages);
    }

    /** "1 epoch", "3 epochs". */
    public String epochsText() {
        return epochs + (epochs == 1 ? " epoch" : " epochs");
    }

    /** The learning rate as the notes write it: "1e-3" for a power of ten, else the plain number. */
    public String rateText() {
        BigDecimal rate = new BigDecimal(Float.toString(learningRate)).stripTrailingZeros();
        return rate.unscaledValue().equals(BigInteger.ONE) && rate.scale() > 0 ? "1e-" + rate.scale() : rate.toPlainString();
    }
}
