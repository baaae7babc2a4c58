package io.modelprint.registry.service;

import java.util.Locale;

/** Where a scan job is: waiting, being scanned, finished with verdicts, or failed with a reason. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static JobStatus parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
