package io.modelprint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintSigner;
import io.modelprint.signature.SigningKey;
import io.modelprint.verify.CombinedVerdict;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The page itself, without a browser: hostile text escaped, nothing fetched from outside, the grid bounded, the verdict shown. */
class OwnershipReportTest {
    static final String SCRIPT = "<script>alert('x')</script>";
    /** Every element the page may hold: anything else would be markup that came in with a name. */
    static final Set<String> ELEMENTS = Set.of("html", "head", "meta", "title", "style", "body", "header", "footer", "section", "h1",
            "h2", "h3", "h4", "p", "code", "span", "strong", "em", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "pre",
            "figure", "figcaption", "img", "div", "svg", "line", "text", "circle", "ul", "li");

    static Fingerprint calibrated;
    static MemberOutcome copy;

    @BeforeAll
    static void aCalibratedFingerprintAndACopy() {
        calibrated = ReportFixtures.calibrated(ReportFixtures.fingerprint(40, 3), ReportFixtures.kinds(9), ReportFixtures.names(9));
        copy = ReportFixtures.judge(calibrated, ReportFixtures.COPY);
    }

    static Set<String> elements(String html) {
        Set<String> names = new TreeSet<>();
        Matcher tag = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)").matcher(html);
        while (tag.find()) {
            names.add(tag.group(1).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    @Test
    void hostileNamesAndMetaFieldsAreShownAsTextNeverAsMarkup() {
        String hostile = SCRIPT + "<img src=x onerror=alert(1)>\u001b[31m\u202e";
        Fingerprint clean = ReportFixtures.calibrated(ReportFixtures.fingerprint(12, 5), List.of(hostile, hostile),
                List.of(hostile, "\"><link rel=stylesheet href=http://evil/x.css>"));
        MemberOutcome outcome = ReportFixtures.judge(clean, ReportFixtures.COPY);
        Fingerprint member = ReportFixtures.withMetaText(clean, hostile);
        String html = ReportFixtures.report(ReportFixtures.check(hostile, member, outcome), hostile, null).html();

        Set<String> unexpected = new TreeSet<>(elements(html));
        unexpected.removeAll(ELEMENTS);
        assertEquals(Set.of(), unexpected, "markup from a name reached the page");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;\\u001b[31m\\u202e"),
                "the hostile text is shown, escaped");
        Matcher images = Pattern.compile("<img [^>]*>").matcher(html);
        int count = 0;
        while (images.find()) {
            count++;
            assertTrue(images.group().matches("<img src=\"data:image/png;base64,[A-Za-z0-9+/=]+\" alt=\"query \\d+\">"), images.group());
        }
        assertEquals(12, count);
        assertTrue(html.contains("&lt;link rel=stylesheet href=http://evil/x.css&gt;"));
    }

    @Test
    void thePageFetchesNothingAndPrints() {
        String html = ReportFixtures.report(ReportFixtures.check("alice", calibrated, copy), "suspect-model", null).html();
        String lower = html.toLowerCase(Locale.ROOT);
        for (String external : List.of("src=\"http", "src='http", "<link", "url(", "@import", "<script", "href=", "<iframe", "<object")) {
            assertFalse(lower.contains(external), external);
        }
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:;"));
        assertTrue(html.contains("@media print"));
        assertFalse(Pattern.compile("display:\\s*none|visibility:\\s*hidden").matcher(html).find(), "nothing is hidden, on screen or paper");
    }

    @Test
    void theVerdictAndPValueAreTheJudgedOnes() {
        var verdict = copy.verdict();
        String html = ReportFixtures.report(ReportFixtures.check("alice", calibrated, copy), "suspect-model", null).html();
        assertTrue(verdict.pValue() != null);
        assertTrue(html.contains("<span class=\"verdict " + verdict.decision().label() + "\">" + verdict.decisionText() + "</span>"),
                html.substring(html.indexOf("<p class=\"headline"), html.indexOf("<table")));
        assertTrue(html.contains("<td class=\"num p-value\">" + ReportNumbers.pValue(verdict.pValue()) + "</td>"));
        assertTrue(html.contains(verdict.matches() + " / 40"));
        assertTrue(html.contains("<code class=\"hash\">" + calibrated.meta().contentSha256() + "</code>"));
        assertTrue(html.contains("unsigned: nothing in the file says who made it"));
    }

    @Test
    void aSignedFingerprintNamesItsKeyAndWhetherTheRegistryBoundItToTheOwner() {
        SigningKey key = SigningKey.generate();
        Fingerprint signed = FingerprintSigner.sign(calibrated, key);
        CheckedFingerprint bound = new CheckedFingerprint("0123456789ab", "fp.npz", "alice", key.id(), List.of(signed), List.of(copy),
                null, List.of());
        String html = ReportFixtures.report(bound, "suspect", null).html();
        assertTrue(html.contains("verified: signed with Ed25519 by key <code class=\"hash key\">" + key.id() + "</code>"), html);
        assertTrue(html.contains("(the key that signed the file)"));
        String other = SigningKey.generate().id();
        CheckedFingerprint mismatched = new CheckedFingerprint("0123456789ab", "fp.npz", "alice", other, List.of(signed), List.of(copy),
                null, List.of());
        assertTrue(ReportFixtures.report(mismatched, "suspect", null).html().contains("(not the key that signed the file)"));
    }

    @Test
    void theGridShowsAtMostAHundredImagesAndSaysHowManyOfHowMany() {
        Fingerprint big = ReportFixtures.fingerprint(150, 9);
        MemberOutcome answered = ReportFixtures.judge(big, io.modelprint.testing.TinyFingerprints.target(50));
        String one = ReportFixtures.report(ReportFixtures.check("alice", big, answered), "s", null).html();
        assertEquals(100, count(one, "<img "));
        assertTrue(one.contains("Showing the first 100 of 150 queries"));
        assertTrue(one.contains("data-shown=\"100\" data-queries=\"150\""));
        int agree = 0;
        for (int i = 0; i < 100; i++) {
            agree += big.labels()[i] == answered.answers().labels()[i] ? 1 : 0;
        }
        assertTrue(agree > 0 && agree < 100, "an independent model agrees on some shown queries, not all: " + agree);
        assertEquals(agree, count(one, "class=\"mark\""));
        assertEquals(agree, count(one, "<figure class=\"query agree\">"));
        assertEquals(100 - agree, count(one, "<figure class=\"query differ\">"));
        assertTrue(one.contains("the labels agree on " + agree + " of the 100 shown"));

        CheckedFingerprint bundle = new CheckedFingerprint("0123456789ab", "b.npz", null, null, List.of(big, big),
                List.of(answered, answered), CombinedVerdict.of(List.of(answered.verdict(), answered.verdict()), 0.01), List.of());
        String two = ReportFixtures.report(bundle, "s", null).html();
        assertEquals(100, count(two, "<img "));
        assertEquals(2, count(two, "Showing the first 50 of 150 queries"));
        assertTrue(two.contains("<tr class=\"combined-verdict\">"));
    }

    @Test
    void manyFingerprintsShareTheHundredImagesAndTheFirstTwentyAreShownInDetail() {
        List<CheckedFingerprint> checks = new java.util.ArrayList<>();
        for (int i = 0; i < OwnershipReport.MAX_DETAILED + 1; i++) {
            checks.add(new CheckedFingerprint(String.format("%012x", i), "b" + i, "owner" + i, null, java.util.Collections.nCopies(6,
                    calibrated), java.util.Collections.nCopies(6, copy), CombinedVerdict.of(java.util.Collections.nCopies(6, copy.verdict()),
                    0.01), List.of()));
        }
        String html = new OwnershipReport(new io.modelprint.registry.SuspectIdentity("s", null, null), null, checks, List.of(), null,
                List.of(), true, "2026-01-01T00:00:00Z").html();
        assertEquals(OwnershipReport.MAX_IMAGES, count(html, "<img "));
        assertEquals(OwnershipReport.MAX_DETAILED, count(html, "<section class=\"fingerprint\""));
        assertEquals(OwnershipReport.MAX_DETAILED * 6 - OwnershipReport.MAX_IMAGES, count(html, "None of the 40 queries is shown"));
        assertTrue(html.contains("The first 20 of the 21 fingerprints checked are shown in detail"));
        assertEquals(21, count(html, "<td><code>0000000000"), "every fingerprint in the summary table");
    }

    @Test
    void queriesAreWithheldFromAPageForSomeoneOtherThanTheOwner() {
        OwnershipReport full = ReportFixtures.report(ReportFixtures.check("alice", calibrated, copy), "s", null);
        OwnershipReport withheld = new OwnershipReport(full.suspect(), null, full.checks(), List.of(), null, List.of(), false,
                full.generatedAt());
        String html = withheld.html();
        assertEquals(0, count(html, "<img "));
        assertFalse(html.contains("data:image"));
        assertTrue(html.contains("The 40 queries are withheld"));
        assertTrue(html.contains("class=\"verdict"));
    }

    @Test
    void aSuspectThatCouldNotBeCheckedSaysWhy() {
        OwnershipReport failed = new OwnershipReport(new io.modelprint.registry.SuspectIdentity("broken <model>", null, null),
                "broken <model>: not a model directory", List.of(), List.of(new UncheckedFingerprint("0123456789ab", "bob", "n", "sac-w",
                "the suspect offers labels only")), null, List.of(), true, "2026-01-01T00:00:00Z");
        String html = failed.html();
        assertTrue(html.contains("the suspect could not be checked: broken &lt;model&gt;: not a model directory"));
        assertTrue(html.contains("the suspect offers labels only"));
        assertTrue(html.contains("These checks were not recorded in an evidence log."));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
