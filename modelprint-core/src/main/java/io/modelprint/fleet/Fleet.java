package io.modelprint.fleet;

import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Classifier;
import java.util.List;

/**
 * The owner's fleet: surrogates (models derived from the target, standing for thieves) and
 * references (independent models, standing for honest competitors). Fleet-selected schemes choose
 * their queries by how surrogates and references answer them; calibration uses references the
 * selection never saw ({@link FleetSplit}). How a fleet is stored is the implementation's business.
 */
public interface Fleet {
    /** Where the fleet lives, for messages and provenance (a directory). */
    String location();

    /** A hash over every member (names, roles, kinds and weight hashes): a fleet edited later hashes otherwise. */
    String sha256();

    InputSpec inputSpec();

    int numClasses();

    List<FleetMember> members();

    /** The member's model; the caller closes it. */
    Classifier open(FleetMember member);

    default List<FleetMember> surrogates() {
        return members().stream().filter(m -> m.role() == FleetRole.SURROGATE).toList();
    }

    default List<FleetMember> references() {
        return members().stream().filter(m -> m.role() == FleetRole.REFERENCE).toList();
    }

    /** Refused unless the fleet answers the target's task on its inputs ({@code where} names the target). */
    default void requireCompatible(InputSpec targetSpec, int targetClasses, String where) {
        if (!inputSpec().compatibleWith(targetSpec) || numClasses() != targetClasses) {
            throw new InputException("fleet " + location() + " takes " + inputSpec() + " with " + numClasses()
                    + " classes, but " + where + " takes " + targetSpec + " with " + targetClasses
                    + " classes: a fleet stands for models of the target's own task; build one for this target (fleet build)");
        }
    }
}
