package org.stancekit.train;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How well a model's probabilities describe labelled data it did not see: mean log-loss, 10-bin expected calibration
 * error (ECE) of the top label's confidence, the ECE a perfectly calibrated model with the same confidences would show
 * at this n on average (its noise floor), and the mean confidence against the accuracy (over- or under-confidence).
 */
public record ProbabilityScores(int n, double logLoss, double ece, double eceNoiseFloor, double meanConfidence,
                                double accuracy) {
    /** Bins of the ECE, as in training reports and {@code model.json}. */
    public static final int BINS = 10;

    /** @param probabilities one row per example in the model's label order; {@code gold} the index of the true label */
    public static ProbabilityScores of(double[][] probabilities, int[] gold) {
        if (probabilities.length != gold.length) throw new IllegalArgumentException("probabilities and gold differ");
        double conf = 0;
        int correct = 0;
        for (int i = 0; i < probabilities.length; i++) {
            int best = 0;
            for (int k = 1; k < probabilities[i].length; k++) if (probabilities[i][k] > probabilities[i][best]) best = k;
            conf += probabilities[i][best];
            if (best == gold[i]) correct++;
        }
        int n = probabilities.length;
        return new ProbabilityScores(n, Calibration.logLoss(probabilities, gold),
                n == 0 ? Double.NaN : Calibration.ece(probabilities, gold, BINS),
                Calibration.expectedNoiseEce(probabilities, BINS, 200, 42),
                n == 0 ? Double.NaN : conf / n, n == 0 ? Double.NaN : (double) correct / n);
    }

    /** For JSON: {@code log_loss, ece, ece_noise_floor, mean_confidence, accuracy}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("log_loss", logLoss);
        m.put("ece", ece);
        m.put("ece_noise_floor", eceNoiseFloor);
        m.put("mean_confidence", meanConfidence);
        m.put("accuracy", accuracy);
        return m;
    }

    /** One line for a terminal. */
    public String toText() {
        return String.format(Locale.ROOT, "confidence: log-loss=%.4f  ECE(%d bins)=%.4f (a calibrated model: ~%.4f at"
                + " this n)  mean confidence=%.4f vs accuracy=%.4f%n", logLoss, BINS, ece, eceNoiseFloor,
                meanConfidence, accuracy);
    }
}
