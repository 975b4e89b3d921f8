package org.stancekit.train;

import java.util.List;

/**
 * Hyper-parameters of the linear backend.
 *
 * @param lambda        L2 regularisation strength (Smile Maxent's lambda); the fixed value, or the fallback when
 *                      {@code lambdaGrid} is given
 * @param minCount      keep features seen in at least this many training examples
 * @param tolerance     convergence tolerance of L-BFGS
 * @param maxIterations cap on L-BFGS iterations
 * @param lambdaGrid    when not empty, lambda is chosen from these values by {@link LambdaSelection} (5-fold
 *                      cross-validation inside the training data, macro-F1); empty = {@code lambda} as given
 * @param balanceLabels count each training example round(n_max / n_label) times, where n_label is how many examples
 *                      have its label and n_max the most any label has (integer class weights, so rarer labels weigh
 *                      about as much as the commonest); false = each example once
 * @param favgShift     add per-label score offsets chosen by {@link FavgShift} (5-fold out-of-fold scores inside the
 *                      training data) to maximise F_avg, the mean F1 of every label but the neutral one (SemEval's
 *                      measure); false = arg-max of the trained scores, as before
 */
public record LinearParams(double lambda, int minCount, double tolerance, int maxIterations, List<Double> lambdaGrid,
                           boolean balanceLabels, boolean favgShift) {
    public LinearParams {
        lambdaGrid = lambdaGrid == null ? List.of() : List.copyOf(lambdaGrid);
        for (double l : lambdaGrid) {
            if (!(l > 0 && Double.isFinite(l))) throw new IllegalArgumentException("lambda must be > 0, got " + l);
        }
    }

    /** A fixed lambda. */
    public LinearParams(double lambda, int minCount, double tolerance, int maxIterations) {
        this(lambda, minCount, tolerance, maxIterations, List.of(), false, false);
    }

    /** Without the F_avg shift (the settings before it existed). */
    public LinearParams(double lambda, int minCount, double tolerance, int maxIterations, List<Double> lambdaGrid,
                        boolean balanceLabels) {
        this(lambda, minCount, tolerance, maxIterations, lambdaGrid, balanceLabels, false);
    }

    public static LinearParams defaults() {
        return new LinearParams(3.0, 1, 1e-5, 500);
    }

    /** These settings with a fixed lambda (no grid). */
    public LinearParams withLambda(double l) {
        return new LinearParams(l, minCount, tolerance, maxIterations, List.of(), balanceLabels, favgShift);
    }

    public LinearParams withLambdaGrid(List<Double> grid) {
        return new LinearParams(lambda, minCount, tolerance, maxIterations, grid, balanceLabels, favgShift);
    }

    public LinearParams withBalanceLabels(boolean on) {
        return new LinearParams(lambda, minCount, tolerance, maxIterations, lambdaGrid, on, favgShift);
    }

    public LinearParams withFavgShift(boolean on) {
        return new LinearParams(lambda, minCount, tolerance, maxIterations, lambdaGrid, balanceLabels, on);
    }
}
