package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Calibration;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import io.modelprint.model.Classifier;
import io.modelprint.verify.BetaBinomial;
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
                + " fingerprint, so that verify reports a p-value: the probability that an independent model matches"
                + " at least as often as the suspect (beta-binomial model, docs/verification.md)."})
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

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    OutputFormat format;

    @Override
    public Integer call() {
        List<String> references = new ArrayList<>(negatives);
        if (zoo != null) {
            ZooManifest manifest = ZooManifest.read(zoo)
                    .orElseThrow(() -> new InputException("--zoo " + zoo + ": no " + ZooManifest.FILE_NAME));
            for (ZooEntry entry : manifest.entries()) {
                if (entry.group() == SuspectGroup.NEGATIVE) {
                    references.add(zoo.resolve(entry.path()).toString());
                }
            }
        }
        if (references.size() < 2) {
            throw new InputException("calibrate needs at least 2 reference negatives (--negatives PATH... or --zoo DIR)");
        }
        Fingerprint fingerprint = FingerprintFile.read(fingerprintFile);
        suspectOptions.validate(fingerprint);
        Verifier verifier = new Verifier(Verifier.DEFAULT_THRESHOLD);
        double[] rates = new double[references.size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            try (Classifier model = suspectOptions.open(references.get(i), fingerprint)) {
                rates[i] = verifier.verify(fingerprint, model).matchingRate();
                names.add(references.get(i));
            }
        }
        Calibration calibration = new Calibration(Calibration.BETA_BINOMIAL, names, rates, fingerprint.size());
        BetaBinomial fit = BetaBinomial.fit(rates, fingerprint.size());
        FingerprintFile.write(fingerprintFile, new Fingerprint(fingerprint.queries(), fingerprint.labels(),
                fingerprint.meta().withCalibration(calibration)));
        double max = java.util.Arrays.stream(rates).max().orElse(0);
        if (format == OutputFormat.json) {
            JsonOutput.print(java.util.Map.of("fingerprint", fingerprintFile.toString(), "negatives", names.size(),
                    "maxNegativeRate", max, "alpha", fit.alpha(), "beta", fit.beta()));
        } else {
            System.out.printf("calibrated %s with %d reference negatives (highest matching rate %.2f); beta-binomial alpha %.4g,"
                    + " beta %.4g%n", fingerprintFile, names.size(), max, fit.alpha(), fit.beta());
        }
        return ExitCode.OK;
    }
}
