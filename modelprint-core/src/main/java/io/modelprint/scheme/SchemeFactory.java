package io.modelprint.scheme;

/** Builds one scheme from its parameters; registered by name in {@link Schemes}. */
public interface SchemeFactory {
    String name();

    /** One line for --help and messages: what the queries are and what is compared. */
    String summary();

    /** What verifying needs of a suspect. */
    Access suspectAccess();

    /** Whether its representation compares models of other tasks ({@link Representation#comparesAcrossTasks()}). */
    default boolean comparesAcrossTasks() {
        return false;
    }

    /** Which split of the data set queries start from when the user does not say: "train" or "test". */
    default String defaultSplit() {
        return "train";
    }

    /** The scheme with {@code parameters} (missing ones take their defaults). */
    Scheme<?> create(SchemeParameters parameters);
}
