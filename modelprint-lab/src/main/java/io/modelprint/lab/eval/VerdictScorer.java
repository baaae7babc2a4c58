package io.modelprint.lab.eval;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Calibration;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.ProgressListener;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.scheme.Scheme;
import io.modelprint.verify.DecisionReach;
import io.modelprint.verify.SupportedPValue;
import io.modelprint.verify.Calibrator;
import io.modelprint.verify.FleetReferences;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a scheme by the verdicts a user would get: its fingerprint is calibrated on the owner's
 * fleet (the references held out of selection for a fleet-selected scheme, every reference for the
 * others), and each zoo suspect's supported p-value decides, derived when p <= alpha. The zoo's
 * suspects are never references: the fleet and the zoo are disjoint.
 */
final class VerdictScorer implements Scorer<VerdictRun, VerdictResult> {
    private final FleetSplit split;
    private final double alpha;
    private final PrintStream log;

    VerdictScorer(FleetSplit split, double alpha, PrintStream log) {
        this.split = split;
        this.alpha = alpha;
        this.log = log;
    }

    @Override
    public Class<VerdictRun> runType() {
        return VerdictRun.class;
    }

    @Override
    public Class<VerdictResult> resultType() {
        return VerdictResult.class;
    }

    @Override
    public List<ZooEntry> suspects(LoadedZoo zoo) {
        return zoo.sameTaskSuspects();
    }

    @Override
    public VerdictResult cannotFingerprint(VerdictRun run, InputException e) {
        return VerdictResult.failed(run, alpha, e.getMessage());
    }

    @Override
    public VerdictResult score(VerdictRun run, Made made, Asked asked, List<ZooEntry> suspects) {
        Fingerprint fingerprint = made.extracted().fingerprint();
        Scheme<?> scheme = made.scheme();
        Calibration calibration = calibrate(fingerprint, scheme);
        Map<String, Double> pValues = new LinkedHashMap<>();
        asked.similarities().forEach((suspect, similarity) -> pValues.put(suspect,
                SupportedPValue.of(calibration, similarity, asked.matches().get(suspect), fingerprint.size()).value()));
        return new VerdictResult(run, scheme.suspectAccess().label(), fingerprint.size(), made.extracted().seconds(), alpha,
                calibration.rates().length, SupportedPValue.floor(calibration.rates().length), asked.similarities(), pValues, asked.skipped(),
                null, DecisionReach.of(calibration, fingerprint.size(), scheme.distance().range(), alpha).describe());
    }

    /** The fleet's references the fingerprint's queries were not chosen with, asked as a user's extract --fleet would. */
    private Calibration calibrate(Fingerprint fingerprint, Scheme<?> scheme) {
        Fingerprint calibrated = Calibrator.calibrate(fingerprint, scheme.name(), FleetReferences.heldOut(split, fingerprint, scheme.name()),
                ProgressListener.NONE, warning -> log.println("bench: warning: " + warning));
        Calibration calibration = calibrated.meta().calibration();
        log.printf("bench: %s calibrated on %d fleet references (highest similarity %.3f)%n", scheme.name(), calibration.rates().length,
                java.util.Arrays.stream(calibration.rates()).max().orElse(Double.NaN));
        return calibration;
    }

    @Override
    public String extracted(VerdictRun run, ExtractionCache.Extracted extracted) {
        return String.format("verdicts: scheme %s, %d queries chosen with the fleet: fingerprint in %.2f s", run.scheme(),
                extracted.fingerprint().size(), extracted.seconds());
    }

    @Override
    public String asking(int suspects, int fingerprints) {
        return String.format("verdicts: asking %d suspects %d calibrated fingerprints", suspects, fingerprints);
    }

    @Override
    public String scored(VerdictRun run, VerdictResult result) {
        long derived = result.pValues().values().stream().filter(p -> p <= alpha).count();
        return String.format("verdicts: scheme %s: %d of %d suspects derived at alpha %s (references %d, p down to %.2g)",
                run.scheme(), derived, result.pValues().size(), alpha, result.references(), result.smallestSupportedPValue());
    }
}
