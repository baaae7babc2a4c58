package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Calibration;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.io.Sha256;
import io.modelprint.lab.fleet.FleetDirectory;
import io.modelprint.model.remote.RemoteClassifier;
import io.modelprint.verify.BetaBinomial;
import io.modelprint.verify.CalibrationReference;
import io.modelprint.verify.FleetReferences;
import io.modelprint.verify.DecisionReach;
import io.modelprint.verify.StudentTNull;
import io.modelprint.verify.SupportedPValue;
import io.modelprint.verify.Verifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Store the similarities of reference negatives (models independent of the target) in a"
                + " fingerprint, with how each was made, so that verify reports a p-value: the probability that an"
                + " independent model is at least as similar as the suspect (beta-binomial for matching rates, Student-t"
                + " for continuous similarities, widened for the hardest kind of reference; docs/verification.md)."})
final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--fingerprint", required = true, description = "fingerprint file (.npz), rewritten in place")
    Path fingerprintFile;

    @Option(names = "--negatives", arity = "1..*", paramLabel = "MODEL",
            description = "independent models: directories, .pt, .onnx files or Open Inference Protocol URLs (kind: --negatives-kind)")
    List<String> negatives = new ArrayList<>();

    @Option(names = "--negatives-kind", paramLabel = "KIND", description = "what kind of honest model every --negatives model is,"
            + " e.g. pytorch-cnn (default " + Calibration.UNSPECIFIED + "): a kind of 2 or more references gets its own tail, so"
            + " models of a pipeline the fleet lacks are not pooled with its references; a fleet's or zoo's kind name joins that"
            + " kind (docs/verification.md)")
    String negativesKind;

    @Mixin
    SuspectOptions suspectOptions;

    @Option(names = "--zoo", description = "use every negative of this zoo directory as a reference negative (kind: its"
            + " architecture and data, e.g. mlp-full)")
    Path zoo;

    @Option(names = "--fleet", paramLabel = "DIR", description = "use every reference of this fleet (fleet build) that did not"
            + " help choose the fingerprint's queries, with its kind; a fleet changed since it chose them is refused")
    Path fleetDir;

    @Option(names = "--alpha", defaultValue = "" + Verifier.DEFAULT_ALPHA, description = "the level verify will decide at"
            + " (its --alpha; default ${DEFAULT-VALUE}): the report says from which similarity a suspect is called derived at"
            + " that level, or that none can be (a bundle's members at alpha / members)")
    double alpha;

    @Mixin
    FormatOption format;

    @Mixin
    SigningOption signing;

    @Override
    public Integer call() {
        VerdictOptions.requireAlpha(alpha);
        List<String> paths = new ArrayList<>(negatives);
        List<CalibrationReference> named = new ArrayList<>(ReferenceModels.named(negatives,
                ReferenceModels.kindOfNamed(negativesKind, !negatives.isEmpty()), suspectOptions));
        if (zoo != null) {
            List<CalibrationReference> fromZoo = ReferenceModels.zoo(zoo, suspectOptions);
            fromZoo.forEach(r -> paths.add(r.name()));
            named.addAll(fromZoo);
        }
        if (named.size() < 2 && fleetDir == null) {
            throw new InputException("calibrate needs at least 2 reference negatives (--negatives PATH..., --zoo DIR or --fleet DIR)");
        }
        requireDistinct(paths);
        FleetDirectory fleet = fleetDir == null ? null : FleetDirectory.open(fleetDir);
        signing.load();
        List<Fingerprint> members = FingerprintFile.readBundle(fingerprintFile);
        List<List<CalibrationReference>> perMember = new ArrayList<>();
        for (Fingerprint member : members) {
            suspectOptions.validate(member);
            List<CalibrationReference> references = new ArrayList<>(named);
            if (fleet != null) {
                List<CalibrationReference> heldOut = FleetReferences.heldOut(fleet, member, name(member));
                if (heldOut.size() < fleet.references().size()) {
                    System.err.printf("calibrate: %s: %d of the fleet's %d references helped choose the queries and are left out%n",
                            name(member), fleet.references().size() - heldOut.size(), fleet.references().size());
                }
                references.addAll(heldOut);
            }
            io.modelprint.verify.Calibrator.requireUsable(member, name(member), references);
            perMember.add(references);
        }
        List<Fingerprint> calibrated = new ArrayList<>();
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Fingerprint done = CalibrationRun.calibrate("calibrate", members.get(i), name(members.get(i)), perMember.get(i));
            calibrated.add(done);
            docs.add(summary(fingerprintFile.toString(), done, alpha, members.size()));
        }
        FingerprintFile.writeBundle(fingerprintFile, signing.afterChange("calibrate", members, calibrated));
        CalibrationRun.warnIfTooFew("calibrate", perMember.stream().mapToInt(List::size).min().orElse(0), alpha, members.size());
        if (format.json()) {
            if (docs.size() == 1) {
                JsonOutput.print(docs.get(0));
            } else {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("fingerprint", fingerprintFile.toString());
                doc.put("members", docs);
                JsonOutput.print(doc);
            }
        } else {
            for (Map<String, Object> doc : docs) {
                System.out.println(text(doc));
            }
        }
        return ExitCode.OK;
    }

    private String name(Fingerprint member) {
        return fingerprintFile + " (" + member.meta().scheme() + ")";
    }

    /** The same model twice would count as two independent models and narrow the null: refused by content. */
    private static void requireDistinct(List<String> references) {
        Map<String, String> byContent = new java.util.HashMap<>();
        for (String reference : references) {
            if (!RemoteClassifier.isUrl(reference) && !java.nio.file.Files.exists(Path.of(reference))) {
                continue; // opening it says what is missing
            }
            String content = RemoteClassifier.isUrl(reference) ? reference : Sha256.ofPath(Path.of(reference));
            String earlier = byContent.putIfAbsent(content, reference);
            if (earlier != null) {
                throw new InputException("--negatives: " + reference + " is the same model as " + earlier
                        + (content.equals(reference) ? "" : " (content SHA-256 " + content.substring(0, 16) + "...)")
                        + "; each copy would count as another independent model and overstate every p-value");
            }
        }
    }

    /** One line of text per calibrated fingerprint. */
    static String text(Map<String, Object> doc) {
        @SuppressWarnings("unchecked")
        Map<String, Integer> kinds = (Map<String, Integer>) doc.get("kinds");
        String byKind = kinds.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
        return String.format("calibrated %s (%s) with %d reference negatives (%s; highest similarity %.3f); %s; p-values down to %.2g;"
                + " %s", doc.get("fingerprint"), doc.get("scheme"), doc.get("negatives"), byKind,
                (Double) doc.get("maxNegativeSimilarity"), doc.get("fit"), (Double) doc.get("smallestSupportedPValue"),
                doc.get("reach"));
    }

    /**
     * What a calibration holds and what it lets a verdict at {@code alpha} say, for calibrate's and extract's reports; a
     * member of a bundle of {@code members} schemes is decided at alpha / members.
     */
    static Map<String, Object> summary(String file, Fingerprint fingerprint, double alpha, int members) {
        Calibration calibration = fingerprint.meta().calibration();
        double[] rates = calibration.rates();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("fingerprint", file);
        doc.put("scheme", fingerprint.meta().scheme());
        doc.put("negatives", rates.length);
        Map<String, Integer> kinds = new TreeMap<>();
        calibration.ratesByKind().forEach((kind, r) -> kinds.put(kind, r.length));
        doc.put("kinds", kinds);
        doc.put("model", calibration.model());
        double max = java.util.Arrays.stream(rates).max().orElse(0);
        doc.put("maxNegativeSimilarity", max);
        doc.put("smallestSupportedPValue", SupportedPValue.floor(rates.length));
        if (Calibration.BETA_BINOMIAL.equals(calibration.model())) {
            BetaBinomial fit = BetaBinomial.fit(rates, fingerprint.size());
            doc.put("maxNegativeRate", max);
            doc.put("alpha", fit.alpha());
            doc.put("beta", fit.beta());
            doc.put("fit", String.format("beta-binomial alpha %.4g, beta %.4g", fit.alpha(), fit.beta()));
        } else {
            StudentTNull fit = StudentTNull.fit(rates);
            doc.put("mean", fit.mean());
            doc.put("sd", fit.sd());
            doc.put("fit", String.format("Student-t null, mean %.4g, sd %.4g", fit.mean(), fit.sd()));
        }
        DecisionReach reach = DecisionReach.of(calibration, fingerprint.size(), fingerprint.scheme().distance().range(),
                alpha / members);
        Map<String, Object> derivedFrom = new LinkedHashMap<>();
        derivedFrom.put("alpha", alpha / members);
        derivedFrom.put("reachable", reach.reachable());
        derivedFrom.put("similarity", Double.isFinite(reach.similarity()) ? reach.similarity() : null);
        derivedFrom.put("matches", reach.matches());
        derivedFrom.put("pValue", reach.pValue());
        derivedFrom.put("setBy", reach.setBy());
        doc.put("derivedFrom", derivedFrom);
        doc.put("reach", (members > 1 ? "in a bundle of " + members + ", at alpha " + DecisionReach.level(alpha) + " / " + members
                + ": " : "") + reach.describe());
        return doc;
    }
}
