package io.modelprint.scheme.cae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Differentiable;
import io.modelprint.model.Logits;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How each candidate transfers, measured as labels on the selection half of the fleet: whether the
 * target answers its class t, how many surrogates and selection references answer t, and the paper's
 * conferrability score (share of surrogates answering t) x (1 − share of references answering t).
 * The ensemble's soft score, mean_s p_s(t) (1 − mean_r p_r(t)), breaks ties between candidates of
 * equal score (with a few fleet models, many reach 1).
 */
record Conferrability(boolean[] fooled, int[] surrogateHits, int[] referenceHits, double[] soft, int surrogates, int references) {

    static Conferrability measure(Differentiable target, FleetEnsemble ensemble, float[] points, long[] classes, int count) {
        InputSpec spec = target.inputSpec();
        int size = spec.pixelsPerImage();
        int numClasses = target.numClasses();
        boolean[] fooled = new boolean[count];
        int[] surrogateHits = new int[count];
        int[] referenceHits = new int[count];
        double[] soft = new double[count];
        for (int first = 0; first < count; first += ConferrableSearch.CHUNK) {
            int n = Math.min(ConferrableSearch.CHUNK, count - first);
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray x = manager.create(Arrays.copyOfRange(points, first * size, (first + n) * size), spec.batchShape(n));
                float[] own = target.predictLogits(x).toFloatArray();
                double[] surrogateP = new double[n];
                double[] referenceP = new double[n];
                count(ensemble.surrogates(), x, classes, first, surrogateHits, surrogateP, numClasses);
                count(ensemble.references(), x, classes, first, referenceHits, referenceP, numClasses);
                for (int p = 0; p < n; p++) {
                    fooled[first + p] = Logits.argmax(own, p, numClasses) == classes[first + p];
                    soft[first + p] = surrogateP[p] / ensemble.surrogates().size()
                            * (1 - referenceP[p] / ensemble.references().size());
                }
            }
        }
        return new Conferrability(fooled, surrogateHits, referenceHits, soft, ensemble.surrogates().size(),
                ensemble.references().size());
    }

    /** Adds, per point, 1 to {@code hits} for each model answering its class and that model's probability of it to {@code probability}. */
    private static void count(List<Differentiable> models, NDArray x, long[] classes, int first, int[] hits, double[] probability,
            int numClasses) {
        for (Differentiable model : models) {
            NDArray logits = model.predictLogits(x);
            float[] z = logits.toFloatArray();
            float[] p = logits.softmax(1).toFloatArray();
            for (int i = 0; i < probability.length; i++) {
                int c = (int) classes[first + i];
                hits[first + i] += Logits.argmax(z, i, numClasses) == c ? 1 : 0;
                probability[i] += p[i * numClasses + c];
            }
        }
    }

    /** The paper's conferrability score of candidate {@code i}, in [0, 1]. */
    double score(int i) {
        return (double) surrogateHits[i] / surrogates * (1 - (double) referenceHits[i] / references);
    }

    /** How many candidates the target answers with their class t. */
    int fooledCount() {
        int count = 0;
        for (boolean f : fooled) {
            count += f ? 1 : 0;
        }
        return count;
    }

    /** The {@code n} most conferrable candidates the target answers with t, best first (fewer if fewer qualify). */
    int[] mostConferrable(int n) {
        Comparator<Integer> best = Comparator.<Integer>comparingDouble(this::score).reversed()
                .thenComparing(Comparator.<Integer>comparingDouble(i -> soft[i]).reversed())
                .thenComparingInt(i -> i);
        return IntStream.range(0, fooled.length).filter(i -> fooled[i]).boxed().sorted(best).limit(n).mapToInt(i -> i).toArray();
    }

    /** Share of surrogates answering as the target did on candidate {@code i}, smoothed into (0, 1) (Krichevsky–Trofimov: (k + ½) / (m + 1)). */
    double surrogateAgreement(int i) {
        return (surrogateHits[i] + 0.5) / (surrogates + 1);
    }

    /** As {@link #surrogateAgreement}, for the selection references. */
    double referenceAgreement(int i) {
        return (referenceHits[i] + 0.5) / (references + 1);
    }
}
