package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify --report and scan --report without a browser: the page is written owner-only, the commands it gives to check
 * again reproduce the verdict when run, and arguments that cannot give one report per suspect are refused before any work.
 */
class CliReportTest {
    @TempDir
    static Path dir;

    static Path fingerprint;
    static Path suspect;
    static Path db;

    @BeforeAll
    static void aRegisteredSignedFingerprintAndACopy() throws IOException {
        Path data = SyntheticData.writeFashionMnistLike(dir.resolve("data"), 300, 100, 28);
        Path target = TinyFleet.train("mlp", 1, dir.resolve("target"));
        suspect = dir.resolve("copy");
        TinyFleet.copyTree(target, suspect);
        fingerprint = dir.resolve("fp.npz");
        db = dir.resolve("registry.db");
        ok("keys", "new", "--out", dir.resolve("key").toString());
        ok("extract", "--model", target.toString(), "--n", "12", "--data", data.toString(), "--out", fingerprint.toString(), "--sign",
                dir.resolve("key").toString());
        ok("registry", "add", fingerprint.toString(), "--owner", "alice", "--db", db.toString());
    }

    static CliRunner.Result ok(String... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertEquals(0, result.exitCode(), String.join(" ", args) + "\n" + result.err());
        return result;
    }

    /** The lines of the report's command blocks, unescaped, in page order. */
    static List<String> commands(Path page) throws IOException {
        Matcher pre = Pattern.compile("<pre class=\"command\">(.*?)</pre>", Pattern.DOTALL).matcher(Files.readString(page));
        List<String> lines = new ArrayList<>();
        while (pre.find()) {
            lines.addAll(Arrays.asList(pre.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&").split("\n")));
        }
        return lines;
    }

    /** A shown command line run in-process; words are plain here (temporary paths), and a relative file is taken in {@code dir}. */
    static CliRunner.Result runShown(String line) {
        assertTrue(line.startsWith("modelprint ") && !line.contains("'"), line);
        String[] words = Arrays.stream(line.substring("modelprint ".length()).split(" "))
                .map(w -> w.endsWith(".npz") && !w.startsWith("/") ? dir.resolve(w).toString() : w).toArray(String[]::new);
        return ok(words);
    }

    @Test
    void verifyWritesAnOwnerOnlyReportWhoseCommandVerifiesAgain() throws IOException {
        Path page = dir.resolve("verify.html");
        JsonNode result = ok("verify", "--fingerprint", fingerprint.toString(), "--db", db.toString(), "--report", page.toString(),
                "--format", "json", suspect.toString()).json().get("results").get(0);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(page)));
        String html = Files.readString(page);
        assertTrue(html.contains("<span class=\"verdict derived\">derived (uncalibrated)</span>"), "an unchanged copy, uncalibrated");
        assertTrue(html.contains(result.get("matches").asInt() + " / 12"));
        List<String> commands = commands(page);
        assertEquals("cd " + Path.of("").toAbsolutePath(), commands.get(0));
        String again = "modelprint verify --fingerprint " + fingerprint + " --db " + db + " " + suspect;
        assertEquals(again, commands.get(1));
        assertEquals("modelprint registry log verify --db " + db, commands.get(2));
        JsonNode rerun = runShown(again + " --format json").json().get("results").get(0);
        assertEquals(result.get("verdict"), rerun.get("verdict"));
        assertEquals(result.get("similarity").asDouble(), rerun.get("similarity").asDouble(), 1e-9);
        assertEquals(0, ok("registry", "log", "verify", "--db", db.toString()).exitCode());
    }

    @Test
    void scanReportsGiveTheCommandsThatExportTheFingerprintAndVerifyTheSuspectAgain() throws IOException {
        Path reports = dir.resolve("scan");
        JsonNode result = ok("scan", "--db", db.toString(), "--report", reports.toString(), "--format", "json", suspect.toString())
                .json().get("results").get(0);
        Path page = Path.of(result.get("report").asText());
        assertTrue(page.getFileName().toString().startsWith("copy-"), page.toString());
        List<String> commands = commands(page);
        String id = result.get("matches").get(0).get("fingerprint").asText();
        int export = commands.indexOf("modelprint registry export " + id + " --out " + id + ".npz --db " + db);
        assertTrue(export > 0, commands.toString());
        runShown(commands.get(export));
        assertEquals(Files.readAllBytes(fingerprint).length, Files.size(dir.resolve(id + ".npz")));
        String verify = commands.get(export + 1);
        assertEquals("modelprint verify --fingerprint " + id + ".npz " + suspect, verify);
        JsonNode rerun = runShown(verify + " --format json").json().get("results").get(0);
        assertEquals(result.get("matches").get(0).get("verdict"), rerun.get("verdict"));
        assertEquals(result.get("matches").get(0).get("similarity").asDouble(), rerun.get("similarity").asDouble(), 1e-9);
        assertTrue(commands.contains("modelprint scan --db " + db + " " + suspect), commands.toString());
    }

    @Test
    void aSuspectThatFailsStillGetsAReportSayingWhy() throws IOException {
        Path reports = dir.resolve("failed");
        CliRunner.Result result = CliRunner.run("scan", "--db", db.toString(), "--report", reports.toString(), "--format", "json",
                dir.resolve("no-such-model").toString());
        assertEquals(ExitCode.PARTIAL_FAILURE, result.exitCode(), result.err());
        String html = Files.readString(Path.of(result.json().get("results").get(0).get("report").asText()));
        assertTrue(html.contains("the suspect could not be checked: "), html);
    }

    @Test
    void reportArgumentsThatCannotGiveOnePagePerSuspectAreRefusedBeforeAnyWork() throws IOException {
        Path page = dir.resolve("two.html");
        CliRunner.Result two = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--report", page.toString(),
                suspect.toString(), suspect.toString());
        assertEquals(ExitCode.BAD_INPUT, two.exitCode());
        assertTrue(two.err().contains("writes the report of one suspect, but 2 were named"), two.err());
        assertFalse(Files.exists(page));

        CliRunner.Result directory = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--report", dir.toString(),
                suspect.toString());
        assertEquals(ExitCode.BAD_INPUT, directory.exitCode());
        assertTrue(directory.err().contains("is a directory: expected the HTML file to write"), directory.err());

        Path file = Files.writeString(dir.resolve("a-file"), "kept");
        long records = CliRunner.run("registry", "log", "--db", db.toString(), "--format", "json").json().get("records").size();
        CliRunner.Result scanToFile = CliRunner.run("scan", "--db", db.toString(), "--report", file.toString(), suspect.toString());
        assertEquals(ExitCode.BAD_INPUT, scanToFile.exitCode());
        assertTrue(scanToFile.err().contains("is a file: expected a directory"), scanToFile.err());
        assertEquals("kept", Files.readString(file));
        assertEquals(records, CliRunner.run("registry", "log", "--db", db.toString(), "--format", "json").json().get("records").size(),
                "nothing scanned, no evidence written");

        CliRunner.Result spark = CliRunner.run("scan", "--spark", "--suspects", dir.toString(), "--report", dir.resolve("r").toString());
        assertEquals(ExitCode.BAD_INPUT, spark.exitCode());
        assertTrue(spark.err().contains("--report goes without --spark"), spark.err());
    }
}
