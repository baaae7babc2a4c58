package io.modelprint.cli;

/**
 * Fixed-width text columns built by padding, not by {@code printf}: a table of a thousand rows is
 * printed in milliseconds even before the JIT has warmed up. A negative width right-aligns; the last
 * column is not padded. Cells are passed through {@link Terminal#safe}; a cell longer than its column
 * (a 200-character owner) is cut to it and ends in "..." so that the columns after it stay aligned.
 */
final class Columns {
    private static final String ELLIPSIS = "...";

    private final int[] widths;
    private final StringBuilder text = new StringBuilder();

    Columns(int... widths) {
        this.widths = widths;
    }

    Columns row(String... cells) {
        for (int i = 0; i < cells.length; i++) {
            int width = i < widths.length && i < cells.length - 1 ? widths[i] : 0;
            String cell = fit(Terminal.safe(cells[i]), Math.abs(width));
            if (width < 0) {
                text.append(" ".repeat(Math.max(0, -width - cell.length()))).append(cell);
            } else {
                text.append(cell).append(" ".repeat(Math.max(0, width - cell.length())));
            }
            if (i < cells.length - 1) {
                text.append("  ");
            }
        }
        text.append('\n');
        return this;
    }

    /** {@code cell} cut to {@code width} characters, ending in "..." when cut; width 0 leaves it whole. */
    static String fit(String cell, int width) {
        if (width == 0 || cell.length() <= width) {
            return cell;
        }
        return width <= ELLIPSIS.length() ? cell.substring(0, width) : cell.substring(0, width - ELLIPSIS.length()) + ELLIPSIS;
    }

    void print() {
        System.out.print(text);
        System.out.flush();
    }
}
