package io.modelprint.report;

/**
 * Text from files, owners, registrants and suspects made safe to place in an HTML page: markup
 * characters become entities, so a name holding {@code <script>} is shown, never run; control
 * characters (terminal escapes) and the bidirectional overrides that could make a name read
 * backwards are shown as visible escapes instead of acting on the page.
 */
public final class Html {
    private Html() {}

    /** {@code text} escaped for an element's content or a quoted attribute; null is shown as an empty string. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\t' -> out.appendCodePoint(c);
                default -> {
                    if (hidden(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /** {@code value} as text ({@link String#valueOf}), escaped. */
    public static String escape(Object value) {
        return escape(value == null ? null : String.valueOf(value));
    }

    /** Control characters, and format characters that reorder or hide text (bidi overrides and isolates, zero-width ones). */
    private static boolean hidden(int c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
    }
}
