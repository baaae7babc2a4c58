package io.modelprint.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.model.ConvertedClassifier;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.CountingModel;
import io.modelprint.testing.LinearModel;
import io.modelprint.verify.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A scan over fingerprints of several input specs opens the suspect once per spec and checks what it can take. */
class SuspectScanSpecsTest {
    private static final InputSpec GREY = InputSpec.unitRange(1, 6, 6);
    private static final InputSpec COLOUR = InputSpec.unitRange(3, 4, 4);

    private static RegisteredFingerprint registered(String id, InputSpec spec, long seed) {
        try (LinearModel target = new LinearModel(spec, 10, seed)) {
            Fingerprint fp = FingerprintExtractor.extract(target, "target-" + seed,
                    Schemes.create("ipguard", Map.of("n", 8, "init", "random"), "test"), SeedSource.uniform(spec), seed,
                    ProgressListener.NONE).fingerprint();
            RegistryEntry entry = new RegistryEntry(id, fp.meta().contentSha256(), "owner-" + id, id, "ipguard", "labels",
                    spec.toString(), 10, fp.size(), fp.meta().targetSha256(), false, "2026-01-01T00:00:00Z", "00", 0, null);
            return new RegisteredFingerprint(entry, List.of(fp));
        }
    }

    @Test
    void eachSpecIsOpenedOnceTheMostCommonFirstAndASpecTheSuspectCannotTakeIsNotChecked() {
        List<RegisteredFingerprint> registry = List.of(registered("colour", COLOUR, 2), registered("grey-a", GREY, 1),
                registered("grey-b", GREY, 3));
        List<InputSpec> opened = new ArrayList<>();
        List<CountingModel> asked = new ArrayList<>();
        // the suspect is the colour target itself: it takes 3x4x4, and 1x6x6 queries cannot be converted to it
        List<ScanMatch> matches = new SuspectScan(null, 0.01).scan((spec, classes, scores) -> {
            opened.add(spec);
            assertEquals(10, classes);
            assertFalse(scores, "label schemes only");
            CountingModel suspect = new CountingModel(new LinearModel(COLOUR, 10, 2));
            asked.add(suspect);
            return ConvertedClassifier.of(suspect, spec, false);
        }, registry);
        assertEquals(List.of(GREY, COLOUR), opened, "once per spec, the spec of most fingerprints first");
        assertEquals(3, matches.size());
        assertEquals("colour", matches.get(0).entry().id(), "checked before not checked");
        assertEquals(Decision.DERIVED, matches.get(0).decision());
        assertEquals(8, asked.get(1).images(), "only the colour fingerprint's queries were asked");
        for (ScanMatch grey : matches.subList(1, 3)) {
            assertFalse(grey.checked());
            assertTrue(grey.incompatible().contains("channel counts differ") && grey.incompatible().contains("1x6x6"),
                    grey.incompatible());
        }
    }

    @Test
    void aSuspectThatTakesNoneOfTheSpecsIsRefusedWithEachDistinctReasonOnce() {
        List<RegisteredFingerprint> registry = List.of(registered("colour", COLOUR, 2), registered("grey", GREY, 1));
        InputException same = assertThrows(InputException.class, () -> new SuspectScan(null, 0.01).scan((spec, classes, scores) -> {
            throw new InputException("gone.pt: no such model file");
        }, registry));
        assertEquals("gone.pt: no such model file", same.getMessage());
        InputException different = assertThrows(InputException.class, () -> new SuspectScan(null, 0.01).scan(
                (spec, classes, scores) -> ConvertedClassifier.of(new LinearModel(InputSpec.unitRange(2, 5, 5), 10, 9), spec, false),
                registry));
        assertTrue(different.getMessage().startsWith("the suspect takes none of the registry's 2 input specs")
                && different.getMessage().contains("3x4x4") && different.getMessage().contains("1x6x6"), different.getMessage());
    }
}
