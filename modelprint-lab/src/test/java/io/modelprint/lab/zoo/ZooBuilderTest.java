package io.modelprint.lab.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.ProgressListener;
import io.modelprint.testing.SyntheticData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZooBuilderTest {
    /** A preset small enough for tests: every kind, tiny counts. */
    static final Preset TINY = Preset.builder().setName("tiny").optFineTuneImages(200).optRetrainImages(200).optDistillBudget(200)
            .optDistillEpochs(1).optSameArchNegatives(2).optNegativeImages(200).optOtherArchNegatives(1).optForests(1).optForestImages(100)
            .optForestTrees(3).optSweepStep(4).optAdvImages(100).optFullSplitNegatives(1).optTransferNegatives(1).optExtraLabelStudents(0)
            .optSameRecipeNegatives(1).optPytorchNegatives(1).build();

    private final ImageDataset train = SyntheticData.bands(300, 4, 12, 12, 1);
    private final ImageDataset test = SyntheticData.bands(80, 4, 12, 12, 2);

    @TempDir
    Path dir;

    /** The PyTorch negative is skipped here, as on a machine without torch (PytorchPipelineTest trains one). */
    @org.junit.jupiter.api.BeforeEach
    void withoutPytorch() {
        System.setProperty(PytorchPipeline.PYTHON_PROPERTY, "/nonexistent/python3");
    }

    @org.junit.jupiter.api.AfterEach
    void restorePython() {
        System.clearProperty(PytorchPipeline.PYTHON_PROPERTY);
    }

    private static final class Killed extends RuntimeException {}

    private String build(Path zoo, ProgressListener progress) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        build(zoo, progress, log);
        return log.toString(StandardCharsets.UTF_8);
    }

    private void build(Path zoo, ProgressListener progress, ByteArrayOutputStream log) {
        new ZooBuilder(TINY, 5, zoo, new PrintStream(log, true, StandardCharsets.UTF_8))
                .build(train, test, Architecture.LENET5, null, progress);
    }

    @Test
    void interruptedBuildResumesWithoutRebuildingFinishedModels() throws IOException {
        Path zoo = dir.resolve("zoo");
        ByteArrayOutputStream firstLog = new ByteArrayOutputStream();
        // "kill" the build in the middle of training RTAL, the fifth model
        ProgressListener killer = (done, total, message) -> {
            if (firstLog.toString(StandardCharsets.UTF_8).contains("building rtal ")) {
                throw new Killed();
            }
        };
        assertThrows(Killed.class, () -> build(zoo, killer, firstLog));
        ZooManifest partial = ZooManifest.read(zoo).orElseThrow();
        Set<String> finishedFirst = partial.entries().stream().map(ZooEntry::name).collect(Collectors.toSet());
        assertEquals(Set.of("target", "ftll", "ftal", "rtll"), finishedFirst);
        try (var files = Files.list(zoo)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(ZooLock.FILE_NAME)).toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith(".")), "no half-written directory left: " + names);
            assertEquals(finishedFirst.size() + 1, names.size(), "only finished models and the manifest: " + names);
        }

        String log = build(zoo, ProgressListener.NONE);
        assertTrue(log.contains("zoo: skipping neg-pytorch-cnn-s705: /nonexistent/python3 not found"), log);
        for (String name : finishedFirst) {
            assertFalse(log.contains("building " + name + " "), name + " is kept, not rebuilt:\n" + log);
        }
        ZooManifest complete = ZooManifest.read(zoo).orElseThrow();
        Set<String> kinds = complete.entries().stream().map(ZooEntry::kind).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of("TARGET", "FTLL", "FTAL", "RTLL", "RTAL", "WP", "FP", "FINE-PRUNE", "REPARAM-PERMUTE",
                "QUANT-FP16", "QUANT-INT8", "FORMAT-ONNX", "EVASIVE", "TRANSFER", "DISTILL-PROB", "DISTILL-LABEL", "DISTILL-ADV", "DISTILL-OTHER", "LENET5", "VGG",
                "MLP", "RF")), "every kind: " + kinds);
        assertTrue(complete.entry("neg-same-recipe-lenet5-s605").isPresent() && complete.entry("neg-pytorch-cnn-s705").isEmpty());
        assertEquals(Set.of("subset", "full"), complete.entries().stream().filter(e -> e.group() == SuspectGroup.NEGATIVE)
                .map(e -> e.parameters().get("data")).filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        for (ZooEntry entry : complete.entries()) {
            assertTrue(Files.isDirectory(zoo.resolve(entry.path())), entry.name());
            assertEquals(64, entry.sha256().length());
        }
        assertFalse(build(zoo, ProgressListener.NONE).contains("building"), "a complete zoo builds nothing");

        // an evasive copy: its weights' own accuracy is the target's; the defended one, on a fixed subset, has its interval
        io.modelprint.engine.ModelProvenance evasive = io.modelprint.engine.ModelLoader.checkIntact(zoo.resolve("evasive-flip-0.1"));
        assertEquals(complete.entry("target").orElseThrow().testAccuracy(), evasive.testAccuracy());
        assertEquals(test.size(), ((Number) evasive.extra().get("accuracyBehindDefenseImages")).intValue());
        List<?> interval = (List<?>) evasive.extra().get("accuracyBehindDefenseInterval95");
        double defended = complete.entry("evasive-flip-0.1").orElseThrow().testAccuracy();
        double low = ((Number) interval.get(0)).doubleValue();
        double high = ((Number) interval.get(1)).doubleValue();
        assertTrue(low < defended && defended < high && high - low < 0.3, defended + " in " + interval);

        // a lost manifest: every complete model is found again by its provenance, none trained again
        Files.delete(zoo.resolve(ZooManifest.FILE_NAME));
        String again = build(zoo, ProgressListener.NONE);
        assertFalse(again.contains("building"), again);
        assertEquals(complete.entries().size(), ZooManifest.read(zoo).orElseThrow().entries().size());
        assertEquals(defended, ZooManifest.read(zoo).orElseThrow().entry("evasive-flip-0.1").orElseThrow().testAccuracy());
    }

    @Test
    void changedWeightsAreRebuiltAndHandEditedManifestsRefused() throws IOException {
        Path zoo = dir.resolve("zoo");
        build(zoo, ProgressListener.NONE);
        ZooEntry ftll = ZooManifest.read(zoo).orElseThrow().entry("ftll").orElseThrow();
        Path weights = zoo.resolve("ftll").resolve("model-0000.params");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 5] ^= 0x11;
        Files.write(weights, bytes);
        String log = build(zoo, ProgressListener.NONE);
        assertTrue(log.contains("rebuilding ftll"), log);
        assertEquals(ftll.sha256(), ZooManifest.read(zoo).orElseThrow().entry("ftll").orElseThrow().sha256(),
                "the rebuilt model is the same model (same seed)");

        // an ONNX copy whose file changed is made again
        Path onnx = zoo.resolve("format-onnx").resolve("model.onnx");
        byte[] exported = Files.readAllBytes(onnx);
        Files.write(onnx, java.util.Arrays.copyOf(exported, exported.length - 1));
        String onnxLog = build(zoo, ProgressListener.NONE);
        assertTrue(onnxLog.contains("rebuilding format-onnx") && onnxLog.contains("changed since the zoo built it"), onnxLog);
        assertArrayEquals(exported, Files.readAllBytes(onnx), "the same export again");

        // a copy made from another version of its parent (e.g. a target trained again) is made again
        Path provenance = zoo.resolve("distill-adv-vgg").resolve(io.modelprint.engine.ModelProvenance.FILE_NAME);
        String recorded = Files.readString(provenance);
        String parentHash = ZooManifest.read(zoo).orElseThrow().entry("distill-label-vgg").orElseThrow().sha256();
        assertTrue(recorded.contains(parentHash), "the adversarial student records its label student's weights hash");
        Files.writeString(provenance, recorded.replace(parentHash, "0".repeat(64)));
        String stale = build(zoo, ProgressListener.NONE);
        assertTrue(stale.contains("rebuilding distill-adv-vgg: it was made from another distill-label-vgg"), stale);
        assertTrue(Files.readString(provenance).contains(parentHash));

        Path manifest = zoo.resolve(ZooManifest.FILE_NAME);
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replaceFirst("\"testAccuracy\" : [0-9.]+", "\"testAccuracy\" : 0.999"));
        InputException edited = assertThrows(InputException.class, () -> ZooManifest.read(zoo));
        assertTrue(edited.getMessage().contains("edited by hand"), edited.getMessage());
        Files.writeString(manifest, "{ not json");
        InputException broken = assertThrows(InputException.class, () -> ZooManifest.read(zoo));
        assertTrue(broken.getMessage().contains(manifest.toString()), broken.getMessage());

        Files.delete(manifest);
        String rebuilt = build(zoo, ProgressListener.NONE);
        assertFalse(rebuilt.contains("building"), "without a manifest, finished models are found again, not retrained:\n" + rebuilt);
        assertEquals(ftll.sha256(), ZooManifest.read(zoo).orElseThrow().entry("ftll").orElseThrow().sha256());
    }

    @Test
    void aSecondBuildOnTheSameDirectoryIsRefusedAndLeftoversOfAKilledOneAreRemoved() throws IOException {
        Path zoo = Files.createDirectories(dir.resolve("locked"));
        Path leftover = Files.createDirectories(zoo.resolve(".ftll.123"));
        Files.writeString(leftover.resolve("model-0000.params"), "half");
        Files.writeString(zoo.resolve(".manifest.json.9.part"), "half");
        try (ZooLock first = ZooLock.acquire(zoo)) {
            InputException busy = assertThrows(InputException.class, () -> ZooLock.acquire(zoo));
            assertTrue(busy.getMessage().contains("another zoo build is running"), busy.getMessage());
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            ZooLock.removeLeftovers(zoo, new PrintStream(log, true, StandardCharsets.UTF_8));
            assertFalse(Files.exists(leftover) || Files.exists(zoo.resolve(".manifest.json.9.part")), "leftovers removed");
            assertTrue(Files.exists(zoo.resolve(ZooLock.FILE_NAME)), "the lock itself stays");
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("left by an interrupted build"));
        }
        ZooLock.acquire(zoo).close(); // released: a later build may run
    }

    @Test
    void manifestRoundTripsAndPlansAreReproducible() {
        Path zoo = dir.resolve("m");
        ZooManifest manifest = new ZooManifest(1, "tiny", 5, "bands", TINY.notes(Architecture.VGG),
                List.of(new ZooEntry("wp-0.1", SuspectGroup.POSITIVE, "WP", "target", java.util.Map.of("p", 0.1), 0.91, "wp-0.1",
                        "ab".repeat(32), 3.5, true)), null);
        zoo.toFile().mkdirs();
        manifest.write(zoo);
        ZooManifest read = ZooManifest.read(zoo).orElseThrow();
        assertEquals(manifest.entries(), read.entries());
        assertEquals(manifest.notes(), read.notes());

        List<SuspectPlan> a = Preset.of("quick").plan(Architecture.VGG, 10, 0, true);
        assertEquals(List.of("target", "ftll", "ftal", "rtll", "rtal", "wp-0.2"), a.stream().limit(6).map(SuspectPlan::name).toList());
        SuspectPlan ftll = a.get(1);
        assertEquals("FTLL", ftll.kind());
        assertEquals(Boolean.TRUE, ftll.parameters().get("lastLayerOnly"));
        assertEquals(3, ftll.parameters().get("epochs"));
        assertEquals(10000, ftll.parameters().get("images"));
        List<SuspectPlan> b = Preset.of("quick").plan(Architecture.VGG, 10, 0, true);
        assertEquals(a.stream().map(SuspectPlan::name).toList(), b.stream().map(SuspectPlan::name).toList());
        assertEquals(a.stream().map(SuspectPlan::parameters).toList(), b.stream().map(SuspectPlan::parameters).toList());
        // fine-tuning, pruning sweeps (every other step in quick), fine-pruning 20..80 %, 2 reparametrized and 2 quantized
        // copies of the VGG, 5 served behind defenses
        assertEquals(4 + 4 + 7 + 2 + 2 + 3 + 2 + 5, a.stream().filter(p -> p.group() == SuspectGroup.POSITIVE).count());
        // transfer learning to the 4-group task: head only and all layers, and two models trained from scratch on it
        assertEquals(List.of("transfer-head", "transfer-all"), a.stream().filter(p -> p.kind().equals("TRANSFER"))
                .map(SuspectPlan::name).toList());
        assertEquals(2, a.stream().filter(p -> "tops-bottoms-footwear-bags".equals(p.parameters().get("task"))
                && p.group() == SuspectGroup.NEGATIVE).count());
        assertEquals(List.of("fineprune-40", "fineprune-80"),
                a.stream().filter(p -> p.kind().equals("FINE-PRUNE")).map(SuspectPlan::name).toList());
        // the students of zoos built before the families grew keep their names and order (ZooPlanTest counts the families)
        List<String> students = a.stream().filter(p -> p.group() == SuspectGroup.EXTRACTION).map(SuspectPlan::name).toList();
        assertEquals(List.of("distill-prob-vgg", "distill-prob-lenet5", "distill-label-vgg", "distill-label-lenet5",
                "distill-label-mlp", "distill-adv-lenet5", "distill-other-cutmix-lenet5", "distill-other-uniform-lenet5"),
                students.subList(0, 8));
        SuspectPlan adversarial = a.stream().filter(p -> p.kind().equals("DISTILL-ADV")).findFirst().orElseThrow();
        assertEquals("distill-label-lenet5", adversarial.parent());
        assertEquals(0.1f, adversarial.parameters().get("epsilon"));
        List<SuspectPlan> paper = Preset.of("paper").plan(Architecture.VGG, 10, 0, true);
        assertEquals(4, paper.stream().filter(p -> p.kind().equals("FINE-PRUNE")).count(), "the paper preset: 20, 40, 60, 80 %");
        assertTrue(paper.stream().filter(p -> p.kind().equals("DISTILL-ADV")).map(SuspectPlan::name).toList()
                .containsAll(List.of("distill-adv-vgg", "distill-adv-lenet5", "distill-adv-vgg-s2", "distill-adv-lenet5-s2")),
                "adversarial students of both architectures, per seed");
        assertTrue(paper.stream().filter(p -> p.kind().equals("VGG")).anyMatch(p -> "full".equals(p.parameters().get("data"))));
        assertTrue(paper.stream().filter(p -> p.kind().equals("VGG")).anyMatch(p -> "subset".equals(p.parameters().get("data"))));
        assertEquals(5, a.stream().filter(p -> p.kind().equals("EVASIVE")).count());
        assertEquals(List.of("REPARAM-PERMUTE", "REPARAM-BNFOLD", "QUANT-FP16", "QUANT-INT8", "FORMAT-ONNX"), a.stream()
                .filter(p -> p.kind().startsWith("REPARAM") || p.kind().startsWith("QUANT") || p.kind().startsWith("FORMAT"))
                .map(SuspectPlan::kind).toList());
        // a residual target is not permuted (one permutation per residual stream would be needed) and has no fold
        assertTrue(Preset.of("quick").plan(Architecture.RESNET20, 10, 0, true).stream().noneMatch(p -> p.kind().startsWith("REPARAM")));
        assertTrue(a.stream().filter(p -> p.group() == SuspectGroup.NEGATIVE).count() >= 15);
        assertEquals(50, Preset.of("paper").plan(Architecture.VGG, 10, 0, true).stream()
                .filter(p -> p.kind().equals("VGG") && p.parameters().get("task") == null && p.parameters().get("recipe") == null).count());
        assertThrows(InputException.class, () -> Preset.of("huge"));
    }
}
