package org.stancekit.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable prediction: the chosen label and a probability for every label the model knows, in the model's
 * label order. Probabilities sum to 1.
 */
public final class Prediction {
    private final List<String> labels;
    private final double[] probs;
    private final int best;
    private volatile Map<String, Double> map; // built on first use of probabilities()

    private Prediction(List<String> labels, double[] probs, int best) {
        this.labels = labels;
        this.probs = probs;
        this.best = best;
    }

    /** Builds a prediction from label names and their probabilities (same order); the label is the arg-max. */
    public static Prediction of(List<String> labels, double[] probs) {
        if (labels.size() != probs.length) {
            throw new IllegalArgumentException(labels.size() + " labels but " + probs.length + " probabilities");
        }
        int best = 0;
        for (int i = 0; i < probs.length; i++) {
            if (probs[i] > probs[best]) best = i;
        }
        return new Prediction(List.copyOf(labels), probs.clone(), best);
    }

    public String label() {
        return labels.get(best);
    }

    /** Probability of the chosen label. */
    public double confidence() {
        return probs[best];
    }

    /** Probability per label, in the model's label order; unmodifiable. */
    public Map<String, Double> probabilities() {
        Map<String, Double> m = map;
        if (m == null) {
            Map<String, Double> built = new LinkedHashMap<>();
            for (int i = 0; i < probs.length; i++) built.put(labels.get(i), probs[i]);
            map = m = Collections.unmodifiableMap(built);
        }
        return m;
    }

    public double probability(String label) {
        int i = labels.indexOf(label);
        return i < 0 ? 0.0 : probs[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p && p.label().equals(label()) && p.probabilities().equals(probabilities());
    }

    @Override
    public int hashCode() {
        return label().hashCode() * 31 + probabilities().hashCode();
    }

    @Override
    public String toString() {
        return label() + probabilities();
    }
}
