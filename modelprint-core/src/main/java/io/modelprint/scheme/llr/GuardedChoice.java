package io.modelprint.scheme.llr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Chooses n of the pool so that the choice does not merely fit the fleet's recipes: first a share
 * ({@code plainShare}) of the target's plain mistakes in AKH's seeded order, any whose shrunk rates
 * favour the surrogates (p1 > p0) however little, then the best-ranked candidates
 * ({@link AgreementRates#score}) while no source holds more than {@code maxShare} of n; should the
 * cap leave places empty, the best remaining candidates of any source fill them.
 */
record GuardedChoice(double plainShare, double maxShare) {

    /** Indices into the pool, plain mistakes first, then by rank. */
    int[] choose(CandidateSource[] sources, AgreementRates rates, int n) {
        if (sources.length < n) {
            throw new IllegalArgumentException("a pool of " + sources.length + " cannot give " + n + " queries");
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        Map<CandidateSource, Integer> perSource = new EnumMap<>(CandidateSource.class);
        int plain = (int) Math.round(plainShare * n);
        for (int i = 0; i < sources.length && chosen.size() < plain; i++) {
            if (sources[i] == CandidateSource.MISTAKE && rates.surrogate()[i] > rates.reference()[i]) {
                add(chosen, perSource, sources, i);
            }
        }
        List<Integer> ranked = ranked(rates);
        int cap = (int) Math.ceil(maxShare * n);
        for (int i : ranked) {
            if (chosen.size() < n && !chosen.contains(i) && perSource.getOrDefault(sources[i], 0) < cap) {
                add(chosen, perSource, sources, i);
            }
        }
        for (int i : ranked) {
            if (chosen.size() < n && !chosen.contains(i)) {
                add(chosen, perSource, sources, i);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Best score first; ties by the wider gap of the shrunk rates, then by pool order. */
    private static List<Integer> ranked(AgreementRates rates) {
        double[] score = rates.score();
        List<Integer> order = new ArrayList<>(IntStream.range(0, score.length).boxed().toList());
        order.sort(Comparator.<Integer>comparingDouble(i -> -score[i])
                .thenComparingDouble(i -> -(rates.surrogate()[i] - rates.reference()[i]))
                .thenComparingInt(i -> i));
        return order;
    }

    private static void add(Set<Integer> chosen, Map<CandidateSource, Integer> perSource, CandidateSource[] sources, int i) {
        chosen.add(i);
        perSource.merge(sources[i], 1, Integer::sum);
    }
}
