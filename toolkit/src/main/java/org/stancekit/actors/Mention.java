package org.stancekit.actors;

/**
 * Where an actor is named: the canonical actor id, the half-open character span {@code [start, end)} in the text that
 * was searched, and the words found there.
 */
public record Mention(String actor, int start, int end, String text) {
    public Mention {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }

    /** The same mention moved by {@code offset} characters (a sentence's mentions into article offsets). */
    public Mention shift(int offset) {
        return new Mention(actor, start + offset, end + offset, text);
    }
}
