package io.modelprint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelprint.ProgressListener;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.registry.SuspectIdentity;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.PerturbableLinearModel;
import io.modelprint.testing.TinyFingerprints;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A page over several fingerprints names what each question concluded: derivation and tampering counted apart. */
class ReportHeadlineTest {
    private static final Pattern HEADLINE = Pattern.compile("<p class=\"headline ([a-z]+)\" id=\"headline\">(.*?)</p>");

    private static CheckedFingerprint check(String id, Fingerprint member, MemberOutcome outcome) {
        return new CheckedFingerprint(id, id + ".npz", "alice", null, List.of(member), List.of(outcome), null, List.of());
    }

    private static Fingerprint extract(PerturbableLinearModel target, String scheme, Map<String, Object> parameters) {
        return FingerprintExtractor.extract(target, "target", Schemes.create(scheme, parameters, "test"),
                SeedSource.fromData(TinyFingerprints.DATA), 0, ProgressListener.NONE).fingerprint();
    }

    private static String[] headline(List<CheckedFingerprint> checks) {
        String html = new OwnershipReport(new SuspectIdentity("s", null, null), null, checks, List.of(), null, List.of(), true,
                "2026-01-01T00:00:00Z").html();
        Matcher m = HEADLINE.matcher(html);
        m.find();
        return new String[] {m.group(1), m.group(2).replaceAll("<[^>]+>", "")};
    }

    @Test
    void tamperingFingerprintsAreCountedApartFromDerivationOnes() {
        try (PerturbableLinearModel target = new PerturbableLinearModel(TinyFingerprints.DATA.spec(), 10, 1);
                PerturbableLinearModel changed = target.withNoise(1e-2f, 4)) {
            Fingerprint ssf = extract(target, "ssf", Map.of("n", 8));
            Fingerprint ipguard = extract(target, "ipguard", Map.of("n", 20, "k", 1, "lr", 0.05));
            CheckedFingerprint derived = check("000000000001", ipguard, ReportFixtures.judge(ipguard, changed));
            CheckedFingerprint unmodified = check("000000000002", ssf, ReportFixtures.judge(ssf, target));
            CheckedFingerprint modified = check("000000000003", ssf, ReportFixtures.judge(ssf, changed));

            String[] both = headline(List.of(derived, unmodified, modified));
            assertEquals("derived", both[0]);
            assertEquals("derived: judged derived from 1 of the 1 fingerprints checked for derivation. 1 of the 2 tampering"
                    + " fingerprints read unmodified.", both[1]);
            assertEquals("unmodified", headline(List.of(unmodified, unmodified))[0]);
            String[] tampered = headline(List.of(unmodified, modified));
            assertEquals("modified", tampered[0]);
            assertEquals("modified: 1 of the 2 tampering fingerprints read unmodified.", tampered[1]);
        }
    }
}
