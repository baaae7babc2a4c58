package io.modelprint.scheme.deepjudge;

import io.modelprint.scheme.Distance;
import io.modelprint.scheme.LayerActivations;
import io.modelprint.scheme.SimilarityRange;
import io.modelprint.scheme.weights.SameArchitecture;

/**
 * DeepJudge's four white-box metrics (its metrics.py: NOD, NAD, LOD, LAD) on the probed layer, each
 * made a share in [0,1], folded into one similarity, higher = more alike: 1 − (NOD + NAD + LOD + LAD) / 4.
 * Test case t was made to activate unit t mod units ({@link NeuronTestCases}); with a and b the target's
 * and the suspect's layer outputs on it:
 * <ul>
 * <li>NOD: |a_u − b_u| / (|a_u| + |b_u|) on that unit (DeepJudge: |a_u − b_u|, in the layer's units);
 * <li>LOD: ‖a − b‖₂ / (‖a‖₂ + ‖b‖₂) over the layer (DeepJudge: ‖a − b‖₂);
 * <li>NAD: whether the unit is active in one model and not the other, a unit being active when its
 * output, min-max scaled over the layer, exceeds {@code theta} (DeepJudge: the same, times the number
 * of units tested);
 * <li>LAD: the share of the layer's units active in one model and not the other (DeepJudge: their count).
 * </ul>
 * Each is averaged over the test cases. DeepJudge judges "copy" when a distance is below a threshold
 * set on independent models: lower distances, higher similarity, the same direction. Models of
 * different architectures are refused ({@link SameArchitecture}).
 */
final class LayerDistances implements Distance<LayerActivations> {
    /** The four metrics, each a share in [0,1] averaged over the test cases. */
    record Metrics(double nod, double nad, double lod, double lad) {
        double mean() {
            return (nod + nad + lod + lad) / 4;
        }
    }

    private final float theta;

    LayerDistances(float theta) {
        this.theta = theta;
    }

    @Override
    public String name() {
        return "deepjudge-nod-nad-lod-lad";
    }

    @Override
    public double similarity(LayerActivations target, LayerActivations suspect) {
        return 1 - metrics(target, suspect).mean();
    }

    @Override
    public SimilarityRange range() {
        return SimilarityRange.UNIT;
    }

    Metrics metrics(LayerActivations target, LayerActivations suspect) {
        SameArchitecture.require(ProbedLayer.SCHEME, target.network(), suspect.network());
        if (target.tests() != suspect.tests() || target.units() != suspect.units() || target.tests() == 0) {
            throw new IllegalArgumentException("layer activations differ in size: " + target.tests() + " x " + target.units()
                    + " vs " + suspect.tests() + " x " + suspect.units());
        }
        int units = target.units();
        double nod = 0;
        double nad = 0;
        double lod = 0;
        double lad = 0;
        for (int t = 0; t < target.tests(); t++) {
            int unit = t % units;
            nod += relative(Math.abs(target.at(t, unit) - suspect.at(t, unit)), Math.abs(target.at(t, unit)) + Math.abs(suspect.at(t, unit)));
            boolean[] activeA = active(target, t);
            boolean[] activeB = active(suspect, t);
            nad += activeA[unit] != activeB[unit] ? 1 : 0;
            double difference = 0;
            double normA = 0;
            double normB = 0;
            int differing = 0;
            for (int u = 0; u < units; u++) {
                double a = target.at(t, u);
                double b = suspect.at(t, u);
                difference += (a - b) * (a - b);
                normA += a * a;
                normB += b * b;
                differing += activeA[u] != activeB[u] ? 1 : 0;
            }
            lod += relative(Math.sqrt(difference), Math.sqrt(normA) + Math.sqrt(normB));
            lad += (double) differing / units;
        }
        int n = target.tests();
        return new Metrics(nod / n, nad / n, lod / n, lad / n);
    }

    /** {@code difference / scale}, 0 when both are 0 (two silent units agree). */
    private static double relative(double difference, double scale) {
        return scale == 0 ? 0 : Math.min(1, difference / scale);
    }

    /** DeepJudge's activation status: outputs min-max scaled over the layer (+1e-6 as its code), above theta. */
    private boolean[] active(LayerActivations layer, int test) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int u = 0; u < layer.units(); u++) {
            min = Math.min(min, layer.at(test, u));
            max = Math.max(max, layer.at(test, u));
        }
        boolean[] active = new boolean[layer.units()];
        for (int u = 0; u < layer.units(); u++) {
            active[u] = (layer.at(test, u) - min) / (max - min + 1e-6) > theta;
        }
        return active;
    }
}
