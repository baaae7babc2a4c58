package io.modelprint.lab.eval;

import io.modelprint.InputException;
import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.metrics.Aruc;
import io.modelprint.metrics.Roc;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paper's scoring of a Table-4 point: robustness over its post-processed positives against
 * uniqueness over the negatives (ARUC, AUC, TPR at 1 % and 5 % FPR, gap); extraction suspects get
 * an ARUC of their own. Every suspect must answer: these methods compare labels.
 */
final class ArucScorer implements Scorer<SweepPoint, MethodResult> {
    @Override
    public Class<SweepPoint> runType() {
        return SweepPoint.class;
    }

    @Override
    public Class<MethodResult> resultType() {
        return MethodResult.class;
    }

    /** The paper's methods compare labels of the target's task: a transfer-learning copy answers another one. */
    @Override
    public List<ZooEntry> suspects(LoadedZoo zoo) {
        return zoo.sameTaskSuspects();
    }

    @Override
    public MethodResult cannotFingerprint(SweepPoint point, InputException e) {
        throw e;
    }

    @Override
    public MethodResult score(SweepPoint point, Made made, Asked asked, List<ZooEntry> suspects) {
        if (!asked.skipped().isEmpty()) {
            throw new InputException(asked.skipped().values().iterator().next());
        }
        Map<String, Double> rates = asked.similarities();
        List<Double> positives = new ArrayList<>();
        List<Double> extraction = new ArrayList<>();
        List<Double> negatives = new ArrayList<>();
        for (ZooEntry suspect : suspects) {
            double rate = rates.get(suspect.name());
            // the paper's robustness is over its post-processed copies; the other positive families (e.g.
            // reparametrized copies) are in the rates and in the per-family tables only
            if (suspect.group() == SuspectGroup.POSITIVE && SuspectFamily.PAPER_POSITIVES.contains(SuspectFamily.of(suspect))) {
                positives.add(rate);
            } else if (suspect.group() == SuspectGroup.EXTRACTION) {
                extraction.add(rate);
            } else if (suspect.group() == SuspectGroup.NEGATIVE) {
                negatives.add(rate);
            }
        }
        double[] pos = toArray(positives);
        double[] neg = toArray(negatives);
        ExtractionCache.Extracted extracted = made.extracted();
        return new MethodResult(point.scheme(), point.combo(), point.reported(), Aruc.of(pos, neg), Roc.auc(pos, neg),
                Roc.tprAtFpr(pos, neg, 0.01), Roc.tprAtFpr(pos, neg, 0.05), Roc.gap(pos, neg),
                extraction.isEmpty() ? Double.NaN : Aruc.of(toArray(extraction), neg), extracted.seconds(), extracted.converged(), rates);
    }

    @Override
    public String extracted(SweepPoint point, ExtractionCache.Extracted extracted) {
        return String.format("%s: fingerprint in %.2f s (%d/%d converged)", point.describe(), extracted.seconds(), extracted.converged(),
                point.n());
    }

    @Override
    public String asking(int suspects, int fingerprints) {
        return String.format("verifying %d suspects against %d fingerprints, one suspect at a time", suspects, fingerprints);
    }

    @Override
    public String scored(SweepPoint point, MethodResult result) {
        return String.format("%s: ARUC %.3f, AUC %.3f, gap %+.2f", point.describe(), result.aruc(), result.auc(), result.gap());
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
