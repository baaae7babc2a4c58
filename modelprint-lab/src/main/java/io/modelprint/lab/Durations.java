package io.modelprint.lab;

import java.util.Locale;

/** Seconds as people read them in logs and reports: 42s, 5m07s, 2h03m. */
public final class Durations {
    private Durations() {}

    public static String of(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            long minutes = Math.round(seconds / 60);
            return (minutes / 60) + "h" + String.format(Locale.ROOT, "%02d", minutes % 60) + "m";
        }
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
