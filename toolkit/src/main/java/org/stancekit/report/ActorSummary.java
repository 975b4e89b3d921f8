package org.stancekit.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stance numbers of one actor in one scope (an article, a period, the corpus).
 *
 * @param actor    actor id
 * @param mentions sentences that name the actor (each sentence counts once however often it names it)
 * @param articles articles among them (1 in an article's own summary)
 * @param counts   sentences per reported label, in the model's label order, then {@code uncertain}
 * @param meanNet  mean over those sentences of P(favor) - P(against), in [-1, 1]; NaN when the model has no
 *                 favor/against labels
 * @param ciLow    lower end of the 95% interval of {@code meanNet}, NaN when there is none (fewer than 2 sentences)
 * @param ciHigh   upper end, NaN likewise
 */
public record ActorSummary(String actor, long mentions, long articles, Map<String, Long> counts, double meanNet,
                           double ciLow, double ciHigh) {
    public ActorSummary {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    public long count(String label) {
        return counts.getOrDefault(label, 0L);
    }

    /** {@code count(label) / mentions}; the shares of all labels (uncertain included) sum to 1. */
    public double share(String label) {
        return mentions == 0 ? 0 : (double) count(label) / mentions;
    }

    public boolean hasInterval() {
        return !Double.isNaN(ciLow);
    }
}
