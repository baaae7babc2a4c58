package io.modelprint.lab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.lab.report.ReportWriter;
import io.modelprint.lab.zoo.Preset;
import io.modelprint.lab.zoo.ZooBuilder;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import io.modelprint.testing.SyntheticData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench on colour inputs (3 channels, the class in the shape, colours drawn per image): a small zoo of a colour VGG
 * with every family, the paper's IPGuard and a label, a score and a gradient scheme per family, and the report; a zoo
 * of one data set is refused for another.
 */
class ColourEvaluationTest {
    /** Fewer models than EvaluationTest's zoo (one sweep step each, no extra students): every family, in under a minute. */
    static final Preset COLOUR_ZOO = Preset.builder().setName("tiny-colour").optTargetEpochs(2).optFineTuneImages(300)
            .optRetrainImages(200).optDistillBudget(200).optDistillEpochs(1).optSameArchNegatives(2).optNegativeImages(300)
            .optOtherArchNegatives(1).optForests(1).optForestImages(100).optForestTrees(3).optSweepStep(5).optAdvImages(100)
            .optExtraLabelStudents(0).optSameRecipeNegatives(1).optPytorchNegatives(0).optTransferNegatives(1).build();
    static final EvaluationPreset IPGUARD_ONLY = new EvaluationPreset("tiny-colour", List.of("TL"), EvaluationPreset.paperSweeps(
            new double[] {}, new double[] {}, new double[] {3}, Map.of("binarySteps", 1, "maxIter", 10, "initialConst", 0.1), 40), 20);

    @TempDir
    Path dir;

    @Test
    void aColourZooIsFingerprintedPerFamilyAndReportedAndRefusedForGreyData() throws IOException {
        ImageDataset train = SyntheticData.colourBands(400, 4, 12, 12, 1);
        ImageDataset test = SyntheticData.colourBands(80, 4, 12, 12, 2);
        Path zoo = dir.resolve("zoo");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        ZooManifest manifest = new ZooBuilder(COLOUR_ZOO, 1, zoo, quiet).build(train, test, Architecture.VGG, null, ProgressListener.NONE);
        assertEquals("colour-bands", manifest.dataset());
        ZooEntry target = manifest.entry("target").orElseThrow();
        assertTrue(target.testAccuracy() > 0.9, "the colour target learns the shapes through the colours: " + target.testAccuracy());

        Path out = dir.resolve("bench");
        EvaluationResults results = new Evaluation(zoo, out, quiet).run(IPGUARD_ONLY, train, test, ProgressListener.NONE);
        MethodResult ipguard = results.best().get("ipguard");
        assertTrue(ipguard.matchingRates().get("ftll") > ipguard.matchingRates().get("neg-vgg-s101"), ipguard.matchingRates().toString());

        List<SchemeRun> runs = List.of(new SchemeRun("sac-m-hard", 20, Map.of()), new SchemeRun("modeldiff", 20, Map.of()),
                new SchemeRun("modelgif", 10, Map.of("steps", 5)));
        List<SchemeResult> schemes = new Evaluation(zoo, out, quiet).run(runs, train, test, ProgressListener.NONE);
        for (SchemeResult scheme : schemes) {
            assertEquals(null, scheme.error(), scheme.run() + " fingerprints the colour target");
            assertTrue(scheme.families().stream().anyMatch(f -> f.family().equals("fine-tuning")), scheme.families().toString());
            double bestNegative = scheme.similarities().entrySet().stream().filter(e -> e.getKey().startsWith("neg-"))
                    .mapToDouble(Map.Entry::getValue).max().orElseThrow();
            assertTrue(scheme.similarities().get("ftll") > bestNegative, scheme.run() + ": " + scheme.similarities());
        }
        assertTrue(schemes.get(2).skipped().containsKey("format-onnx"), "the ONNX copy gives no gradients: " + schemes.get(2).skipped());
        ReportWriter.write(results, schemes, IPGUARD_ONLY, out);
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("preset tiny-colour on colour-bands") && report.contains("the data set colour-bands instead of CIFAR-10")
                && !report.contains("grayscale"), report);

        ImageDataset grey = SyntheticData.bands(400, 4, 12, 12, 1);
        InputException evaluated = assertThrows(InputException.class,
                () -> new Evaluation(zoo, dir.resolve("other"), quiet).run(runs, grey, grey, ProgressListener.NONE));
        assertTrue(evaluated.getMessage().contains("built on colour-bands, not on bands"), evaluated.getMessage());
        InputException built = assertThrows(InputException.class,
                () -> new ZooBuilder(COLOUR_ZOO, 1, zoo, quiet).build(grey, grey, Architecture.VGG, null, ProgressListener.NONE));
        assertTrue(built.getMessage().contains("built on colour-bands, not on bands"), built.getMessage());
        InputException otherArch = assertThrows(InputException.class,
                () -> new ZooBuilder(COLOUR_ZOO, 1, zoo, quiet).build(train, test, Architecture.RESNET20, null, ProgressListener.NONE));
        assertTrue(otherArch.getMessage().contains("of a vgg target, not of a resnet20 one"), otherArch.getMessage());
        assertEquals(manifest.entries().stream().map(ZooEntry::sha256).toList(),
                ZooManifest.read(zoo).orElseThrow().entries().stream().map(ZooEntry::sha256).toList(), "nothing rebuilt over the VGG zoo");
        assertFalse(Files.exists(dir.resolve("other")), "nothing written for a refused evaluation");
    }
}
