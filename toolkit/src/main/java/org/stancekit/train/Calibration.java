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

    /**
     * Per-label additive score offsets (label 0 fixed at 0) that maximise macro-F1 of arg-max predictions on held-out
     * data: coordinate ascent over a grid in [-2, 2]. Corrects a label prior that differs between training data and the
     * text the model will see, and the bias of maximum likelihood toward frequent labels.
     */
    public static double[] fitBiasShift(double[][] scores, int[] gold, int labels) {
        double[] delta = new double[labels];
        double best = macroF1(scores, gold, delta, labels);
        for (int round = 0; round < 3; round++) {
            for (int k = 1; k < labels; k++) {
                double keep = delta[k];
                for (int step = -20; step <= 20; step++) {
                    double old = delta[k];
                    delta[k] = step / 10.0;
                    double f = macroF1(scores, gold, delta, labels);
                    if (f > best + 1e-12) {
                        best = f;
                        keep = delta[k];
                    }
                    delta[k] = old;
                }
                delta[k] = keep;
            }
        }
        return delta;
    }

    static double macroF1(double[][] scores, int[] gold, double[] delta, int labels) {
        int[] tp = new int[labels], predicted = new int[labels], support = new int[labels];
        for (int i = 0; i < scores.length; i++) {
            int best = 0;
            for (int k = 1; k < labels; k++) if (scores[i][k] + delta[k] > scores[i][best] + delta[best]) best = k;
            predicted[best]++;
            support[gold[i]]++;
            if (best == gold[i]) tp[best]++;
        }
        double sum = 0;
        for (int k = 0; k < labels; k++) {
            double p = predicted[k] == 0 ? 0 : (double) tp[k] / predicted[k];
            double r = support[k] == 0 ? 0 : (double) tp[k] / support[k];
            sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        return sum / labels;
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
