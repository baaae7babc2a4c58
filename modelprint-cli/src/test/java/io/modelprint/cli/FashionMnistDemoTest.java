package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.data.DatasetSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo on real Fashion-MNIST (installed by .ci/run), on a subset so it stays fast: the
 * fine-tuned copy must be judged derived and the independent model clearly lower.
 */
class FashionMnistDemoTest {
    @TempDir
    Path dir;

    @Test
    void fineTunedCopyMatchesAndIndependentModelDoesNot() {
        assumeTrue(Files.isRegularFile(DatasetSource.FASHION_MNIST_DEFAULT.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        CliRunner.Result r = CliRunner.run("demo", "--workdir", dir.toString(), "--max-train", "4000", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = r.json();
        assertTrue(json.get("targetAccuracy").asDouble() > 0.7, r.out());
        JsonNode fineTuned = json.get("results").get(0);
        JsonNode independent = json.get("results").get(1);
        assertEquals("derived", fineTuned.get("verdict").asText(), r.out());
        assertTrue(fineTuned.get("matchingRate").asDouble() >= 0.8, r.out());
        assertEquals("independent", independent.get("verdict").asText(), r.out());
        assertTrue(independent.get("matchingRate").asDouble() + 0.3 < fineTuned.get("matchingRate").asDouble(), r.out());

        CliRunner.Result again = CliRunner.run("demo", "--workdir", dir.toString(), "--max-train", "4000", "--format", "json");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("reusing"), "a second run reuses finished models: " + again.err());
        assertEquals(json.get("results"), again.json().get("results"));
    }
}
