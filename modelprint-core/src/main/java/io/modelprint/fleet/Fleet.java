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

    /**
     * A hash over every member (names, roles, kinds and weight hashes, whatever their order): a fleet
     * edited later hashes otherwise.
     */
    String sha256();

    /** Whether {@code recorded}, a fingerprint's record of the fleet that chose its queries, names this fleet. */
    default boolean hashesTo(String recorded) {
        return sha256().equals(recorded);
    }

    /** The SHA-256 of the weights of the target the fleet was built for (its surrogates were derived from it). */
    String targetSha256();

    InputSpec inputSpec();

    int numClasses();

    List<FleetMember> members();

    /** The member's model; the caller closes it. */
    Classifier open(FleetMember member);

    /** Refused when any member's stored model is not the one the fleet recorded (checked without opening it). */
    void requireIntact();

    default List<FleetMember> surrogates() {
        return members().stream().filter(m -> m.role() == FleetRole.SURROGATE).toList();
    }

    default List<FleetMember> references() {
        return members().stream().filter(m -> m.role() == FleetRole.REFERENCE).toList();
    }

    /**
     * Refused unless the fleet was built for the target whose weights hash to {@code targetSha256}
     * ({@code where} names that target): another model's surrogates stand for no thief of this one.
     */
    default void requireTarget(String targetSha256, String where) {
        if (!targetSha256().equals(targetSha256)) {
            throw new InputException("fleet " + location() + " was built for another target (weights SHA-256 "
                    + abbreviated(targetSha256()) + "), not for " + where + " (" + abbreviated(targetSha256) + "): its surrogates"
                    + " were derived from that model and stand for no thief of this one, and its references were chosen"
                    + " to match that model; build a fleet for this target (fleet build --model TARGET --out DIR, for a"
                    + " modelprint model directory), or give that fleet's reference directories as --negatives");
        }
    }

    private static String abbreviated(String sha) {
        return sha == null ? "unknown" : sha.substring(0, Math.min(12, sha.length())) + "...";
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
