package io.modelprint.report;

import java.util.List;
import java.util.regex.Pattern;

/** A command line a POSIX shell reads back as the same words, whatever a path or name holds (quotes, spaces, $, ;). */
public final class ShellWords {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ShellWords() {}

    /** {@code words} joined by spaces, each quoted unless it is plain. */
    public static String join(List<String> words) {
        return String.join(" ", words.stream().map(ShellWords::quote).toList());
    }

    /** {@code word} as a shell reads it back: as is when plain, else in single quotes (a quote inside as '\''). */
    public static String quote(String word) {
        if (!word.isEmpty() && PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
