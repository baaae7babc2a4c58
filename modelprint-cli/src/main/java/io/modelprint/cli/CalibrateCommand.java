package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Calibration;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import io.modelprint.model.Classifier;
import io.modelprint.scheme.Scheme;
import io.modelprint.io.Sha256;
import io.modelprint.model.remote.RemoteClassifier;
import io.modelprint.verify.BetaBinomial;
import io.modelprint.verify.StudentTNull;
import io.modelprint.verify.SupportedPValue;
import io.modelprint.verify.Verifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Store the matching rates of reference negatives (models independent of the target) in a"
                + " fingerprint, so that verify reports a p-value: the probability that an independent model is at"
                + " least as similar as the suspect (beta-binomial for matching rates, Student-t for continuous"
                + " similarities; docs/verification.md)."})
final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--fingerprint", required = true, description = "fingerprint file (.npz), rewritten in place")
    Path fingerprintFile;

    @Option(names = "--negatives", arity = "1..*", paramLabel = "MODEL",
            description = "independent models: directories, .pt, .onnx files or Open Inference Protocol URLs")
    List<String> negatives = new ArrayList<>();

    @Mixin
    SuspectOptions suspectOptions;

    @Option(names = "--zoo", description = "use every negative of this zoo directory as a reference negative")
    Path zoo;

    @Mixin
    FormatOption format;

    @Mixin
    SigningOption signing;

    @Override
    public Integer call() {
        List<String> references = new ArrayList<>(negatives);
        if (zoo != null) {
            ZooManifest manifest = ZooManifest.read(zoo)
                    .orElseThrow(() -> new InputException("--zoo " + zoo + ": no " + ZooManifest.FILE_NAME));
            int otherTask = 0;
            for (ZooEntry entry : manifest.entries()) {
                if (entry.group() != SuspectGroup.NEGATIVE) {
                    continue;
                }
                // negatives trained for another task (the transfer family's) answer other classes
                if (SuspectFamily.task(entry) != null) {
                    otherTask++;
                } else {
                    references.add(zoo.resolve(entry.path()).toString());
                }
            }
            if (otherTask > 0) {
                System.err.printf("calibrate: %d negatives of %s answer another task than the target's and were skipped%n",
                        otherTask, zoo);
            }
        }
        if (references.size() < 2) {
            throw new InputException("calibrate needs at least 2 reference negatives (--negatives PATH... or --zoo DIR)");
        }
        requireDistinct(references);
        signing.load();
        List<Fingerprint> members = FingerprintFile.readBundle(fingerprintFile);
        for (Fingerprint member : members) {
            suspectOptions.validate(member);
        }
        List<Fingerprint> calibrated = new ArrayList<>();
        List<java.util.Map<String, Object>> docs = new ArrayList<>();
        for (Fingerprint fingerprint : members) {
            Fingerprint done = calibrate(fingerprint, references);
            calibrated.add(done);
            docs.add(summary(done));
        }
        FingerprintFile.writeBundle(fingerprintFile, signing.afterChange("calibrate", members, calibrated));
        if (SupportedPValue.floor(references.size()) > Verifier.DEFAULT_ALPHA) {
            System.err.printf("calibrate: warning: %d reference negatives support p-values down to %.2g only, above alpha %s:"
                    + " no calibrated verdict can say derived at that level; calibrate with %d or more (docs/verification.md)%n",
                    references.size(), SupportedPValue.floor(references.size()), Verifier.DEFAULT_ALPHA,
                    SupportedPValue.referencesFor(Verifier.DEFAULT_ALPHA));
        }
        if (format.json()) {
            if (docs.size() == 1) {
                JsonOutput.print(docs.get(0));
            } else {
                java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
                doc.put("fingerprint", fingerprintFile.toString());
                doc.put("members", docs);
                JsonOutput.print(doc);
            }
        } else {
            for (java.util.Map<String, Object> doc : docs) {
                System.out.printf("calibrated %s (%s) with %d reference negatives (highest similarity %.3f); %s;"
                        + " p-values down to %.2g%n", fingerprintFile, doc.get("scheme"), doc.get("negatives"),
                        (Double) doc.get("maxNegativeSimilarity"), doc.get("fit"), (Double) doc.get("smallestSupportedPValue"));
            }
        }
        return ExitCode.OK;
    }

    /** The same model twice would count as two independent models and narrow the null: refused by content. */
    private static void requireDistinct(List<String> references) {
        java.util.Map<String, String> byContent = new java.util.HashMap<>();
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

    private Fingerprint calibrate(Fingerprint fingerprint, List<String> references) {
        Verifier verifier = new Verifier((Double) null);
        Scheme<?> scheme = fingerprint.scheme();
        double[] rates = new double[references.size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            try (Classifier model = suspectOptions.open(references.get(i), fingerprint)) {
                rates[i] = verifier.verify(fingerprint, model).similarity();
                names.add(references.get(i));
            }
            if (rates[i] >= 0.999) {
                System.err.printf("calibrate: warning: %s is as similar to the target as the target itself under %s (%.3f);"
                        + " is it really independent?%n", references.get(i), scheme.name(), rates[i]);
            }
        }
        Calibration calibration = new Calibration(Verifier.calibrationModel(scheme), names, rates, fingerprint.size());
        return fingerprint.withMeta(fingerprint.meta().withCalibration(calibration));
    }

    private java.util.Map<String, Object> summary(Fingerprint fingerprint) {
        Calibration calibration = fingerprint.meta().calibration();
        double[] rates = calibration.rates();
        java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("fingerprint", fingerprintFile.toString());
        doc.put("scheme", fingerprint.meta().scheme());
        doc.put("negatives", rates.length);
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
        return doc;
    }
}
