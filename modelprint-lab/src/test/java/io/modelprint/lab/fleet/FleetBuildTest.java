package io.modelprint.lab.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.TrainingRun;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.fleet.FleetMember;
import io.modelprint.fleet.FleetRole;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.SuspectPlan;
import io.modelprint.lab.zoo.ZooBuilder;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import io.modelprint.testing.SyntheticData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fleet built on tiny data: killed and resumed, opened as a {@link io.modelprint.fleet.Fleet}, and changed behind its back. */
class FleetBuildTest {
    /** One reference of each kind (two other architectures) and every surrogate, tiny; for an MLP target, students are LeNet-5s. */
    static final FleetPreset TINY = new FleetPreset("tiny", 1, 1, 1, 1, 100, 1, 200, 1, 100, 200);
    private static final long SEED = 5;

    private final ImageDataset train = SyntheticData.bands(300, 4, 12, 12, 1);
    private final ImageDataset test = SyntheticData.bands(80, 4, 12, 12, 2);

    @TempDir
    Path dir;

    static final class Killed extends RuntimeException {}

    Path target(String name, long seed) {
        TrainingRun.trainAndSave(Architecture.MLP, train, test, new TrainingConfig(1, 32, 1e-3f, seed, 0), dir.resolve(name),
                ProgressListener.NONE);
        return dir.resolve(name);
    }

    String build(Path fleet, Path target, ProgressListener progress, ByteArrayOutputStream log) {
        new ZooBuilder(TINY, SEED, fleet, new PrintStream(log, true, StandardCharsets.UTF_8)).build(train, test, null, target, progress);
        return log.toString(StandardCharsets.UTF_8);
    }

    String build(Path fleet, Path target) {
        return build(fleet, target, ProgressListener.NONE, new ByteArrayOutputStream());
    }

    static Set<String> built(String log) {
        Matcher m = Pattern.compile("\\] building (\\S+) ").matcher(log);
        Set<String> names = new java.util.HashSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void aKilledBuildResumesBuildingOnlyWhatIsMissingAndTheFleetOpensWithRolesAndKinds() throws IOException {
        Path target = target("target-model", 3);
        List<SuspectPlan> plan = TINY.plan(Architecture.MLP, SyntheticData.bands(8, 4, 6, 6, 0), SEED, io.modelprint.engine.ModelLoader.checkIntact(target));
        List<String> names = plan.stream().map(SuspectPlan::name).toList();
        Path fleet = dir.resolve("fleet");
        ByteArrayOutputStream firstLog = new ByteArrayOutputStream();
        ProgressListener killer = (done, total, message) -> {
            if (firstLog.toString(StandardCharsets.UTF_8).contains("building " + names.get(5) + " ")) {
                throw new Killed();
            }
        };
        assertThrows(Killed.class, () -> build(fleet, target, killer, firstLog));
        ZooManifest partial = ZooManifest.read(fleet).orElseThrow();
        List<String> finished = new ArrayList<>(names.subList(0, 5));
        finished.add("target");
        assertEquals(Set.copyOf(finished), partial.entries().stream().map(ZooEntry::name).collect(Collectors.toSet()));

        // the first member's entry is lost (its directory is complete), the second's weights are half-written
        new ZooManifest(partial.formatVersion(), partial.preset(), partial.seed(), partial.dataset(), partial.notes(),
                partial.entries().stream().filter(e -> !e.name().equals(names.get(0))).toList(), null).write(fleet);
        ModelProvenance second = io.modelprint.engine.ModelLoader.checkIntact(fleet.resolve(names.get(1)));
        Files.write(fleet.resolve(names.get(1)).resolve(second.weightsFile()), new byte[10]);

        String log = build(fleet, target);
        Set<String> rebuilt = new java.util.HashSet<>(names.subList(5, names.size()));
        rebuilt.add(names.get(1));
        assertEquals(rebuilt, built(log), log);
        assertTrue(log.contains(names.get(0) + ": complete model found"), log);

        FleetDirectory opened = FleetDirectory.open(fleet);
        assertEquals(4, opened.references().size());
        assertEquals(7, opened.surrogates().size());
        Map<String, FleetRole> roles = opened.members().stream().collect(Collectors.toMap(FleetMember::name, FleetMember::role));
        for (SuspectPlan p : plan) {
            assertEquals(p.group() == SuspectGroup.SURROGATE ? FleetRole.SURROGATE : FleetRole.REFERENCE, roles.get(p.name()), p.name());
        }
        assertEquals(Set.of(FleetKind.SAME_RECIPE, FleetKind.OTHER_ARCH, FleetKind.SUBSET),
                opened.references().stream().map(FleetMember::kind).collect(Collectors.toSet()));
        assertEquals(Set.copyOf(FleetKind.SURROGATES), opened.surrogates().stream().map(FleetMember::kind).collect(Collectors.toSet()));
        assertTrue(opened.buildSeconds() > 0);
        for (FleetMember m : opened.members()) {
            assertTrue(m.testAccuracy() > 0 && opened.seconds(m) > 0, m.describe());
            try (var model = opened.open(m)) {
                assertEquals(4, model.numClasses());
            }
        }
        assertFalse(build(fleet, target).contains("building"), "a complete fleet builds nothing");

        // a member changed after the build is refused, whether or not its provenance was rewritten to match
        FleetMember changed = opened.references().get(0);
        Path weights = fleet.resolve(changed.name()).resolve(io.modelprint.engine.ModelLoader.checkIntact(fleet.resolve(changed.name()))
                .weightsFile());
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 5] ^= 0x11;
        Files.write(weights, bytes);
        InputException damaged = assertThrows(InputException.class, () -> FleetDirectory.open(fleet).path(changed));
        assertTrue(damaged.getMessage().contains(changed.name()), damaged.getMessage());
        FleetMember other = opened.members().stream().filter(m -> m.kind().equals(FleetKind.SUBSET)).findFirst().orElseThrow();
        String otherWeights = io.modelprint.engine.ModelLoader.checkIntact(fleet.resolve(other.name())).weightsFile();
        for (String file : List.of(otherWeights, ModelProvenance.FILE_NAME)) {
            Files.copy(fleet.resolve(other.name()).resolve(file), fleet.resolve(changed.name()).resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        InputException swapped = assertThrows(InputException.class, () -> FleetDirectory.open(fleet).open(changed));
        assertTrue(swapped.getMessage().contains("changed after it was built"), swapped.getMessage());
        assertEquals(Set.of(changed.name()), built(build(fleet, target)), "a rebuild makes the changed member again");
        FleetDirectory.open(fleet).path(changed);
    }
}
