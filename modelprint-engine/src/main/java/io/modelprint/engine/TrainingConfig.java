package io.modelprint.engine;

/** How to train: epochs, batch size, Adam learning rate, seed, and an optional cap on training images. */
public record TrainingConfig(int epochs, int batchSize, float learningRate, long seed, int maxTrainImages) {
    public TrainingConfig {
        if (epochs <= 0) {
            throw new io.modelprint.InputException("--epochs must be > 0, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new io.modelprint.InputException("--batch-size must be > 0, got " + batchSize);
        }
        if (!(learningRate > 0)) {
            throw new io.modelprint.InputException("--lr must be > 0, got " + learningRate);
        }
    }

    public static TrainingConfig defaults(int epochs, long seed) {
        return new TrainingConfig(epochs, 128, 1e-3f, seed, 0);
    }
}
