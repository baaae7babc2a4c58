package io.modelprint.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.testing.LabelsOnly;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.TinyFingerprints;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scan asks a white-box suspect for its gradient field on a modelgif fingerprint's samples, and reports a label API as not comparable. */
class SuspectScanModelGifTest {
    private static RegisteredFingerprint registered(String id, Fingerprint fingerprint) {
        var meta = fingerprint.meta();
        return new RegisteredFingerprint(new RegistryEntry(id, "00", "owner", id, meta.scheme(), meta.access(),
                TinyFingerprints.DATA.spec().toString(), 10, fingerprint.size(), meta.targetSha256(), false, "now", "00", 0, null),
                List.of(fingerprint));
    }

    private static ScanMatch match(List<ScanMatch> matches, String id) {
        return matches.stream().filter(m -> m.entry().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aCopyMatchesTheFieldBesideAQueryFingerprintAndALabelApiIsNotCompared() {
        try (LinearModel target = TinyFingerprints.target(1); LinearModel copy = LinearModel.perturbed(target, 0.1f, 5);
                LinearModel other = TinyFingerprints.target(2)) {
            List<RegisteredFingerprint> all = List.of(registered("g", TinyFingerprints.extract("modelgif", target, 20, 1)),
                    registered("u", TinyFingerprints.extract("uap", target, 20, 1)));
            SuspectScan scan = new SuspectScan(null, 0.01);
            List<ScanMatch> ofCopy = scan.scan(copy, all);
            List<ScanMatch> ofOther = scan.scan(other, all);
            double copyField = match(ofCopy, "g").members().get(0).verdict().similarity();
            double otherField = match(ofOther, "g").members().get(0).verdict().similarity();
            assertTrue(copyField > otherField + 0.4, "copy " + copyField + ", independent " + otherField);
            assertTrue(match(ofCopy, "u").checked(), "the score fingerprint is checked beside it");
            List<ScanMatch> ofApi = scan.scan(new LabelsOnly(copy), all);
            ScanMatch api = match(ofApi, "g");
            assertTrue(!api.checked() && api.incompatible().contains("offers labels only, but scheme modelgif compares gradients"),
                    api.toString());
            assertEquals(2, ofApi.size());
        }
    }
}
