package io.modelprint.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.model.weights.NetworkWeights;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.NetworkSymmetries;
import io.modelprint.testing.TinyFingerprints;
import io.modelprint.testing.TinyNetworks;
import io.modelprint.testing.WeightsOnlyModel;
import io.modelprint.verify.Decision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A scan reads a suspect's weights once for the weights fingerprints, and reports a suspect without weights as not comparable. */
class SuspectScanWeightsTest {
    private static final InputSpec SPEC = TinyFingerprints.DATA.spec();

    private static RegisteredFingerprint registered(String id, Fingerprint fingerprint) {
        var meta = fingerprint.meta();
        return new RegisteredFingerprint(new RegistryEntry(id, "00", "owner", id, meta.scheme(), meta.access(), SPEC.toString(), 10,
                fingerprint.size(), meta.targetSha256(), false, "now", "00", 0, null), List.of(fingerprint));
    }

    @Test
    void aDisguisedCopyMatchesTheWeightsFingerprintBesideAQueryFingerprint() {
        NetworkWeights target = TinyNetworks.mlp(1, SPEC.pixelsPerImage(), new int[] {12}, 10);
        Fingerprint weights = FingerprintExtractor.extract(new WeightsOnlyModel(target, SPEC, 10, "target"), "target",
                Schemes.create("weights", Map.of(), "test"), SeedSource.uniform(SPEC), 0, ProgressListener.NONE).fingerprint();
        try (LinearModel other = TinyFingerprints.target(3)) {
            Fingerprint akh = TinyFingerprints.extract("akh", other, 20, 1);
            List<RegisteredFingerprint> all = List.of(registered("w", weights), registered("a", akh));
            SuspectScan scan = new SuspectScan(null, 0.01);
            WeightsOnlyModel copy = new WeightsOnlyModel(NetworkSymmetries.permuted(target, 4), SPEC, 10, "copy");
            ScanMatch match = scan.scan(copy, List.of(all.get(0))).get(0); // the copy is weights only: it answers no queries
            assertTrue(match.checked() && match.decision() == Decision.DERIVED, match.toString());
            assertTrue(match.members().get(0).verdict().similarity() >= 0.99, match.toString());
            List<ScanMatch> runnable = scan.scan(other, all);
            ScanMatch noWeights = runnable.stream().filter(m -> m.entry().id().equals("w")).findFirst().orElseThrow();
            assertTrue(!noWeights.checked() && noWeights.incompatible().contains("weights"), noWeights.toString());
            assertEquals(Decision.DERIVED, runnable.stream().filter(m -> m.entry().id().equals("a")).findFirst().orElseThrow().decision());
        }
    }
}
