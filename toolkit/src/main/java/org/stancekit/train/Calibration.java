package org.stancekit.train;

/**
 * Temperature scaling: one number T fitted on held-out data so that softmax(scores / T) gives probabilities whose
 * confidence matches accuracy; and the expected calibration error (ECE) that measures it.
 */
public final class Calibration {
    private Calibration() {}

    /** The T in [0.05, 20] that minimises the negative log-likelihood of {@code gold} (golden-section on log T). */
    public static double fitTemperature(double[][] scores, int[] gold) {
        if (scores.length == 0) return 1.0;
        double lo = Math.log(0.05), hi = Math.log(20);
        double g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
        double fa = nll(scores, gold, Math.exp(a)), fb = nll(scores, gold, Math.exp(b));
        for (int it = 0; it < 60; it++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - g * (hi - lo);
                fa = nll(scores, gold, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + g * (hi - lo);
                fb = nll(scores, gold, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    static double nll(double[][] scores, int[] gold, double t) {
        double s = 0;
        for (int i = 0; i < scores.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : scores[i]) max = Math.max(max, v / t);
            double sum = 0;
            for (double v : scores[i]) sum += Math.exp(v / t - max);
            s -= scores[i][gold[i]] / t - max - Math.log(sum);
        }
        return s / scores.length;
    }

    /** Expected calibration error with {@code bins} equal-width confidence bins. */
    public static double ece(double[][] probabilities, int[] gold, int bins) {
        double[] conf = new double[bins], acc = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < probabilities.length; i++) {
            int best = 0;
            for (int k = 1; k < probabilities[i].length; k++) if (probabilities[i][k] > probabilities[i][best]) best = k;
            double c = probabilities[i][best];
            int b = Math.min(bins - 1, (int) (c * bins));
            conf[b] += c;
            acc[b] += best == gold[i] ? 1 : 0;
            count[b]++;
        }
        double e = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) e += Math.abs(acc[b] - conf[b]) / probabilities.length;
        }
        return e;
    }
}
