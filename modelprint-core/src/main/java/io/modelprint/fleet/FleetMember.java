package io.modelprint.fleet;

/**
 * One model of the owner's fleet: its name in the fleet, its role, the recipe kind that made it
 * (references of one kind are trained alike: "same-recipe", "other-arch", "subset", ...), the
 * SHA-256 of its weights and its test accuracy.
 */
public record FleetMember(String name, FleetRole role, String kind, String sha256, double testAccuracy) {
    /** For messages: the name and the first characters of the weights' hash. */
    public String describe() {
        return name + " (" + kind + ", " + (sha256 == null ? "no hash" : sha256.substring(0, Math.min(12, sha256.length()))) + ")";
    }
}
