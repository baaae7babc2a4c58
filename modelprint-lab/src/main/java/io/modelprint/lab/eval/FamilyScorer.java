package io.modelprint.lab.eval;

import io.modelprint.InputException;
import io.modelprint.lab.zoo.ZooEntry;
import java.util.List;

/**
 * The field's scoring of a scheme run (QuRD): per family of positives, AUC and TPR at 1 % and 5 %
 * FPR against the negatives, with the access the scheme needs, queries per suspect and seconds to
 * fingerprint. A suspect that cannot give what the scheme needs is left out and said why; a scheme
 * that cannot fingerprint the target gets a result saying why.
 */
final class FamilyScorer implements Scorer<SchemeRun, SchemeResult> {
    @Override
    public Class<SchemeRun> runType() {
        return SchemeRun.class;
    }

    @Override
    public Class<SchemeResult> resultType() {
        return SchemeResult.class;
    }

    @Override
    public List<ZooEntry> suspects(LoadedZoo zoo) {
        return zoo.suspects();
    }

    @Override
    public SchemeResult cannotFingerprint(SchemeRun run, InputException e) {
        return SchemeResult.failed(run, e.getMessage());
    }

    @Override
    public SchemeResult score(SchemeRun run, Made made, Asked asked, List<ZooEntry> suspects) {
        FamilyScores scores = FamilyScores.of(suspects, asked.similarities());
        int inputs = made.extracted().fingerprint().size() * made.scheme().representation().inputsPerQuery();
        return new SchemeResult(run, made.scheme().suspectAccess().label(), inputs,
                made.extracted().seconds(), scores.negatives(), scores.families(), scores.allPositives(), asked.similarities(),
                asked.skipped(), null);
    }

    @Override
    public String extracted(SchemeRun run, ExtractionCache.Extracted extracted) {
        return String.format("scheme %s, %d queries: fingerprint in %.2f s", run.scheme(), extracted.fingerprint().size(),
                extracted.seconds());
    }

    @Override
    public String asking(int suspects, int fingerprints) {
        return String.format("asking %d suspects %d schemes' fingerprints, one suspect at a time", suspects, fingerprints);
    }

    @Override
    public String scored(SchemeRun run, SchemeResult result) {
        StringBuilder families = new StringBuilder();
        for (FamilyScore f : result.families()) {
            families.append(families.length() == 0 ? "" : ", ").append(f.family()).append(String.format(" TPR@5%% %.2f", f.tprAt5Fpr()));
        }
        return String.format("scheme %s, %d queries: AUC %.3f over all positives (%s)", run.scheme(), result.queries(),
                result.allPositives().auc(), families);
    }
}
