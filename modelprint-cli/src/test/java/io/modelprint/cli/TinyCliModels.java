package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Path;

/** Fashion-MNIST-shaped band images and three models trained on them through the CLI: a target and two independent models. */
record TinyCliModels(Path data, Path target, Path independent, Path independent2) {
    /** Trains an MLP target (seed 1), a LeNet-5 (seed 2) and another MLP (seed 3), one epoch each, under {@code dir}. */
    static TinyCliModels train(Path dir) throws IOException {
        Path data = SyntheticData.writeFashionMnistLike(dir.resolve("data"), 600, 200, 28);
        TinyCliModels models = new TinyCliModels(data, dir.resolve("target"), dir.resolve("independent"), dir.resolve("independent-2"));
        train(data, "mlp", 1, models.target());
        train(data, "lenet5", 2, models.independent());
        train(data, "mlp", 3, models.independent2());
        return models;
    }

    private static void train(Path data, String arch, int seed, Path out) {
        assertEquals(0, CliRunner.run("train", "--arch", arch, "--data", data.toString(), "--epochs", "1", "--seed",
                String.valueOf(seed), "--out", out.toString()).exitCode());
    }
}
