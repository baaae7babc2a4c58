package io.modelprint.lab.eval;

import java.util.Map;

/** One run of the bench on the zoo: a scheme made by name with parameters, and the name of its files in the caches. */
public interface ZooRun {
    String scheme();

    /** Queries asked of the target (for Zest: reference images). */
    int n();

    /** What {@code Schemes.create} is given, {@code n} included. */
    Map<String, Object> schemeParameters();

    /** The name of the run's files under {@code cache/} and {@code fingerprints/}. */
    String fileName();
}
