package io.modelprint.scheme.boundary;

import io.modelprint.ProgressListener;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;

/**
 * Runs an optimizing generator on at most {@link #CHUNK} points at a time, so that the engine's
 * memory is bounded whatever --n is (20,000 IPGuard points on the small VGG needed over 12 GB in one
 * batch). Up to CHUNK points the result is the generator's own, bit for bit; beyond, chunk c uses the
 * seed + c, so each chunk is reproducible on its own.
 */
public final class ChunkedGenerator implements QueryGenerator {
    public static final int CHUNK = 1024;
    private final QueryGenerator inner;

    public ChunkedGenerator(QueryGenerator inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Access targetAccess() {
        return inner.targetAccess();
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        if (n <= CHUNK) {
            return inner.generate(target, seeds, n, seed, progress);
        }
        int size = target.inputSpec().pixelsPerImage();
        float[] values = new float[Math.multiplyExact(n, size)];
        int[] iterations = new int[n];
        boolean[] converged = new boolean[n];
        for (int start = 0, chunk = 0; start < n; start += CHUNK, chunk++) {
            int count = Math.min(CHUNK, n - start);
            int offset = start;
            GeneratedQueries part = inner.generate(target, seeds, count, seed + chunk,
                    (done, total, message) -> progress.update(offset + done, n, message));
            System.arraycopy(part.queries().values(), 0, values, start * size, count * size);
            System.arraycopy(part.iterations(), 0, iterations, start, count);
            System.arraycopy(part.converged(), 0, converged, start, count);
        }
        return new GeneratedQueries(new Queries(target.inputSpec(), values, n), iterations, converged);
    }
}
