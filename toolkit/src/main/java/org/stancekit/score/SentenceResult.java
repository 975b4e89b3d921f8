package org.stancekit.score;

import org.stancekit.model.Prediction;

import java.util.List;

/**
 * One sentence of an article: its index (0-based), its span {@code [start, end)} in the article text, the text (the
 * article's chars in that span, with a space for each line break that {@link Scorer#lineBreaks} read as wrapping), the
 * sentence sentiment and one stance per actor named in it (empty when it names none). {@code truncated} is true when the
 * sentence was longer than {@link Scorer#MAX_TOKENS} and only a window of it was scored. {@code sentimentExplanation}
 * is null unless the scorer was made with {@link Scorer#withExplanations}.
 */
public record SentenceResult(int index, int start, int end, String text, Prediction sentiment,
                             List<StanceResult> stances, boolean truncated, Explanation sentimentExplanation) {
    public SentenceResult {
        stances = List.copyOf(stances);
    }

    public SentenceResult(int index, int start, int end, String text, Prediction sentiment,
                          List<StanceResult> stances, boolean truncated) {
        this(index, start, end, text, sentiment, stances, truncated, null);
    }

    /** The sentiment label, {@link Abstention#UNCERTAIN} below {@code minConfidence}, or null without a model. */
    public String sentimentLabel(double minConfidence) {
        return Abstention.label(sentiment, minConfidence);
    }
}
