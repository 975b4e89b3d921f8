package org.stancekit.model;

import org.stancekit.actors.Mention;

import java.util.List;

/**
 * What the stance model is asked: the stance of {@code text} (one sentence) toward {@code actor}, given where the actor is
 * named ({@code targets}, may be empty when the text never names it, as with SemEval topics) and where other actors are
 * named ({@code others}). Spans are offsets into {@code text}.
 */
public record StanceQuery(String text, String actor, List<Mention> targets, List<Mention> others) {
    public StanceQuery {
        targets = List.copyOf(targets);
        others = List.copyOf(others);
    }
}
