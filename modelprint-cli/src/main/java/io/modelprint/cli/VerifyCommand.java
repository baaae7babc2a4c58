package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.EvidenceRecord;
import io.modelprint.registry.DatabaseLocation;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Scheme;
import io.modelprint.model.Classifier;
import io.modelprint.model.ConvertedClassifier;
import io.modelprint.model.remote.RemoteClassifier;
import io.modelprint.model.remote.RemoteStats;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.fingerprint.FingerprintSigner;
import io.modelprint.verify.CombinedVerdict;
import io.modelprint.verify.Verdict;
import io.modelprint.verify.Verifier;
import io.modelprint.scheme.RepeatedAnswers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify suspect models against a fingerprint.",
            "A suspect is 'derived' when its similarity under the fingerprint's scheme (for label schemes the matching"
                    + " rate: share of queries it labels as the target did) is at least the threshold; under the tampering"
                    + " schemes ssf and ssf-hard it is 'unmodified' when every sensitive sample is answered as the target"
                    + " did (within the tolerance), else 'modified'. Each suspect is"
                    + " verified on its own: one that fails to load or answers badly is reported with its error, and the"
                    + " exit code is then 1."})
final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--fingerprint", required = true, description = "fingerprint file (.npz) made by extract")
    Path fingerprintFile;

    @Mixin
    VerdictOptions verdictOptions;

    @Mixin
    FormatOption format;

    @Mixin
    SuspectOptions suspectOptions;

    @Option(names = "--db", paramLabel = "DB",
            description = "append every check to this registry's evidence log (a file path for SQLite, or a jdbc:postgresql:// URL)")
    String db;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "1",
            description = {"ask every query R times (majority label, mean scores; default ${DEFAULT-VALUE}): for prediction APIs that",
                "randomize their answers. Every repeat counts against --max-queries; answers are then not cached."})
    int repeat;

    @Mixin
    RegistryKeyOption registryKey;

    @Option(names = "--report", paramLabel = "FILE.html", description = {"write the suspect's ownership report to FILE.html: one"
        + " self-contained page (fingerprint and signer, provenance, queries with both models' answers, null distribution,"
        + " verdicts, evidence records with --db, the command to verify again); one SUSPECT only. Owner-only: it shows the queries"})
    Path reportFile;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SUSPECT", description = {"model directories, TorchScript .pt or ONNX .onnx files,",
        "or Open Inference Protocol model URLs http(s)://host:port/v2/models/<name> (label-only)"})
    List<String> suspects;

    @Override
    public Integer call() {
        verdictOptions.validateThreshold();
        suspectOptions.remoteOptions(); // flags first: a bad flag is refused whatever the files
        verdictOptions.validateAlpha();
        if (repeat < 1 || repeat > RepeatedAnswers.MAX_REPEATS) {
            throw new InputException("--repeat " + repeat + ": expected a number of repeats in [1, " + RepeatedAnswers.MAX_REPEATS + "]");
        }
        if (repeat > 1) {
            suspectOptions.noCache = true; // a cached answer repeated R times would hide a randomizing API
        }
        VerifyReport report = VerifyReport.of(reportFile, suspects, spec, fingerprintFile,
                db == null ? null : DatabaseLocation.parse(db).describe());
        List<Fingerprint> members = FingerprintFile.readBundle(fingerprintFile);
        if (members.stream().anyMatch(m -> m.scheme().asksTampering())) {
            suspectOptions.noCache = true; // answers kept from an earlier run would say nothing about the model as it is now
        }
        verdictOptions.validateThresholdFits(members.stream().<Scheme<?>>map(Fingerprint::scheme).toList());
        try (RegistryDatabase database = db == null ? null : RegistryDatabase.open(db, OpenIntent.WRITE)) {
            return verifyAll(members, database == null ? null : new EvidenceLog(database, registryKey.forAppend(database)),
                    database == null ? null : new Registry(database), report);
        }
    }

    private int verifyAll(List<Fingerprint> members, EvidenceLog log, Registry registry, VerifyReport report) {
        String registryId = FingerprintFile.contentSha256(members).substring(0, Registry.ID_LENGTH);
        FingerprintSigner.Status signature = FingerprintSigner.Status.of(members);
        String ownerKey = signature.signers().size() == 1 && signature.status().equals("verified") ? signature.signers().get(0) : null;
        var registered = registry == null ? null : registry.find(registryId);
        String owner = registered != null && java.util.Objects.equals(registered.ownerKey(), ownerKey) ? registered.owner() : null;
        for (Fingerprint member : members) {
            suspectOptions.validate(member);
        }
        Verifier verifier = new Verifier(verdictOptions.threshold, verdictOptions.alpha);
        Fingerprint first = members.get(0);
        boolean bundle = members.size() > 1;
        double tau = verdictOptions.threshold != null ? verdictOptions.threshold : first.scheme().defaultThreshold();
        String scheme = bundle ? "bundle(" + String.join(",", members.stream().map(m -> m.meta().scheme()).toList()) + ")"
                : first.meta().scheme();
        List<Map<String, Object>> results = new ArrayList<>();
        boolean anyFailed = false;
        boolean anyInternal = false;
        boolean calibrated = members.stream().allMatch(m -> m.meta().calibration() != null);
        boolean tampering = first.scheme().asksTampering();
        String thresholdText = verdictOptions.threshold != null ? "threshold " + tau
                : tampering ? "unmodified when every sample is within the tolerance"
                : calibrated ? "p-value at most alpha " + verdictOptions.alpha
                : bundle ? "uncalibrated: each scheme's default threshold" : "uncalibrated: default threshold " + tau;
        if (!format.json()) {
            System.out.println("fingerprint " + Terminal.safe(fingerprintFile.toString()) + ": " + signature.text());
        }
        TextRows text = format.json() ? null : new TextRows(suspects, scheme, thresholdText,
                members.stream().map(Fingerprint::meta).toList(), tampering);
        for (String suspect : suspects) {
            long start = System.nanoTime();
            List<Map<String, Object>> rows = new ArrayList<>();
            List<Verdict> verdicts = new ArrayList<>();
            SuspectChecks checks = new SuspectChecks(suspect, registryId, owner, ownerKey, log != null, report != null);
            for (Fingerprint member : members) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("suspect", suspect);
                Verdict verdict = null;
                try {
                    verdict = verifyOne(verifier, member, suspect, row, checks);
                } catch (InputException e) {
                    anyFailed = true;
                    row.put("error", e.getMessage());
                    checks.failed(e.getMessage());
                } catch (RuntimeException | Error e) {
                    // a bug or a JVM failure (e.g. out of memory) on one suspect: its row says so, the others go on
                    anyInternal = true;
                    row.put("error", "internal error: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getName()));
                    checks.failed((String) row.get("error"));
                    e.printStackTrace();
                }
                if (verdict != null) {
                    verdicts.add(verdict);
                }
                rows.add(row);
            }
            List<EvidenceRecord> stored = List.of();
            if (log != null && !checks.records().isEmpty()) {
                stored = log.append(checks.records());
                rows.get(0).put("evidence", List.of(stored.get(0).seq(), stored.get(stored.size() - 1).seq()));
            }
            CombinedVerdict combined = bundle && verdicts.size() == members.size() ? CombinedVerdict.of(verdicts, verdictOptions.alpha)
                    : null;
            Map<String, Object> result;
            if (!bundle) {
                result = rows.get(0);
            } else {
                result = new LinkedHashMap<>();
                result.put("suspect", suspect);
                result.put("scheme", "bundle");
                if (combined != null) {
                    result.put("verdict", combined.decision().label());
                    result.put("combination", combined.rule());
                    result.put("decidedBy", combined.decidedBy());
                    result.put(tampering ? "modifiedMembers" : "derivedMembers", combined.derivedMembers());
                    if (combined.pValue() != null) {
                        result.put("pValue", combined.pValue());
                    }
                } else {
                    result.put("error", "not every scheme of the bundle could verify this suspect (see members)");
                }
                result.put("members", rows);
            }
            result.put("seconds", (System.nanoTime() - start) / 1e9);
            results.add(result);
            if (report != null) {
                report.write(checks, members, registryId, owner, ownerKey, combined, stored);
            }
            if (text != null) {
                text.print(result);
            }
        }
        if (text != null) {
            text.finish();
        } else {
            // a bundle's members each have their own default threshold: one number at the top would be wrong
            print(results, scheme, bundle && verdictOptions.threshold == null ? null : tau, calibrated, tampering, signature);
        }
        return anyInternal ? ExitCode.INTERNAL_ERROR : anyFailed ? ExitCode.PARTIAL_FAILURE : ExitCode.OK;
    }

    /** Verifies {@code suspect} against one fingerprint, filling {@code row}; the suspect is opened for it alone. */
    private Verdict verifyOne(Verifier verifier, Fingerprint fingerprint, String suspect, Map<String, Object> row,
            SuspectChecks checks) {
        RemoteStats remote = null;
        try (Classifier model = suspectOptions.open(suspect, fingerprint); Progress progress = Progress.start("verify")) {
            RemoteClassifier client = remote(model);
            if (client != null) {
                remote = client.stats();
                client.onProgress(progress);
            }
            Scheme<?> scheme = fingerprint.scheme();
            if (client != null) {
                System.err.printf("verify: %s: asking %d queries%s%n", suspect, fingerprint.size() * repeat,
                        repeat == 1 ? "" : " (" + fingerprint.size() + " x " + repeat + " repeats)");
            }
            RepeatedAnswers repeated = Verifier.answers(fingerprint, scheme, model, repeat);
            Answers answers = repeated.answers();
            Verdict verdict = verifier.judge(fingerprint, scheme, answers);
            if (checks.needsIdentity()) {
                checks.identify(SuspectIdentities.of(suspect, model));
            }
            checks.judged(fingerprint, verdict, answers);
            row.put("scheme", verdict.scheme());
            row.put("similarity", verdict.similarity());
            if (verdict.countsMatches()) {
                row.put("matchingRate", verdict.matchingRate());
                row.put("matches", verdict.matches());
            }
            row.put("queries", verdict.queries());
            if (repeat > 1) {
                row.put("repeats", repeat);
                row.put("queriesAsked", repeated.queriesAsked());
                row.put("inconsistentQueries", repeated.inconsistentQueries());
            }
            row.put("threshold", verdict.threshold());
            row.put("verdict", verdict.decision().label());
            row.put("decidedBy", verdict.basis().label());
            if (verdict.pValue() != null) {
                row.put("pValue", verdict.pValue());
            }
            return verdict;
        } finally {
            if (remote != null) {
                row.put("queriesSent", remote.queriesSent());
                row.put("requests", remote.requests());
                row.put("retries", remote.retries());
                row.put("cachedAnswers", remote.cachedAnswers());
                row.put("httpSeconds", remote.secondsInHttp());
            }
        }
    }

    private static RemoteClassifier remote(Classifier model) {
        Classifier inner = model instanceof ConvertedClassifier converted ? converted.suspect() : model;
        return inner instanceof RemoteClassifier remote ? remote : null;
    }

    private void print(List<Map<String, Object>> results, String scheme, Double tau, boolean calibrated, boolean tampering,
            FingerprintSigner.Status signature) {
        if (format.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("fingerprint", fingerprintFile.toString());
            doc.put("signature", InfoCommand.signatureView(signature));
            doc.put("scheme", scheme);
            doc.put("threshold", tau);
            doc.put("calibrated", calibrated);
            doc.put("question", tampering ? "tampering" : "derivation");
            doc.put("results", results);
            JsonOutput.print(doc);
        }
    }
}
