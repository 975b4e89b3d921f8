package org.stancekit.score;

import org.stancekit.actors.Mention;
import org.stancekit.model.Prediction;

import java.util.List;

/**
 * The stance of one sentence toward one actor: the actor id, where the sentence names it (offsets into the article),
 * and the prediction.
 */
public record StanceResult(String actor, List<Mention> mentions, Prediction stance) {
    public StanceResult {
        mentions = List.copyOf(mentions);
    }

    public String label() {
        return stance.label();
    }
}
