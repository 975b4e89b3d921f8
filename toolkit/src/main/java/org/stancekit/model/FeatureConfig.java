package org.stancekit.model;

/**
 * How text becomes sparse binary features for the linear backend. Stored in {@code model.json} so a model extracts
 * exactly the features it was trained with.
 *
 * @param window     tokens on each side of a target mention that get side/distance features
 * @param bigrams    add word bigrams
 * @param negation   mark words in a negation scope ("did not <u>support</u> ...") as their own features
 * @param clause     add features for words in the same clause as the target and between target and other actors
 * @param actorWords when the text never names the target (topic stance), conjoin words with the actor id
 * @param lexicon    add prior-valence features from the VADER lexicon (sentence counts, near the target, in its
 *                   clause, negated)
 */
public record FeatureConfig(int window, boolean bigrams, boolean negation, boolean clause, boolean actorWords,
                            boolean lexicon) {
    public static FeatureConfig defaults() {
        return new FeatureConfig(5, true, true, true, true, true);
    }
}
