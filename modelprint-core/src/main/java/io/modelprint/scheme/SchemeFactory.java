package io.modelprint.scheme;

import io.modelprint.fleet.QuerySelection;

import java.util.Map;

/** Builds one scheme from its declared parameters; registered by name in {@link Schemes}. */
public interface SchemeFactory {
    String name();

    /** One line for --help and messages: what the queries are and what is compared. */
    String summary();

    /** Every parameter the scheme takes, with types, ranges and defaults. */
    ParameterSpec parameters();

    /** Which split of the data set queries start from when the user does not say: "train" or "test". */
    default String defaultSplit() {
        return "train";
    }

    /** The scheme with resolved {@code parameters}. */
    Scheme<?> create(SchemeParameters parameters);

    /**
     * The scheme a fingerprint records: its resolved parameters and, for a scheme whose queries a
     * fleet chose, how it chose them ({@code selection}; null for every other scheme).
     */
    default Scheme<?> create(SchemeParameters parameters, QuerySelection selection) {
        return create(parameters);
    }

    /** The scheme with {@code given} parameters, checked against the declaration; the rest take their defaults. */
    default Scheme<?> create(Map<String, Object> given) {
        return create(parameters().resolve(given, name()));
    }

    /** The scheme with every default: what it needs of a suspect, what it compares. */
    default Scheme<?> withDefaults() {
        return create(Map.of());
    }
}
