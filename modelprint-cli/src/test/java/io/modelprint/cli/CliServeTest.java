package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.ModelLoader;
import io.modelprint.model.Classifier;
import io.modelprint.serve.InferenceServer;
import io.modelprint.serve.ServedModel;
import io.modelprint.testing.Flakiness;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} and remote suspects, against a real server on a free loopback port. */
class CliServeTest {
    private static final int MAX_BATCH = 64;

    @TempDir
    static Path dir;

    static Path target;
    static Path fingerprint;
    static Classifier model;
    static InferenceServer server;
    static String url;
    static double localRate;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void serveATrainedModel() throws IOException {
        Path data = SyntheticData.writeFashionMnistLike(dir.resolve("data"), 600, 200, 28);
        target = dir.resolve("target");
        assertEquals(0, CliRunner.run("train", "--arch", "mlp", "--data", data.toString(), "--epochs", "2", "--seed", "1",
                "--out", target.toString()).exitCode());
        fingerprint = dir.resolve("fp.npz");
        CliRunner.Result extracted = CliRunner.run("extract", "--model", target.toString(), "--n", "40", "--seed", "4",
                "--data", data.toString(), "--out", fingerprint.toString());
        assertEquals(0, extracted.exitCode(), extracted.err());
        model = ModelLoader.loadClassifier(target, InputSpec.fashionMnist());
        server = new InferenceServer(new ServedModel("target", model, false, 2), MAX_BATCH,
                ServeCommand.maxBodyBytes(model.inputSpec(), MAX_BATCH)).start("127.0.0.1", 0);
        url = "http://127.0.0.1:" + server.port() + "/v2/models/target";
        CliRunner.Result local = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--format", "json", target.toString());
        localRate = local.json().get("results").get(0).get("matchingRate").asDouble();
        assertEquals(1.0, localRate);
    }

    @AfterAll
    static void stop() {
        server.close();
        model.close();
    }

    private static JsonNode verify(String suspect, String... extra) {
        String[] base = {"verify", "--fingerprint", fingerprint.toString(), "--format", "json", "--cache-dir",
            dir.resolve("cache-" + System.nanoTime()).toString()};
        String[] args = new String[base.length + extra.length + 1];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        args[args.length - 1] = suspect;
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        return r.json().get("results").get(0);
    }

    @Test
    void verifyingThroughServeGivesTheLocalVerdict() {
        JsonNode remote = verify(url);
        assertEquals(localRate, remote.get("matchingRate").asDouble());
        assertEquals("derived", remote.get("verdict").asText());
        assertEquals(40, remote.get("queriesSent").asInt());
        assertEquals(0, remote.get("retries").asInt());
        assertTrue(remote.get("seconds").asDouble() > 0);
    }

    @Test
    void aServerFailingEveryOtherRequestGivesTheSameVerdictWithNoQueryLost() throws IOException {
        try (MisbehavingProxy proxy = new MisbehavingProxy(server.port(), Flakiness.FAIL_EVERY_OTHER)) {
            JsonNode remote = verify(proxy.url("target"), "--batch-size", "10");
            assertEquals(localRate, remote.get("matchingRate").asDouble());
            assertEquals(4, remote.get("retries").asInt(), "4 requests of 10, each refused once");
            assertEquals(4, proxy.forwarded.get(), "each batch reached the model exactly once");
            assertEquals(80, remote.get("queriesSent").asInt(), "refused requests count as sent");
        }
    }

    @Test
    void aSlowServerTimesOutAndTheRetryGivesTheSameVerdict() throws IOException {
        try (MisbehavingProxy proxy = new MisbehavingProxy(server.port(), Flakiness.SLOW_FIRST)) {
            JsonNode remote = verify(proxy.url("target"), "--read-timeout", "0.5");
            assertEquals(localRate, remote.get("matchingRate").asDouble());
            assertEquals(1, remote.get("retries").asInt());
        }
    }

    @Test
    void aLabelsOnlyServerOffersNoScores() throws Exception {
        try (InferenceServer labelsOnly = new InferenceServer(new ServedModel("t2", model, true, 1), 64, 40_000).start("127.0.0.1", 0)) {
            HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + labelsOnly.port()
                    + "/v2/models/t2")).build(), HttpResponse.BodyHandlers.ofString());
            assertFalse(metadata.body().contains("scores"), metadata.body());
            JsonNode remote = verify("http://127.0.0.1:" + labelsOnly.port() + "/v2/models/t2");
            assertEquals(localRate, remote.get("matchingRate").asDouble());
            assertTrue(remote.get("requests").asInt() > 4, "the client halved its batch until the 40 kB body limit held: " + remote);
        }
    }

    @Test
    void aScoreSchemeAsksForScoresAndALabelsOnlyServerIsRefusedNamingTheSchemesThatWork() throws Exception {
        Path data = dir.resolve("data");
        Path sac = dir.resolve("sac-m.npz");
        assertEquals(0, CliRunner.run("extract", "--model", target.toString(), "--method", "sac-m", "--n", "30", "--data",
                data.toString(), "--out", sac.toString()).exitCode());
        Path cache = dir.resolve("score-cache");
        CliRunner.Result remote = CliRunner.run("verify", "--fingerprint", sac.toString(), "--format", "json", "--cache-dir",
                cache.toString(), url);
        assertEquals(0, remote.exitCode(), remote.err());
        JsonNode row = remote.json().get("results").get(0);
        assertEquals(1.0, row.get("similarity").asDouble(), 1e-6, "the served model's scores are the local logits: " + row);
        CliRunner.Result again = CliRunner.run("verify", "--fingerprint", sac.toString(), "--format", "json", "--cache-dir",
                cache.toString(), url);
        JsonNode cached = again.json().get("results").get(0);
        assertEquals(30, cached.get("cachedAnswers").asInt(), "score rows come from the cache: " + cached);
        assertEquals(row.get("similarity").asDouble(), cached.get("similarity").asDouble());

        // a hand-edited cache is refused (its answers would change the verdict)
        try (var files = Files.list(cache)) {
            Path file = files.findFirst().orElseThrow();
            String text = Files.readString(file);
            Files.writeString(file, text.replaceFirst("\\[-?[0-9.E]+", "[42.0"));
        }
        CliRunner.Result edited = CliRunner.run("verify", "--fingerprint", sac.toString(), "--format", "json", "--cache-dir",
                cache.toString(), url);
        assertEquals(ExitCode.PARTIAL_FAILURE, edited.exitCode());
        assertTrue(edited.json().get("results").get(0).get("error").asText().contains("changed"), edited.out());

        try (InferenceServer labelsOnly = new InferenceServer(new ServedModel("t3", model, true, 1), 64, 1 << 22).start("127.0.0.1", 0)) {
            CliRunner.Result refused = CliRunner.run("verify", "--fingerprint", sac.toString(), "--format", "json", "--no-cache",
                    "http://127.0.0.1:" + labelsOnly.port() + "/v2/models/t3");
            assertEquals(ExitCode.PARTIAL_FAILURE, refused.exitCode());
            String error = refused.json().get("results").get(0).get("error").asText();
            assertTrue(error.contains("labels only") && error.contains("sac-m-hard"), error);
        }
    }

    @Test
    void remoteBudgetAndCacheWorkFromTheCommandLine() {
        Path cache = dir.resolve("budget-cache");
        CliRunner.Result spent = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--format", "json",
                "--cache-dir", cache.toString(), "--max-queries", "25", "--batch-size", "10", url);
        assertEquals(ExitCode.PARTIAL_FAILURE, spent.exitCode());
        assertTrue(spent.json().get("results").get(0).get("error").asText().contains("--max-queries 25"), spent.out());
        assertEquals(25, spent.json().get("results").get(0).get("queriesSent").asInt(), spent.out());
        // the budget is a total over the runs that share the cache: 25 were spent, so 30 allows 5 more
        CliRunner.Result tooSmall = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--format", "json",
                "--cache-dir", cache.toString(), "--max-queries", "30", "--batch-size", "10", url);
        assertEquals(ExitCode.PARTIAL_FAILURE, tooSmall.exitCode());
        assertTrue(tooSmall.json().get("results").get(0).get("error").asText().contains("earlier runs"), tooSmall.out());
        CliRunner.Result resumed = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--format", "json",
                "--cache-dir", cache.toString(), "--max-queries", "45", "--batch-size", "10", url);
        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        JsonNode row = resumed.json().get("results").get(0);
        assertEquals(40, row.get("queriesSent").asInt() + row.get("cachedAnswers").asInt(), row.toString());
        assertEquals(30, row.get("cachedAnswers").asInt(), "25 + the 5 the second run could still pay for: " + row);
        assertEquals(localRate, row.get("matchingRate").asDouble());
        assertNull(row.get("pValue"));
    }

    @Test
    void serveRefusesBadArgumentsBeforeListening() {
        CliRunner.Result port = CliRunner.run("serve", "--model", target.toString(), "--port", "70000");
        assertEquals(ExitCode.BAD_INPUT, port.exitCode());
        assertTrue(port.err().contains("--port must be in 0..65535"), port.err());
        CliRunner.Result missing = CliRunner.run("serve", "--model", dir.resolve("gone.pt").toString());
        assertEquals(ExitCode.BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("gone.pt"), missing.err());
        CliRunner.Result specOnDirectory = CliRunner.run("serve", "--model", target.toString(), "--channels-last");
        assertEquals(ExitCode.BAD_INPUT, specOnDirectory.exitCode());
        assertTrue(specOnDirectory.err().contains("records its input spec"), specOnDirectory.err());
        CliRunner.Result busy = CliRunner.run("serve", "--model", target.toString(), "--port", String.valueOf(server.port()));
        assertEquals(ExitCode.BAD_INPUT, busy.exitCode());
        assertTrue(busy.err().contains("cannot listen on 127.0.0.1:" + server.port()), busy.err());
    }

    @Test
    void calibratingWithARemoteNegativeGivesRemoteVerdictsAPValue() throws IOException {
        Path data = dir.resolve("data");
        Path independent = dir.resolve("independent");
        assertEquals(0, CliRunner.run("train", "--arch", "mlp", "--data", data.toString(), "--epochs", "1", "--seed", "9",
                "--out", independent.toString()).exitCode());
        Path calibrated = dir.resolve("calibrated.npz");
        java.nio.file.Files.copy(fingerprint, calibrated);
        try (Classifier other = ModelLoader.loadClassifier(independent, InputSpec.fashionMnist());
                InferenceServer otherServer = new InferenceServer(new ServedModel("other", other, true, 1), 64, 1 << 22)
                        .start("127.0.0.1", 0)) {
            String otherUrl = "http://127.0.0.1:" + otherServer.port() + "/v2/models/other";
            CliRunner.Result calibration = CliRunner.run("calibrate", "--fingerprint", calibrated.toString(), "--no-cache",
                    "--negatives", otherUrl, independent.toString());
            assertEquals(0, calibration.exitCode(), calibration.err());
            CliRunner.Result r = CliRunner.run("verify", "--fingerprint", calibrated.toString(), "--format", "json", "--no-cache",
                    url, otherUrl);
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.json().get("calibrated").asBoolean());
            JsonNode derived = r.json().get("results").get(0);
            JsonNode unrelated = r.json().get("results").get(1);
            assertEquals(io.modelprint.verify.SupportedPValue.floor(2), derived.get("pValue").asDouble(), 1e-12,
                    "beyond both references, as far as 2 references support: " + r.out());
            assertTrue(unrelated.get("pValue").asDouble() >= 2.0 / 3, "the remote reference itself: " + r.out());
            assertEquals("independent", unrelated.get("verdict").asText(), r.out());
        }
    }

    @Test
    void theServeCommandServesUntilStoppedOnTheFreePortItReports() throws Exception {
        ServeCommand command = new ServeCommand();
        new picocli.CommandLine(command).parseArgs("--model", target.toString(), "--name", "cmd", "--port", "0", "--labels-only");
        java.util.concurrent.FutureTask<Integer> running = new java.util.concurrent.FutureTask<>(command);
        Thread thread = new Thread(running, "serve-under-test");
        thread.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (command.boundPort() < 0 && !running.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(command.boundPort() > 0, "serve reported no port");
        JsonNode remote = verify("http://127.0.0.1:" + command.boundPort() + "/v2/models/cmd");
        assertEquals(localRate, remote.get("matchingRate").asDouble());
        command.stop();
        assertEquals(ExitCode.OK, running.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertThrows(java.net.ConnectException.class, () -> http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + command.boundPort() + "/v2/health/live")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void aDefendedServerStatesItsDefenseAndAnswersWithinIt() throws Exception {
        io.modelprint.lab.evasive.Defense defense = io.modelprint.lab.evasive.Defense.parse(java.util.List.of("round=1", "flip=0.5"));
        Classifier defended = io.modelprint.lab.evasive.DefendedClassifier.wrap(
                ModelLoader.loadClassifier(target, InputSpec.fashionMnist()), defense);
        try (defended; InferenceServer evasive = new InferenceServer(new ServedModel("evasive", defended, false, 2, defense.toString()),
                MAX_BATCH, ServeCommand.maxBodyBytes(defended.inputSpec(), MAX_BATCH)).start("127.0.0.1", 0)) {
            String evasiveUrl = "http://127.0.0.1:" + evasive.port() + "/v2/models/evasive";
            JsonNode metadata = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(evasiveUrl)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals("round=1,flip=0.5,seed=1", metadata.get("parameters").get("defense").asText());
            // the client reads it (the evidence log records it with the metadata)
            try (var client = io.modelprint.model.remote.RemoteClassifier.connect(evasiveUrl, InputSpec.fashionMnist(), 10,
                    io.modelprint.model.remote.RemoteOptions.defaults(), null, true)) {
                assertEquals("round=1,flip=0.5,seed=1", client.metadata().parameters().get("defense"));
            }
            // half the labels flipped: the fingerprint sees it (the local model matched all of them)
            JsonNode r = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--format", "json", "--no-cache", evasiveUrl)
                    .json().get("results").get(0);
            double rate = r.get("matchingRate").asDouble();
            assertTrue(rate > 0.25 && rate < 0.75, "matching rate behind flip=0.5: " + rate);
        }
        CliRunner.Result bad = CliRunner.run("serve", "--model", target.toString(), "--defense", "noise=-1");
        assertEquals(ExitCode.BAD_INPUT, bad.exitCode());
        assertTrue(bad.err().contains("--defense noise=-1"), bad.err());
    }

    @Test
    void theBenchReachesEvasiveSuspectsOverHttp() {
        try (HttpEvasiveServing serving = new HttpEvasiveServing()) {
            Classifier flipping = serving.serve("evasive-flip", ModelLoader.loadClassifier(target, InputSpec.fashionMnist()),
                    io.modelprint.lab.evasive.Defense.parse(java.util.List.of("flip=0.5")));
            assertTrue(flipping instanceof io.modelprint.model.remote.RemoteClassifier remote
                    && "flip=0.5,seed=1".equals(remote.metadata().parameters().get("defense")), flipping.description());
            assertTrue(flipping instanceof io.modelprint.model.Scored, "scores through HTTP unless top-1 only");
            io.modelprint.fingerprint.Fingerprint fp = io.modelprint.fingerprint.FingerprintFile.read(fingerprint);
            double rate = new io.modelprint.verify.Verifier((Double) null).verify(fp, flipping).matchingRate();
            assertTrue(rate > 0.25 && rate < 0.75, "half the labels flipped: " + rate);
            Classifier top1 = serving.serve("evasive-top1", ModelLoader.loadClassifier(target, InputSpec.fashionMnist()),
                    io.modelprint.lab.evasive.Defense.parse(java.util.List.of("top1")));
            assertFalse(top1 instanceof io.modelprint.model.Scored, "a top-1 API gives labels only");
            assertEquals(1.0, new io.modelprint.verify.Verifier((Double) null).verify(fp, top1).matchingRate());
            flipping.close();
            top1.close();
        }
    }
}
