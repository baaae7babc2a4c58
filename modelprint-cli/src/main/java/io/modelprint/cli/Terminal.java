package io.modelprint.cli;

/**
 * Text from a suspect (a server's error message, a URL) made safe to print on a terminal: control
 * characters, including newlines and ANSI escape sequences, are shown escaped, so a hostile server
 * cannot print a fake result row or recolour the screen.
 */
final class Terminal {
    private Terminal() {}

    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
