package io.modelprint.lab.eval;

import io.modelprint.scheme.Schemes;
import java.util.Map;
import java.util.TreeMap;

/** One run of the bench on the zoo: a scheme made by name with parameters, and the name of its files in the caches. */
public interface ZooRun {
    String scheme();

    /** Queries asked of the target (for Zest: reference images). */
    int n();

    /** What {@code Schemes.create} is given, {@code n} included. */
    Map<String, Object> schemeParameters();

    /** The name of the run's files under {@code cache/} and {@code fingerprints/}. */
    String fileName();

    /**
     * Every parameter the scheme is made with, its defaults included, as text: a cached result or
     * fingerprint is reused only while these are the same, so a changed default is computed again.
     */
    default String parameterValues() {
        return scheme() + " " + new TreeMap<>(Schemes.create(scheme(), schemeParameters(), "bench").parameters().values());
    }
}
