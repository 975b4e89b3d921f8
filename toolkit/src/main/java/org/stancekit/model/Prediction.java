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
    private final String label;
    private final Map<String, Double> probabilities;

    private Prediction(String label, Map<String, Double> probabilities) {
        this.label = label;
        this.probabilities = probabilities;
    }

    /** Builds a prediction from label names and their probabilities (same order); the label is the arg-max. */
    public static Prediction of(List<String> labels, double[] probs) {
        if (labels.size() != probs.length) {
            throw new IllegalArgumentException(labels.size() + " labels but " + probs.length + " probabilities");
        }
        Map<String, Double> map = new LinkedHashMap<>();
        int best = 0;
        for (int i = 0; i < probs.length; i++) {
            map.put(labels.get(i), probs[i]);
            if (probs[i] > probs[best]) best = i;
        }
        return new Prediction(labels.get(best), Collections.unmodifiableMap(map));
    }

    public String label() {
        return label;
    }

    /** Probability of the chosen label. */
    public double confidence() {
        return probabilities.get(label);
    }

    /** Probability per label, in the model's label order; unmodifiable. */
    public Map<String, Double> probabilities() {
        return probabilities;
    }

    public double probability(String label) {
        return probabilities.getOrDefault(label, 0.0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p && p.label.equals(label) && p.probabilities.equals(probabilities);
    }

    @Override
    public int hashCode() {
        return label.hashCode() * 31 + probabilities.hashCode();
    }

    @Override
    public String toString() {
        return label + probabilities;
    }
}
