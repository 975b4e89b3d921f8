package org.stancekit.train;

/**
 * Temperature scaling: one number T fitted on held-out data so that softmax(scores / T) gives probabilities whose
 * confidence matches accuracy; and the expected calibration error (ECE) that measures it.
 */
public final class Calibration {
    /** Folds of the cross-fit ({@link Method#CROSS_FIT}). */
    public static final int CROSS_FIT_FOLDS = 5;

    private Calibration() {}

    /**
     * Where the linear model's temperature is fitted. {@code DEV}: on the dev set (as before; the dev ECE is then
     * in-sample). {@code CROSS_FIT}: on out-of-fold predictions over the training part ({@value #CROSS_FIT_FOLDS}
     * folds, seeded, grouped and label-stratified), so on about nine times as many examples, and the dev set stays
     * held out from the linear temperature.
     */
    public enum Method {
        DEV, CROSS_FIT;

        public String key() {
            return this == DEV ? "dev" : "cross-fit";
        }

        public static Method parse(String s) {
            for (Method m : values()) if (m.key().equals(s.strip().toLowerCase(java.util.Locale.ROOT))) return m;
            throw new org.stancekit.BadInputException("calibration method " + s + ": choose dev or cross-fit");
        }
    }

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
        return ascendOffsets(labels, 0, d -> macroF1(scores, gold, d, labels));
    }

    /**
     * Coordinate ascent over per-label score offsets: three rounds, each label but {@code fixed} (held at 0) tried at
     * every step of 0.1 in [-2, 2] with the others kept, the best strictly better value kept.
     */
    static double[] ascendOffsets(int labels, int fixed, java.util.function.ToDoubleFunction<double[]> objective) {
        double[] delta = new double[labels];
        double best = objective.applyAsDouble(delta);
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < labels; k++) {
                if (k == fixed) continue;
                double keep = delta[k];
                for (int step = -20; step <= 20; step++) {
                    double old = delta[k];
                    delta[k] = step / 10.0;
                    double f = objective.applyAsDouble(delta);
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

    /**
     * How the ensemble chooses its linear weight on dev. {@code MACRO_F1} (as before): the best macro-F1 on a 0.05
     * grid (ties: lower log-loss), then the final temperature by log-loss. {@code LOG_LOSS}: for every weight of the
     * grid its own final temperature, and the pair with the lowest log-loss; a smooth, proper criterion instead of
     * macro-F1, which on a small dev set jumps with a handful of examples.
     */
    public enum WeightCriterion {
        MACRO_F1, LOG_LOSS;

        public String key() {
            return this == MACRO_F1 ? "macro-f1" : "log-loss";
        }

        public static WeightCriterion parse(String s) {
            for (WeightCriterion c : values()) {
                if (c.key().equals(s.strip().toLowerCase(java.util.Locale.ROOT))) return c;
            }
            throw new org.stancekit.BadInputException("ensemble weight criterion " + s + ": choose macro-f1 or log-loss");
        }
    }

    /** Mean negative log-likelihood of {@code gold} under {@code probabilities} (each floored at 1e-12). */
    public static double logLoss(double[][] probabilities, int[] gold) {
        if (probabilities.length == 0) return Double.NaN;
        double s = 0;
        for (int i = 0; i < probabilities.length; i++) s -= Math.log(Math.max(probabilities[i][gold[i]], 1e-12));
        return s / probabilities.length;
    }

    /**
     * The ECE a perfectly calibrated model with these predicted probabilities would show on average at this n: the
     * mean 10-bin ({@code bins}) ECE over {@code draws} label sets drawn from the probabilities themselves (seeded).
     * What an observed ECE near it says is that the data cannot tell the model from a calibrated one.
     */
    public static double expectedNoiseEce(double[][] probabilities, int bins, int draws, long seed) {
        if (probabilities.length == 0) return Double.NaN;
        java.util.Random random = new java.util.Random(seed);
        int[] y = new int[probabilities.length];
        double sum = 0;
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < y.length; i++) {
                double u = random.nextDouble(), c = 0;
                int k = 0;
                while (k < probabilities[i].length - 1 && u >= (c += probabilities[i][k])) k++;
                y[i] = k;
            }
            sum += ece(probabilities, y, bins);
        }
        return sum / draws;
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
