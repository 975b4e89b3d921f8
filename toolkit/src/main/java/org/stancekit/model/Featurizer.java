package org.stancekit.model;

import java.util.List;

/** Turns an input into its active binary features (duplicates allowed; the model ignores them). */
public interface Featurizer<I> {
    /** Writes the input's features to {@code sink}, one name at a time. */
    void features(I input, FeatureSink sink);

    /** The input's feature names as strings, in the order {@link #features(Object, FeatureSink)} writes them. */
    default List<String> features(I input) {
        FeatureSink.Names names = FeatureSink.names();
        features(input, names);
        return names.list();
    }
}
