package io.modelprint.scheme.cae;

import io.modelprint.data.ImageDataset;
import io.modelprint.fleet.FleetMember;
import io.modelprint.fleet.FleetRole;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.model.Classifier;
import io.modelprint.testing.InMemoryFleet;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.SyntheticData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A tiny owner's world of linear models. Every model shares a task component (a random linear map);
 * the target and each independent reference add their own component ({@link #SPREAD} x a standard
 * normal per weight), as models trained apart differ; surrogates are the target plus a smaller change
 * ({@link #STUDENT_NOISE}), as its students are. The fleet holds 3 surrogates and 8 references, split
 * 4 (selection) + 4 (calibration); 5 further surrogates and 5 further references stay out of the
 * fleet to judge the queries.
 */
final class CaeFleetFixture implements AutoCloseable {
    static final ImageDataset DATA = SyntheticData.bands(300, 10, 10, 10, 3);
    static final float SPREAD = 0.3f;
    static final float STUDENT_NOISE = 0.1f;
    static final int SELECTION_REFERENCES = 4;

    final LinearModel task = new LinearModel(DATA.spec(), 10, 100);
    final LinearModel target = LinearModel.perturbed(task, SPREAD, 1);
    final List<LinearModel> heldOutSurrogates = new ArrayList<>();
    final List<LinearModel> heldOutReferences = new ArrayList<>();
    /** Names of the fleet members opened so far. */
    final Set<String> opened = ConcurrentHashMap.newKeySet();
    final InMemoryFleet fleet = new InMemoryFleet(DATA.spec(), 10);

    CaeFleetFixture() {
        for (int i = 0; i < 5; i++) {
            heldOutSurrogates.add(LinearModel.perturbed(target, STUDENT_NOISE, 200 + i));
            heldOutReferences.add(LinearModel.perturbed(task, SPREAD, 300 + i));
        }
        for (int i = 0; i < 3; i++) {
            int seed = 10 + i;
            add("surrogate-" + i, FleetRole.SURROGATE, "label-student", () -> LinearModel.perturbed(target, STUDENT_NOISE, seed));
        }
        for (int i = 0; i < 8; i++) {
            int seed = 20 + i;
            add("reference-" + i, FleetRole.REFERENCE, "same-recipe", () -> LinearModel.perturbed(task, SPREAD, seed));
        }
    }

    /** Adds a member that records when it is opened. */
    void add(String name, FleetRole role, String kind, Supplier<? extends Classifier> model) {
        fleet.add(name, role, kind, () -> {
            opened.add(name);
            return model.get();
        });
    }

    /** Every surrogate chooses, with the first {@value #SELECTION_REFERENCES} references; the others calibrate. */
    FleetSplit split() {
        List<FleetMember> references = fleet.references();
        return new FleetSplit(fleet, fleet.surrogates(), references.subList(0, SELECTION_REFERENCES),
                references.subList(SELECTION_REFERENCES, references.size()));
    }

    @Override
    public void close() {
        heldOutSurrogates.forEach(LinearModel::close);
        heldOutReferences.forEach(LinearModel::close);
        target.close();
        task.close();
    }
}
