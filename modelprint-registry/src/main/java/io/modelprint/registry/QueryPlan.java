package io.modelprint.registry;

import io.modelprint.data.InputSpec;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.scheme.Queries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries of several fingerprints merged into one set, each distinct image once, so that a
 * suspect answers them all in as few model calls (or HTTP requests) as it can; {@link #rows} says
 * where each fingerprint's queries landed.
 */
public final class QueryPlan {
    private final Queries queries;
    private final List<int[]> rows;
    private final int asked;

    private QueryPlan(Queries queries, List<int[]> rows, int asked) {
        this.queries = queries;
        this.rows = rows;
        this.asked = asked;
    }

    /** @param fingerprints all with the same input spec */
    public static QueryPlan of(List<Fingerprint> fingerprints) {
        InputSpec spec = fingerprints.get(0).meta().inputSpec();
        int size = spec.pixelsPerImage();
        Map<Image, Integer> index = new HashMap<>();
        List<float[]> distinct = new ArrayList<>();
        List<int[]> rows = new ArrayList<>();
        int asked = 0;
        for (Fingerprint fingerprint : fingerprints) {
            float[] values = fingerprint.queries().values();
            int[] where = new int[fingerprint.size()];
            for (int i = 0; i < where.length; i++) {
                float[] image = Arrays.copyOfRange(values, i * size, (i + 1) * size);
                Integer row = index.get(new Image(image));
                if (row == null) {
                    row = distinct.size();
                    index.put(new Image(image), row);
                    distinct.add(image);
                }
                where[i] = row;
            }
            asked += where.length;
            rows.add(where);
        }
        float[] merged = new float[distinct.size() * size];
        for (int i = 0; i < distinct.size(); i++) {
            System.arraycopy(distinct.get(i), 0, merged, i * size, size);
        }
        return new QueryPlan(new Queries(spec, merged, distinct.size()), rows, asked);
    }

    /** The distinct images, to ask once. */
    public Queries queries() {
        return queries;
    }

    /** For fingerprint {@code i} of the plan: the row of each of its queries in {@link #queries()}. */
    public int[] rows(int i) {
        return rows.get(i);
    }

    /** Queries the fingerprints hold in all (before identical ones were merged). */
    public int asked() {
        return asked;
    }

    /** An image compared by its exact float bits. */
    private record Image(float[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Image other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
