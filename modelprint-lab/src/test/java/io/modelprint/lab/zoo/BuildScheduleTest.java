package io.modelprint.lab.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.data.ClassNames;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.lab.fleet.FleetPreset;
import io.modelprint.testing.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildScheduleTest {
    private static SuspectPlan plan(String name, String parent, String series) {
        return new SuspectPlan(name, SuspectGroup.TARGET, "K", parent, Map.of(), series, (c, o, e, p) -> null);
    }

    private static List<String> names(BuildSchedule schedule) {
        List<String> ready = new ArrayList<>();
        for (Optional<SuspectPlan> next = schedule.next(); next.isPresent(); next = schedule.next()) {
            ready.add(next.get().name());
            schedule.started(next.get());
        }
        return ready;
    }

    @Test
    void modelsWaitForTheirParentAndSweepStepsForEarlierStepsAndOtherwiseFollowThePlanOrder() {
        SuspectPlan target = plan("target", null, null);
        SuspectPlan copy = plan("ft", "target", null);
        SuspectPlan wp1 = plan("wp-1", "target", "wp");
        SuspectPlan wp2 = plan("wp-2", "target", "wp");
        SuspectPlan student = plan("student", "target", null);
        SuspectPlan adversarial = plan("adv", "student", null);
        SuspectPlan negative = plan("neg", null, null);
        BuildSchedule schedule = new BuildSchedule(List.of(target, copy, wp1, wp2, student, adversarial, negative));

        assertEquals(List.of("target", "neg"), names(schedule), "only what needs nothing else may start");
        schedule.resolved(target);
        assertEquals(List.of("ft", "wp-1", "student"), names(schedule), "the target's copies, one sweep step at a time");
        schedule.resolved(wp1);
        assertEquals(List.of("wp-2"), names(schedule));
        schedule.resolved(student);
        assertEquals(List.of("adv"), names(schedule));
        assertTrue(schedule.isRunning());
        for (SuspectPlan p : List.of(copy, wp2, adversarial, negative)) {
            assertFalse(schedule.isDone());
            schedule.resolved(p);
        }
        assertTrue(schedule.isDone());
        assertFalse(schedule.isRunning());
        assertEquals(0, schedule.left());
    }

    @Test
    void aWorkerProcessMakesExactlyTheParentsPlanFromItsSpecAndData(@TempDir Path dir) throws Exception {
        for (List<String> names : List.of(ClassNames.CIFAR10, ClassNames.FASHION_MNIST)) {
            ImageDataset train = SyntheticData.bands(40, 10, 8, 8, 1).withClassNames(names);
            ImageDataset handedOver = WorkerSetup.DataFile.write(train, Files.createTempDirectory(dir, "data"), "train").read();
            assertEquals(names, handedOver.classNames(), "the class names choose the transfer task: they travel with the data");
            assertEquals(train.sha256(), handedOver.sha256());
            for (Preset preset : List.of(Preset.of("quick"), Preset.of("paper"), ZooBuilderTest.TINY)) {
                String json = WorkerSetup.JSON.writeValueAsString(PlanSpec.of(preset));
                BuildPlan again = WorkerSetup.JSON.readValue(json, PlanSpec.class).plan();
                assertEquals(preset.notes(Architecture.VGG), again.notes(Architecture.VGG), preset.name());
                assertEquals(describe(preset.plan(Architecture.VGG, train, 3, null)), describe(again.plan(Architecture.VGG, handedOver, 3, null)));
            }
        }
        for (FleetPreset fleet : List.of(FleetPreset.of("quick"), FleetPreset.of("paper"))) {
            String json = WorkerSetup.JSON.writeValueAsString(PlanSpec.of(fleet));
            assertEquals(fleet, WorkerSetup.JSON.readValue(json, PlanSpec.class).plan());
        }
    }

    @Test
    void aWorkerRefusesAModelItsOwnPlanWouldMakeDifferently() {
        SuspectPlan plan = new SuspectPlan("transfer-head", SuspectGroup.POSITIVE, "TRANSFER", "target",
                Map.of("task", "vehicles-animals", "epochs", 3), null, (c, o, e, p) -> null);
        assertTrue(BuildWorker.madeAlike(plan, Map.of("task", "vehicles-animals", "epochs", 3L, "kind", "TRANSFER", "zooName", "x")));
        assertFalse(BuildWorker.madeAlike(plan, Map.of("task", "tops-bottoms-footwear-bags", "epochs", 3, "kind", "TRANSFER")));
        assertFalse(BuildWorker.madeAlike(plan, Map.of("task", "vehicles-animals", "epochs", 3, "kind", "FTLL")));
        assertFalse(BuildWorker.madeAlike(plan, Map.of("epochs", 3, "kind", "TRANSFER")));
    }

    private static List<String> describe(List<SuspectPlan> plans) {
        return plans.stream().map(p -> String.join("|", p.name(), p.group().json(), p.kind(), String.valueOf(p.parent()),
                FinishedModels.normalized(p.parameters()).toString(), String.valueOf(p.series()))).toList();
    }
}
