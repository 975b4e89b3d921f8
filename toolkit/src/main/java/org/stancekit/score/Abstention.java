package org.stancekit.score;

import org.stancekit.model.Prediction;

/**
 * Abstaining below a confidence threshold: a label whose calibrated probability is under {@code minConfidence} is
 * reported as {@link #UNCERTAIN}; the prediction and its probabilities are not changed (the arg-max stays available
 * in {@link Prediction#label()}). A pure function over results, so one scored article can be read at several
 * thresholds; the writers ({@code --min-confidence}) and the summaries use it.
 *
 * <p>With k labels the top probability is at least 1/k, so thresholds at or below 1/k never abstain; 0 turns it off.
 */
public final class Abstention {
    /** The label reported when the top probability is below the threshold. */
    public static final String UNCERTAIN = "uncertain";

    private Abstention() {}

    /**
     * {@code p.label()}, or {@link #UNCERTAIN} when {@code p.confidence() < minConfidence}; null when {@code p} is null.
     */
    public static String label(Prediction p, double minConfidence) {
        if (p == null) return null;
        return isUncertain(p, minConfidence) ? UNCERTAIN : p.label();
    }

    /** True when the prediction's top probability is below {@code minConfidence}. */
    public static boolean isUncertain(Prediction p, double minConfidence) {
        return p != null && p.confidence() < minConfidence;
    }

    /** Checks a threshold given by a user: a number in [0, 1]. */
    public static double check(double minConfidence) {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new org.stancekit.BadInputException("--min-confidence must be between 0 and 1, got " + minConfidence);
        }
        return minConfidence;
    }
}
