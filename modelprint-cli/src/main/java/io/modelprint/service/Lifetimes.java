package io.modelprint.service;

import io.modelprint.InputException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A token's lifetime as written by a person: {@code 90d}, {@code 12h}, {@code 30m}, or {@code never}. */
public final class Lifetimes {
    private static final Pattern AMOUNT = Pattern.compile("([1-9][0-9]{0,5})([dhm])");

    private Lifetimes() {}

    /** The lifetime, or null for {@code never} (and for null: none given). */
    public static Duration parse(String where, String text) {
        if (text == null || text.equals("never")) {
            return null;
        }
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            throw new InputException(where + " '" + text + "': expected a number and d (days), h (hours) or m (minutes), e.g. 90d,"
                    + " or never");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
