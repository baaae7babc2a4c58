package io.modelprint.gradient;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.ProgressListener;
import java.util.ArrayList;
import java.util.List;

/**
 * The one loop of the iterative gradient methods (FGSM/IGSM, IPGuard, CW-L2, PGD): evaluate the
 * method's loss and input gradient on the active points, retire those that are done, step and
 * project the rest. The loop owns its arrays: they live in its own NDManager, closed with it, and
 * every array a step replaces is closed at once. Per-point arrays made with {@link #track} follow
 * the active points when some retire.
 */
public final class ActiveBatchLoop implements AutoCloseable {
    /** Told after every evaluation: the step, how many points reached the goal so far, of how many. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (step, finished, total) -> {};

        void update(int step, int finished, int total);

        /**
         * Steps taken of at most {@code maxSteps}, with the points finished as the message: every step counts, so that
         * a listener can tell how long is left at most even while no point converges (steps get cheaper as points retire).
         */
        static Progress steps(ProgressListener listener, int maxSteps) {
            int limit = Math.max(1, maxSteps);
            return (step, reached, total) -> listener.update(reached == total ? limit : Math.min(step, limit), limit,
                    reached + " of " + total + " points converged");
        }
    }

    private final NDManager manager;
    private final String what;
    private final Progress progress;
    private final List<PointArray> tracked = new ArrayList<>();
    private ActiveBatch batch;
    private int evaluations;

    /** A loop on a base manager of its own; {@code what} (the target) names it in errors. */
    public ActiveBatchLoop(String what, Progress progress) {
        this(what, progress, NDManager.newBaseManager());
    }

    /** A loop on a sub-manager of {@code parent}. */
    public ActiveBatchLoop(NDManager parent, String what, Progress progress) {
        this(what, progress, parent.newSubManager());
    }

    private ActiveBatchLoop(String what, Progress progress, NDManager manager) {
        this.manager = manager;
        this.what = what;
        this.progress = progress;
    }

    /** Where the caller makes the arrays the loop is to hold. */
    public NDManager manager() {
        return manager;
    }

    /** Holds {@code array}, one row per point, so that its rows follow the active points. */
    public PointArray track(NDArray array) {
        array.attach(manager);
        PointArray point = new PointArray(array);
        tracked.add(point);
        return point;
    }

    /**
     * Moves the points from {@code start} (the loop takes it over) until each reaches the attack's goal
     * or {@code maxSteps} steps are taken: points are judged after every step, the last included. A
     * point that is done leaves the batch with its values written into {@code result} (the batch
     * flattened, in its order), its step count and whether it reached the goal.
     */
    public void runToGoal(NDArray start, float[] result, int maxSteps, IterativeAttack attack) {
        batch = new ActiveBatch(result, (int) (result.length / start.getShape().get(0)));
        run(start, maxSteps, true, attack);
    }

    /**
     * Takes {@code steps} steps from {@code start} (the loop takes it over), each after an evaluation,
     * fewer when the attack stops; no point is judged. Returns the points after the last step; they
     * belong to the loop (attach them to another manager to keep them after {@link #close}).
     */
    public NDArray runSteps(NDArray start, int steps, IterativeAttack attack) {
        return run(start, steps, false, attack);
    }

    /** Judged, the run ends when no point is left (all leave at step {@code limit}); unjudged, after {@code limit} steps. */
    private NDArray run(NDArray start, int limit, boolean judged, IterativeAttack attack) {
        NDArray x = start;
        x.attach(manager);
        int total = (int) x.getShape().get(0);
        for (int step = 0; judged || step < limit; step++) {
            InputGradient.Result evaluation = attack.evaluate(x, manager, what, step);
            evaluations++;
            NDArray gradient = evaluation.gradient();
            boolean stop = !attack.proceeds(evaluation, step);
            if (judged) {
                NDArray keep = retire(evaluation, step, stop || step == limit, x, attack);
                stop = batch.size() == 0;
                if (keep != null) {
                    x = keep(x, keep);
                    gradient = keep(gradient, keep);
                    tracked.forEach(array -> array.keep(keep));
                    keep.close();
                }
            }
            progress.update(step, judged ? reachedSoFar() : 0, total);
            if (stop) {
                gradient.close();
                return x;
            }
            x = move(x, gradient, step, attack);
            gradient.close();
        }
        return x;
    }

    private NDArray retire(InputGradient.Result evaluation, int step, boolean all, NDArray x, IterativeAttack attack) {
        boolean[] done = new boolean[batch.size()];
        boolean[] reached = new boolean[batch.size()];
        for (int row = 0; row < done.length; row++) {
            reached[row] = attack.reached(evaluation, row, batch.original(row));
            done[row] = reached[row] || all;
        }
        return batch.retire(done, reached, x, step, manager);
    }

    private static NDArray move(NDArray x, NDArray gradient, int step, IterativeAttack attack) {
        NDArray stepped = attack.step(x, gradient, step);
        if (stepped != x) {
            x.close();
        }
        NDArray projected = attack.project(stepped);
        if (projected != stepped) {
            stepped.close();
        }
        return projected;
    }

    private static NDArray keep(NDArray array, NDArray rows) {
        NDArray kept = array.get(rows);
        array.close();
        return kept;
    }

    private int reachedSoFar() {
        int reached = 0;
        for (boolean point : batch.converged()) {
            reached += point ? 1 : 0;
        }
        return reached;
    }

    /** Evaluations made, the last included. */
    public int evaluations() {
        return evaluations;
    }

    /** Per point (after {@link #runToGoal}): the step at which it left the batch. */
    public int[] iterations() {
        return batch.iterations();
    }

    /** Per point (after {@link #runToGoal}): whether it reached the goal. */
    public boolean[] converged() {
        return batch.converged();
    }

    @Override
    public void close() {
        manager.close();
    }
}
