package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/verify_evidence.py, the auditor's check without modelprint (docs/service.md), recomputes the chain
 * modelprint wrote (the canonical text and the signatures agree across the two languages) and names a
 * changed record. Needs python3 with python3-cryptography; skipped without them.
 */
class EvidenceScriptTest {
    private static final Path SCRIPT = Path.of("../scripts/verify_evidence.py");

    @TempDir
    Path dir;

    @Test
    void theScriptRechecksARealLogAndNamesAChangedRecord() throws Exception {
        Assumptions.assumeTrue(pythonWithCryptography(), "python3 with python3-cryptography is not installed");
        String db = dir.resolve("registry.db").toString();
        assertEquals(0, CliRunner.run("registry", "add", ServeFixtures.ALICE_FP.toString(), "--owner", "alice", "--db", db).exitCode());
        assertEquals(0, CliRunner.run("registry", "add", ServeFixtures.BOB_FP.toString(), "--owner", "bob", "--db", db).exitCode());
        assertEquals(0, CliRunner.run("scan", "--db", db, ServeFixtures.ALICE.toString(), ServeFixtures.BOB.toString()).exitCode());
        CliRunner.Result log = CliRunner.run("registry", "log", "--db", db, "--format", "json");
        Path json = Files.writeString(dir.resolve("log.json"), log.out());
        String key = db + ".key/modelprint.pub";
        String head = log.json().get("records").get(3).get("recordHash").asText();

        Result intact = run("python3", SCRIPT.toString(), json.toString(), "--registry-key", key, "--head", head);
        assertEquals(0, intact.exit(), intact.out());
        assertTrue(intact.out().startsWith("4 records, chain intact, registry signatures verified through record 4"), intact.out());

        ObjectNode changed = (ObjectNode) log.json();
        ((ObjectNode) changed.get("records").get(2)).put("similarity", 0.5);
        Path tampered = Files.writeString(dir.resolve("tampered.json"), changed.toString());
        Result broken = run("python3", SCRIPT.toString(), tampered.toString(), "--registry-key", key);
        assertEquals(1, broken.exit(), broken.out());
        assertTrue(broken.out().startsWith("record 3 was changed"), broken.out());

        Path otherKey = dir.resolve("other-key");
        assertEquals(0, CliRunner.run("keys", "new", "--out", otherKey.toString()).exitCode());
        Result foreign = run("python3", SCRIPT.toString(), json.toString(), "--registry-key", otherKey.resolve("modelprint.pub").toString());
        assertEquals(1, foreign.exit());
        assertTrue(foreign.out().contains("not by the registry's key"), foreign.out());
        Result rewritten = run("python3", SCRIPT.toString(), json.toString(), "--registry-key", key, "--head", "ab".repeat(32));
        assertEquals(1, rewritten.exit());
        assertTrue(rewritten.out().contains("is not in this chain"), rewritten.out());
    }

    private record Result(int exit, String out) {}

    private static boolean pythonWithCryptography() throws InterruptedException {
        try {
            return run("python3", "-c", "import cryptography").exit() == 0;
        } catch (IOException noPython) {
            return false;
        }
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, out);
        }
        return new Result(process.exitValue(), out);
    }
}
