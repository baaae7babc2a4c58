package io.modelprint.lab.report;

import java.util.List;

/** The header of a markdown table whose columns are known only at run time. */
final class MarkdownTable {
    private MarkdownTable() {
    }

    /** Appends "| a | b |" and the "|---|---|" rule under it. */
    static void header(StringBuilder md, List<String> columns) {
        md.append('|');
        columns.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|");
        columns.forEach(c -> md.append("---|"));
        md.append('\n');
    }
}
