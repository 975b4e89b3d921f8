package org.stancekit.model;

import org.stancekit.actors.Mention;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sentence as the neural backend sees it: the same lower-cased word forms as the linear features ({@link TokenView}),
 * with each target mention collapsed into {@code <t>} and each other actor's mention into {@code <o>}, and the
 * positions of the target and other-actor placeholders.
 */
public record TokenSequence(List<String> words, List<Integer> targets, List<Integer> others) {
    public TokenSequence {
        words = List.copyOf(words);
        targets = List.copyOf(targets);
        others = List.copyOf(others);
    }

    /** The stance view: when the text never names the target (a topic), the actor id is prepended as the target. */
    public static TokenSequence forStance(StanceQuery q) {
        TokenView v = new TokenView(q.text(), q.targets(), q.others());
        if (!v.targetPositions.isEmpty()) return new TokenSequence(v.words, v.targetPositions, v.otherPositions);
        List<String> words = new ArrayList<>(v.words.size() + 1);
        words.add("@" + q.actor().toLowerCase(Locale.ROOT).replaceAll("\\s", "_"));
        words.addAll(v.words);
        return new TokenSequence(words, List.of(0), v.otherPositions.stream().map(i -> i + 1).toList());
    }

    /** The sentiment view: no target. */
    public static TokenSequence forSentence(String text) {
        TokenView v = new TokenView(text, List.of(), List.of());
        return new TokenSequence(v.words, List.of(), List.of());
    }
}
