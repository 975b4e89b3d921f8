package org.stancekit.train;

/**
 * Hyper-parameters of the linear backend.
 *
 * @param lambda        L2 regularisation strength (Smile Maxent's lambda)
 * @param minCount      keep features seen in at least this many training examples
 * @param tolerance     convergence tolerance of L-BFGS
 * @param maxIterations cap on L-BFGS iterations
 */
public record LinearParams(double lambda, int minCount, double tolerance, int maxIterations) {
    public static LinearParams defaults() {
        return new LinearParams(3.0, 1, 1e-5, 500);
    }
}
