package io.modelprint.scheme.llr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GuardedChoiceTest {
    private static final CandidateSource M = CandidateSource.MISTAKE;
    private static final CandidateSource P = CandidateSource.PGD;
    private static final CandidateSource C = CandidateSource.CUTMIX;

    @Test
    void ratesAreShrunkInsideTheUnitIntervalAndRankedPessimistically() {
        // 6 surrogates, 2 references: all agree / none do; 5 of 6 / none; all / all; none / none
        AgreementRates rates = AgreementRates.of(new int[] {6, 5, 6, 0}, 6, new int[] {0, 0, 2, 0}, 2, 2);
        for (int i = 0; i < 4; i++) {
            assertTrue(rates.surrogate()[i] > 0 && rates.surrogate()[i] < 1 && rates.reference()[i] > 0 && rates.reference()[i] < 1);
        }
        double pooled = (6 + 5 + 6 + 0 + 1.0) / (4 * 6 + 2);
        assertEquals((6 + 2 * pooled) / (6 + 2), rates.surrogate()[0], 1e-12,
                "six of six surrogates are shrunk toward the pool's rate by 2 pseudo models");
        assertTrue(rates.score()[0] > rates.score()[1] && rates.score()[1] > 0, Arrays.toString(rates.score()));
        assertTrue(rates.score()[2] < 0 && rates.score()[3] < 0, "agreed by all or by none tells nothing: " + Arrays.toString(rates.score()));
    }

    @Test
    void plainMistakesComeFirstInPoolOrderAndNoSourceFillsMoreThanItsShareByRank() {
        CandidateSource[] sources = {M, M, M, P, P, P, P, C, C, C};
        // PGD candidates look best to this fleet, then CutMix; mistake 1 is contradicted by the fleet (p0 > p1)
        int[] surrogate = {3, 2, 3, 6, 6, 6, 6, 5, 5, 5};
        int[] reference = {1, 2, 0, 0, 0, 0, 0, 0, 0, 0};
        AgreementRates rates = AgreementRates.of(surrogate, 6, reference, 2, 2);
        int[] chosen = new GuardedChoice(0.25, 0.5).choose(sources, rates, 8);
        assertEquals(8, chosen.length);
        assertArrayEquals(new int[] {0, 2}, Arrays.copyOf(chosen, 2), "round(0.25 x 8) = 2 plain mistakes, skipping the contradicted one");
        assertEquals(4, Arrays.stream(chosen).filter(i -> sources[i] == P).count(), "PGD capped at half of 8");
        assertEquals(8, Arrays.stream(chosen).distinct().count());
    }

    @Test
    void whenTheCapsLeavePlacesEmptyTheBestRemainingFillThem() {
        CandidateSource[] sources = {C, C, C, C, M};
        AgreementRates rates = AgreementRates.of(new int[] {6, 6, 5, 4, 1}, 6, new int[] {0, 0, 0, 0, 1}, 2, 2);
        int[] chosen = new GuardedChoice(0, 0.25).choose(sources, rates, 4);
        assertArrayEquals(new int[] {0, 4, 1, 2}, chosen, "one CutMix by the cap, the mistake, then CutMix by rank");
    }
}
