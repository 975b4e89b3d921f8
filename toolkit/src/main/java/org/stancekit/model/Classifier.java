package org.stancekit.model;

import java.util.List;

/**
 * A trained model: turns an input into an immutable {@link Prediction} with a probability per label. Implementations
 * are immutable and thread-safe.
 *
 * @param <I> the input: a {@link StanceQuery} for stance, a sentence {@code String} for sentiment
 */
public interface Classifier<I> {
    /** Labels in the model's order (the order of {@link Prediction#probabilities()}). */
    List<String> labels();

    Prediction predict(I input);

    /** Predictions for many inputs; backends that batch override this. */
    default List<Prediction> predictAll(List<I> inputs) {
        return inputs.stream().map(this::predict).toList();
    }
}
