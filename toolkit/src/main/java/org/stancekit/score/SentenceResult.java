package org.stancekit.score;

import org.stancekit.model.Prediction;

import java.util.List;

/**
 * One sentence of an article: its index (0-based), its span {@code [start, end)} in the article text, the text, the
 * sentence sentiment and one stance per actor named in it (empty when it names none). {@code truncated} is true when the
 * sentence was longer than {@link Scorer#MAX_TOKENS} and only a window of it was scored.
 */
public record SentenceResult(int index, int start, int end, String text, Prediction sentiment,
                             List<StanceResult> stances, boolean truncated) {
    public SentenceResult {
        stances = List.copyOf(stances);
    }
}
