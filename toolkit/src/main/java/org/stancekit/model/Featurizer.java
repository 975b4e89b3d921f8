package org.stancekit.model;

import java.util.List;

/** Turns an input into the names of its active binary features (duplicates allowed; the model ignores them). */
public interface Featurizer<I> {
    List<String> features(I input);
}
