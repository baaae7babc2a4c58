package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ownership reports of a real verify and a real scan, opened in headless Chromium: they load with no console error
 * (the page's policy lets nothing be fetched or run), show the verdict and p-value the command printed and the grid of
 * every query as decoded images, run nothing a hostile name holds, hide nothing in print; screenshots and the printed
 * PDF are kept under target/browser-artifacts.
 */
class ReportBrowserTest {
    /** The owner name and the suspect's directory name try to run script in the page. */
    static final String OWNER = "<script>window.pwned='owner'</script>";
    static final String SUSPECT_NAME = "copy <img src=x onerror=\"window.pwned='suspect'\">";
    static final int QUERIES = 20;

    @TempDir
    static Path dir;

    static HeadlessChromium chromium;
    static Path suspect;
    static Path db;
    static JsonNode verified;
    static Path verifyReport;

    @BeforeAll
    static void aVerifiedCopyOfASignedCalibratedFingerprint() throws IOException {
        chromium = HeadlessChromium.startOrSkip();
        Path data = SyntheticData.writeFashionMnistLike(dir.resolve("data"), 300, 100, 28);
        Path target = TinyFleet.train("mlp", 1, dir.resolve("target"));
        suspect = dir.resolve(SUSPECT_NAME);
        TinyFleet.copyTree(target, suspect);
        List<String> calibrate = new ArrayList<>(List.of("calibrate", "--fingerprint", dir.resolve("fp.npz").toString(), "--sign",
                dir.resolve("key").toString(), "--negatives"));
        for (int seed = 100; seed < 110; seed++) {
            calibrate.add(TinyFleet.train("mlp", seed, dir.resolve("ref-" + seed)).toString());
        }
        run("keys", "new", "--out", dir.resolve("key").toString());
        run("extract", "--model", target.toString(), "--n", Integer.toString(QUERIES), "--data", data.toString(), "--out",
                dir.resolve("fp.npz").toString(), "--sign", dir.resolve("key").toString());
        run(calibrate.toArray(String[]::new));
        db = dir.resolve("registry.db");
        run("registry", "add", dir.resolve("fp.npz").toString(), "--owner", OWNER, "--db", db.toString());
        verifyReport = dir.resolve("report.html");
        verified = run("verify", "--fingerprint", dir.resolve("fp.npz").toString(), "--db", db.toString(), "--report",
                verifyReport.toString(), "--format", "json", suspect.toString()).json().get("results").get(0);
        Files.copy(verifyReport, HeadlessChromium.ARTIFACTS.resolve("verify-report.html"), StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterAll
    static void closeTheBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    static CliRunner.Result run(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertEquals(0, result.exitCode(), String.join(" ", args) + "\n" + result.err());
        return result;
    }

    /** The page loaded cleanly and shows {@code expected}'s verdict and p-value and every query; nothing hostile ran. */
    static void assertShows(Path page, JsonNode expected) {
        chromium.open(page);
        assertEquals(List.of(), chromium.severeLogs(), "console errors");
        assertEquals(expected.get("verdict").asText(), chromium.script("return document.querySelector('#headline .verdict').textContent"));
        double shown = Double.parseDouble((String) chromium.script("return document.querySelector('#headline .p-value').textContent"));
        double p = expected.get("pValue").asDouble();
        assertEquals(p, shown, p * 0.05, "the p-value, to its 2 significant digits");
        assertEquals((long) QUERIES, chromium.script("return document.querySelectorAll('.query-grid img').length"));
        assertEquals((long) QUERIES, chromium.script("return [...document.querySelectorAll('.query-grid img')]"
                + ".filter(i => i.complete && i.naturalWidth === 28 && i.naturalHeight === 28).length"), "every image decoded");
        assertEquals((long) expected.get("matches").asInt(), chromium.script("return document.querySelectorAll('.query.agree').length"),
                "a mark on each query where the suspect answered as the target");
        assertEquals(null, chromium.script("return window.pwned === undefined ? null : window.pwned"), "a hostile name ran");
        String text = (String) chromium.script("return document.body.innerText");
        assertTrue(text.contains(OWNER) && text.contains(SUSPECT_NAME), "hostile names are shown as text");
    }

    @Test
    void theVerifyReportLoadsCleanlyWithTheVerdictThePValueAndTheQueryGrid() throws IOException {
        assertEquals("derived", verified.get("verdict").asText(), "an unchanged copy: " + verified);
        assertShows(verifyReport, verified);
        String text = (String) chromium.script("return document.body.innerText");
        long records = (long) chromium.script("return document.querySelectorAll('tr.evidence-record').length");
        assertEquals(1L, records);
        assertTrue(text.contains("verified: signed with Ed25519 by key"), "who signed");
        assertTrue(text.contains("modelprint verify --fingerprint"), "the command to verify again");
        Path png = chromium.screenshot("verify-report.png");
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 10_000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', png.toString());
    }

    @Test
    void theReportHidesNothingWhenPrinted() throws IOException {
        chromium.open(verifyReport);
        chromium.printMedia();
        try {
            assertEquals(0L, chromium.script("return [...document.body.querySelectorAll('*')].filter(e => { const s = getComputedStyle(e);"
                    + " return s.display === 'none' || s.visibility === 'hidden'; }).length"), "elements hidden in print");
            assertEquals("always", chromium.script("return getComputedStyle(document.querySelector('section.fingerprint')).breakBefore"
                    + " === 'page' ? 'always' : getComputedStyle(document.querySelector('section.fingerprint')).pageBreakBefore"),
                    "the print stylesheet applies");
        } finally {
            chromium.screenMedia();
        }
        Path pdf = chromium.print("verify-report.pdf");
        String head = new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("%PDF-", head);
    }

    @Test
    void scanWritesOneReportPerSuspectThatLoadsCleanly() throws IOException {
        Path reports = dir.resolve("scan-reports");
        JsonNode scan = run("scan", "--db", db.toString(), "--report", reports.toString(), "--format", "json", suspect.toString(),
                dir.resolve("ref-100").toString()).json();
        try (var files = Files.list(reports)) {
            assertEquals(2, files.filter(f -> f.toString().endsWith(".html")).count());
        }
        for (JsonNode result : scan.get("results")) {
            Path page = Path.of(result.get("report").asText());
            assertEquals(reports, page.getParent());
            assertTrue(page.getFileName().toString().matches("[A-Za-z0-9][A-Za-z0-9._-]*-[0-9a-f]{12}\\.html"), page.toString());
            JsonNode match = result.get("matches").get(0);
            if (result.get("suspect").asText().equals(suspect.toString())) {
                assertShows(page, match);
                Files.copy(page, HeadlessChromium.ARTIFACTS.resolve("scan-report.html"), StandardCopyOption.REPLACE_EXISTING);
                chromium.screenshot("scan-report.png");
            } else {
                chromium.open(page);
                assertEquals(List.of(), chromium.severeLogs());
                assertEquals(match.get("verdict").asText(), chromium.script("return document.querySelector('#headline .verdict').textContent"));
            }
        }
    }
}
