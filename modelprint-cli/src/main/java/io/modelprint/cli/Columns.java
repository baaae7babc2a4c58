package io.modelprint.cli;

/**
 * Fixed-width text columns built by padding, not by {@code printf}: a table of a thousand rows is
 * printed in milliseconds even before the JIT has warmed up. A negative width right-aligns; the last
 * column is not padded. Cells are passed through {@link Terminal#safe}.
 */
final class Columns {
    private final int[] widths;
    private final StringBuilder text = new StringBuilder();

    Columns(int... widths) {
        this.widths = widths;
    }

    Columns row(String... cells) {
        for (int i = 0; i < cells.length; i++) {
            String cell = Terminal.safe(cells[i]);
            int width = i < widths.length && i < cells.length - 1 ? widths[i] : 0;
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

    void print() {
        System.out.print(text);
        System.out.flush();
    }
}
