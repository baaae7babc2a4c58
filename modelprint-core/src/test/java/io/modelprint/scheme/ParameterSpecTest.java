package io.modelprint.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSpecTest {
    private static final ParameterSpec SPEC = ParameterSpec.builder()
            .n(100, "queries")
            .real("k", 3f, Parameter.Range.atLeast(0), "margin")
            .real("box", 0.4f, Parameter.Range.above(0).atMost(1), "box side")
            .flag("clip", true, "clip")
            .choice("init", "data", List.of("data", "random"), Map.of("t", "data", "r", "random"), "seeds")
            .recordedOnly("combo")
            .build();

    private static String refusal(Map<String, Object> given) {
        return assertThrows(InputException.class, () -> SPEC.resolve(given, "demo")).getMessage();
    }

    @Test
    void missingParametersTakeTheirDefaultsInDeclarationOrder() {
        SchemeParameters p = SPEC.resolve(Map.of("k", "5"), "demo");
        assertEquals(List.of("n", "k", "box", "clip", "init"), List.copyOf(p.values().keySet()));
        assertEquals(100, p.integer("n"));
        assertEquals(5f, p.real("k"));
        assertEquals(0.4f, p.real("box"));
        assertTrue(p.flag("clip"));
        assertEquals("data", p.text("init"));
    }

    @Test
    void unknownNamesAreRefusedNamingTheKnownOnes() {
        assertEquals("demo: unknown parameter 'mask' (known: n, k, box, clip, init)", refusal(Map.of("mask", 100)));
        assertTrue(refusal(Map.of("combo", "TL")).contains("unknown parameter 'combo'"), "only a recorded file may carry it");
    }

    @Test
    void valuesOutsideTheirRangeOrTypeAreRefusedSayingWhatIsAccepted() {
        assertEquals("demo: parameter k must be a number >= 0, got '-1'", refusal(Map.of("k", "-1")));
        assertEquals("demo: parameter box must be a number in (0, 1], got '0'", refusal(Map.of("box", 0)));
        assertEquals("demo: parameter n must be an integer >= 1, got '2.5'", refusal(Map.of("n", 2.5)));
        assertEquals("demo: parameter n must be an integer >= 1, got '1e12'", refusal(Map.of("n", "1e12")));
        assertEquals("demo: parameter clip must be true or false, got 'yes'", refusal(Map.of("clip", "yes")));
        assertEquals("demo: parameter k must be a number >= 0, got 'NaN'", refusal(Map.of("k", Double.NaN)));
        assertEquals("demo: parameter init must be one of data, random, got 'sideways'", refusal(Map.of("init", "sideways")));
    }

    @Test
    void aliasesAndSpellingsBecomeTheDeclaredValue() {
        SchemeParameters p = SPEC.resolve(Map.of("init", "R", "clip", "FALSE", "n", 20.0), "demo");
        assertEquals("random", p.text("init"));
        assertEquals(false, p.flag("clip"));
        assertEquals(20, p.integer("n"));
    }

    @Test
    void aRecordedFileMayCarryNamesOlderBuildsWroteBesideTheParameters() {
        SchemeParameters p = SPEC.resolveRecorded(Map.of("combo", "TL", "generatedIn", "3x32x32", "k", 1.0), "file.npz: demo");
        assertEquals(1f, p.real("k"));
        assertEquals(SPEC.resolve(Map.of("k", 1), "demo"), p);
    }

    @Test
    void aParameterIsDeclaredOnce() {
        assertThrows(IllegalArgumentException.class,
                () -> ParameterSpec.builder().flag("clip", true, "a").flag("clip", false, "b"));
    }
}
