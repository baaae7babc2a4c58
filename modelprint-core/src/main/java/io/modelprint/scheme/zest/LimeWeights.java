package io.modelprint.scheme.zest;

import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Representation;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Zest's explanation: per reference image, the least-squares (LIME, unweighted, small ridge) fit of
 * each class's logit on the masks' on/off cells plus an intercept; the cell weights of all images
 * concatenated, [images x segments x classes].
 */
public final class LimeWeights implements Representation<double[]> {
    private static final double RIDGE = 1e-3;
    private final SegmentMasks masks;
    private final RealMatrix solver;

    public LimeWeights(SegmentMasks masks) {
        this.masks = masks;
        int m = masks.count();
        int s = masks.segments();
        double[][] design = new double[m][s + 1];
        for (int j = 0; j < m; j++) {
            design[j][0] = 1;
            for (int k = 0; k < s; k++) {
                design[j][k + 1] = masks.kept()[j][k] ? 1 : 0;
            }
        }
        RealMatrix x = new Array2DRowRealMatrix(design, false);
        RealMatrix gram = x.transpose().multiply(x);
        for (int k = 0; k < s + 1; k++) {
            gram.addToEntry(k, k, RIDGE);
        }
        // (X'X + λI)^-1 X': maps one image's [m x classes] scores to its [(s+1) x classes] weights
        this.solver = new CholeskyDecomposition(gram).getSolver().getInverse().multiply(x.transpose());
    }

    @Override
    public String name() {
        return "lime-weights";
    }

    @Override
    public Access access() {
        return Access.SCORES;
    }

    /** Values per reference image in the representation. */
    public int blockSize(int classes) {
        return masks.segments() * classes;
    }

    @Override
    public double[] represent(Answers answers) {
        int m = masks.count();
        int s = masks.segments();
        int classes = answers.classes();
        if (answers.count() % m != 0) {
            throw new IllegalArgumentException(answers.count() + " answers are not a whole number of images x " + m + " masks");
        }
        int images = answers.count() / m;
        double[] weights = new double[images * s * classes];
        for (int i = 0; i < images; i++) {
            double[][] y = new double[m][classes];
            for (int j = 0; j < m; j++) {
                for (int c = 0; c < classes; c++) {
                    y[j][c] = answers.scores()[(i * m + j) * classes + c];
                }
            }
            RealMatrix fitted = solver.multiply(new Array2DRowRealMatrix(y, false));
            for (int k = 0; k < s; k++) {
                for (int c = 0; c < classes; c++) {
                    weights[(i * s + k) * classes + c] = fitted.getEntry(k + 1, c);
                }
            }
        }
        return weights;
    }
}
