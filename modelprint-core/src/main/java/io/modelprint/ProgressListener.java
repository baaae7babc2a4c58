package io.modelprint;

/** Told how long work is going; the CLI draws it on stderr, tests ignore it. */
public interface ProgressListener {
    ProgressListener NONE = (done, total, message) -> {};

    void update(long done, long total, String message);
}
