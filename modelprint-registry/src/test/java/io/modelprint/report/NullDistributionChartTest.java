package io.modelprint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.verify.Verdict;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The null distribution drawn: one dot per reference where its similarity lies, the suspect's line where its similarity lies. */
class NullDistributionChartTest {
    @Test
    void everyReferenceIsADotAndTheSuspectALineAtTheirSimilarities() {
        Fingerprint fingerprint = ReportFixtures.calibrated(ReportFixtures.fingerprint(30, 4), ReportFixtures.kinds(10),
                ReportFixtures.names(10));
        Verdict verdict = ReportFixtures.judge(fingerprint, ReportFixtures.COPY).verdict();
        String html = NullDistributionChart.html(fingerprint.meta().calibration(), verdict);
        double[] rates = fingerprint.meta().calibration().rates();
        assertEquals(10, OwnershipReportTest.count(html, "<circle class=\"reference\""));
        assertTrue(html.contains("other-arch (4)") && html.contains("same-recipe (6)"), "legend counts the kinds");
        double[] range = NullDistributionChart.range(rates, verdict.similarity(), verdict.similarity());
        Matcher line = Pattern.compile("<line class=\"suspect-line\" x1=\"([0-9.]+)\"").matcher(html);
        assertTrue(line.find());
        double x = Double.parseDouble(line.group(1));
        assertEquals(30 + (verdict.similarity() - range[0]) / (range[1] - range[0]) * 580, x, 0.1);
        // the dots left to right in the order of the references' similarities
        Matcher dot = Pattern.compile("<circle class=\"reference\" cx=\"([0-9.]+)\"").matcher(html);
        double min = Double.MAX_VALUE;
        int i = 0;
        while (dot.find()) {
            double cx = Double.parseDouble(dot.group(1));
            double expected = 30 + (rates[i++] - range[0]) / (range[1] - range[0]) * 580;
            assertEquals(expected, cx, 580.0 / 48, "reference " + i + " within one bin of its similarity");
            min = Math.min(min, cx);
        }
        assertTrue(min >= 30 && x <= 610);
        assertFalse(html.contains("threshold-line"), "a p-value decided: no threshold drawn");
    }

    @Test
    void anUncalibratedFingerprintShowsTheThresholdThatDecidedAndSaysThereIsNoNull() {
        Fingerprint fingerprint = ReportFixtures.fingerprint(20, 6);
        Verdict verdict = ReportFixtures.judge(fingerprint, ReportFixtures.COPY).verdict();
        String html = NullDistributionChart.html(null, verdict);
        assertEquals(0, OwnershipReportTest.count(html, "<circle"));
        assertTrue(html.contains("<line class=\"threshold-line\""));
        assertTrue(html.contains("Not calibrated: no reference models"));
        assertTrue(html.contains("threshold " + ReportNumbers.similarity(verdict.threshold())));
    }

    @Test
    void theRangeHoldsEveryValueAndStaysWithinTheUnitIntervalWhenTheyDo() {
        double[] range = NullDistributionChart.range(new double[] {0.0, 0.1, 0.2}, 1.0, 0.5);
        assertEquals(0.0, range[0]);
        assertEquals(1.0, range[1]);
        double[] signed = NullDistributionChart.range(new double[] {-0.4, 0.1}, 0.9, 0.9);
        assertTrue(signed[0] < -0.4 && signed[1] >= 0.9 && signed[1] <= 1.0);
    }
}
