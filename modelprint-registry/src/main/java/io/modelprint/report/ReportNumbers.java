package io.modelprint.report;

import java.util.Locale;

/** Numbers as the report prints them, the same whatever the machine's locale. */
final class ReportNumbers {
    private ReportNumbers() {}

    /** A similarity or threshold: up to 4 decimals, trailing zeros dropped (0.97, 0.5, 1.0). */
    static String similarity(double value) {
        String text = String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
        return text.endsWith(".") ? text + "0" : text;
    }

    /** A p-value: 4 decimals down to 0.001, then scientific (2.7e-24); null: "-" (uncalibrated). */
    static String pValue(Double p) {
        if (p == null) {
            return "-";
        }
        if (p == 0 || p >= 1e-3) {
            return similarity(p);
        }
        return String.format(Locale.ROOT, "%.2g", p).replace("e-0", "e-");
    }
}
