package io.modelprint.scheme.cae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The members a CAE search step differentiates through: a share of each list, drawn anew per step from the seed. */
class EnsembleSampleTest {
    private static final List<Integer> SEVEN = IntStream.range(0, 7).boxed().toList();

    @Test
    void aStepTakesTheRoundedShareAndAtLeastOneMember() {
        Random random = new Random(1);
        assertEquals(4, FleetEnsemble.sample(SEVEN, 0.5f, random).size());
        assertEquals(2, FleetEnsemble.sample(SEVEN, 0.3f, random).size());
        assertEquals(1, FleetEnsemble.sample(SEVEN, 0.01f, random).size());
        assertEquals(1, FleetEnsemble.sample(List.of(5), 0.5f, random).size());
        assertSame(SEVEN, FleetEnsemble.sample(SEVEN, 1f, random), "share 1 is every member, in order");
    }

    @Test
    void stepsDrawDistinctMembersThatCoverTheEnsembleAndRepeatForTheSameSeed() {
        Random random = new Random(7);
        Set<Integer> drawn = new HashSet<>();
        Set<List<Integer>> subsets = new HashSet<>();
        for (int step = 0; step < 50; step++) {
            List<Integer> sample = FleetEnsemble.sample(SEVEN, 0.5f, random);
            assertEquals(sample.size(), new HashSet<>(sample).size(), "no member twice in a step");
            assertTrue(SEVEN.containsAll(sample));
            drawn.addAll(sample);
            subsets.add(List.copyOf(new java.util.TreeSet<>(sample)));
        }
        assertEquals(Set.copyOf(SEVEN), drawn, "every member takes part in some step");
        assertTrue(subsets.size() > 10, "steps draw different members: " + subsets.size() + " distinct subsets in 50");
        assertEquals(FleetEnsemble.sample(SEVEN, 0.5f, new Random(3)), FleetEnsemble.sample(SEVEN, 0.5f, new Random(3)));
        assertNotEquals(FleetEnsemble.sample(SEVEN, 0.5f, new Random(3)), FleetEnsemble.sample(SEVEN, 0.5f, new Random(4)));
    }
}
