package io.modelprint.report;

import io.modelprint.fingerprint.Calibration;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.fingerprint.FingerprintMeta;
import io.modelprint.model.Classifier;
import io.modelprint.registry.SuspectIdentity;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Scheme;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.TinyFingerprints;
import io.modelprint.verify.Verdict;
import io.modelprint.verify.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real report inputs: IPGuard fingerprints of tiny linear targets, calibrated on independent ones, judged against suspects. */
final class ReportFixtures {
    static final LinearModel TARGET = TinyFingerprints.target(1);
    /** A fine-tuned-like copy of the target. */
    static final LinearModel COPY = LinearModel.perturbed(TARGET, 0.05f, 7);

    private ReportFixtures() {}

    static Fingerprint fingerprint(int n, long seed) {
        return TinyFingerprints.extract("ipguard", TARGET, n, seed);
    }

    /** {@code fingerprint} calibrated on {@code references} independent linear models of seeds 100, 101, ... of the given kinds. */
    static Fingerprint calibrated(Fingerprint fingerprint, List<String> kinds, List<String> names) {
        Scheme<?> scheme = fingerprint.scheme();
        double[] rates = new double[kinds.size()];
        for (int i = 0; i < rates.length; i++) {
            Answers answers = Verifier.answers(fingerprint, scheme, TinyFingerprints.target(100 + i));
            rates[i] = scheme.similarity(fingerprint.answers(), answers);
        }
        Calibration calibration = new Calibration(Verifier.calibrationModel(scheme), names, rates, fingerprint.size(), kinds, null);
        return stored(fingerprint.withMeta(fingerprint.meta().withCalibration(calibration)));
    }

    /** {@code fingerprint} written to a file and read back, as commands have it: its content hash set and checked. */
    static Fingerprint stored(Fingerprint fingerprint) {
        try {
            Path file = Files.createTempFile("report-fixture", ".npz");
            try {
                FingerprintFile.write(file, fingerprint);
                return FingerprintFile.read(file);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> kinds(int count) {
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            kinds.add(i % 3 == 0 ? "other-arch" : "same-recipe");
        }
        return kinds;
    }

    static List<String> names(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("ref-" + i);
        }
        return names;
    }

    /** {@code suspect} judged against {@code fingerprint} as verify judges it. */
    static MemberOutcome judge(Fingerprint fingerprint, Classifier suspect) {
        Scheme<?> scheme = fingerprint.scheme();
        Answers answers = Verifier.answers(fingerprint, scheme, suspect);
        Verdict verdict = new Verifier(null, Verifier.DEFAULT_ALPHA).judge(fingerprint, scheme, answers);
        return MemberOutcome.judged(verdict, answers);
    }

    /** {@code fingerprint} whose recorded target, parameters and statistics hold {@code text} (as a hostile file could). */
    static Fingerprint withMetaText(Fingerprint fingerprint, String text) {
        FingerprintMeta m = fingerprint.meta();
        Map<String, Object> parameters = new java.util.LinkedHashMap<>(m.parameters());
        parameters.put(text, text);
        return fingerprint.withMeta(new FingerprintMeta(m.formatVersion(), m.scheme(), m.representation(), m.distance(), m.access(),
                parameters, m.inputSpec(), m.numClasses(), text, text, m.seed(), text, text, Map.of("note", text), m.contentSha256(),
                m.calibration(), m.selection(), m.signature()));
    }

    /** A report of one fingerprint against one suspect, its queries shown. */
    static OwnershipReport report(CheckedFingerprint check, String suspect, ReportEvidence evidence) {
        return new OwnershipReport(new SuspectIdentity(suspect, "ab".repeat(32), null), null, List.of(check), List.of(), evidence,
                List.of(ShellWords.join(List.of("modelprint", "verify", "--fingerprint", "fp.npz", suspect))), true,
                "2026-01-01T00:00:00Z");
    }

    static CheckedFingerprint check(String owner, Fingerprint member, MemberOutcome outcome) {
        return new CheckedFingerprint("0123456789ab", "fp.npz", owner, null, List.of(member), List.of(outcome), null, List.of());
    }
}
