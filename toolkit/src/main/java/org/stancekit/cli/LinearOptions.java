package org.stancekit.cli;

import org.stancekit.BadInputException;
import org.stancekit.train.LinearParams;
import picocli.CommandLine.Option;

import java.util.List;

/** The linear backend's regularisation and class weighting, shared by train and cross-validate. */
final class LinearOptions {
    @Option(names = "--lambda", defaultValue = "3.0", description = "L2 regularisation (default: ${DEFAULT-VALUE}).")
    double lambda;
    @Option(names = "--lambda-grid", split = ",", paramLabel = "L1,L2,...",
            description = "Linear: choose lambda from these values by 5-fold cross-validation inside the training"
                    + " data (macro-F1; replaces --lambda; in cross-validate, inside each fold's training part).")
    List<Double> lambdaGrid;
    @Option(names = "--balance-labels",
            description = "Linear: count each training example round(n_max / n_label) times (integer class weights;"
                    + " default: off).")
    boolean balanceLabels;
    @Option(names = "--favg-shift",
            description = "Linear: add label score offsets that maximise F_avg (mean F1 of the labels other than"
                    + " neutral) on 5-fold out-of-fold scores inside the training data (in cross-validate, inside each"
                    + " fold's training part; default: off).")
    boolean favgShift;

    /** The parameters, after checking --lambda and --lambda-grid (the caller checks the other two). */
    LinearParams params(int minCount, int maxIterations) {
        if (!(lambda > 0 && Double.isFinite(lambda))) throw new BadInputException("--lambda must be > 0, got " + lambda);
        if (lambdaGrid != null && lambdaGrid.stream().anyMatch(l -> !(l > 0 && Double.isFinite(l)))) {
            throw new BadInputException("--lambda-grid " + lambdaGrid + ": every value must be > 0");
        }
        return new LinearParams(lambda, minCount, 1e-5, maxIterations, lambdaGrid, balanceLabels, favgShift);
    }
}
