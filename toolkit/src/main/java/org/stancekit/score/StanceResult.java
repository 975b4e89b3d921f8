package org.stancekit.score;

import org.stancekit.actors.Mention;
import org.stancekit.model.Prediction;

import java.util.List;

/**
 * The stance of one sentence toward one actor: the actor id, where the sentence names it (offsets into the article),
 * the prediction, and why (null unless the scorer was made with {@link Scorer#withExplanations}).
 */
public record StanceResult(String actor, List<Mention> mentions, Prediction stance, Explanation explanation) {
    public StanceResult {
        mentions = List.copyOf(mentions);
    }

    public StanceResult(String actor, List<Mention> mentions, Prediction stance) {
        this(actor, mentions, stance, null);
    }

    public String label() {
        return stance.label();
    }

    /** The label, or {@link Abstention#UNCERTAIN} when its probability is below {@code minConfidence}. */
    public String label(double minConfidence) {
        return Abstention.label(stance, minConfidence);
    }
}
