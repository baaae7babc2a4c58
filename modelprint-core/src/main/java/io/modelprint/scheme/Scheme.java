package io.modelprint.scheme;

/** A fingerprinting scheme: queries x representation x distance. */
public record Scheme<R>(QueryGenerator queries, Representation<R> representation, Distance<R> distance) {
    public String name() {
        return queries.name();
    }
}
