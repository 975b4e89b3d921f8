package org.stancekit.model;

import java.util.List;
import java.util.Map;

/** The linear backend: a {@link Featurizer} and a {@link LinearModel}. Immutable and thread-safe. */
public final class LinearClassifier<I> implements Classifier<I> {
    private final Featurizer<I> featurizer;
    private final LinearModel model;

    public LinearClassifier(Featurizer<I> featurizer, LinearModel model) {
        this.featurizer = featurizer;
        this.model = model;
    }

    @Override
    public List<String> labels() {
        return model.labels();
    }

    @Override
    public Prediction predict(I input) {
        return model.predict(featurizer, input);
    }

    /** Signed contribution of each active feature toward {@code label}. */
    public Map<String, Double> explain(I input, String label) {
        return model.contributions(featurizer.features(input), label);
    }

    public LinearModel model() {
        return model;
    }

    public Featurizer<I> featurizer() {
        return featurizer;
    }
}
