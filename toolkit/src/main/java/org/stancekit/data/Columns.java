package org.stancekit.data;

/**
 * Which CSV columns hold what. Defaults: {@code text, actor, stance, sentiment, mention, mention_start, mention_end, id,
 * group} ({@code group}: rows sharing a value stay on one side of a train/dev split, e.g. the sentences of one article).
 * In a row, {@code actor}, {@code stance} and {@code mention} may list several actors separated by {@code |}, aligned.
 */
public record Columns(String text, String actor, String stance, String sentiment, String mention,
                      String mentionStart, String mentionEnd, String id, String group) {
    public static Columns defaults() {
        return new Columns("text", "actor", "stance", "sentiment", "mention", "mention_start", "mention_end", "id",
                "group");
    }

    public Columns with(String text, String actor, String stance, String sentiment) {
        return new Columns(text != null ? text : this.text, actor != null ? actor : this.actor,
                stance != null ? stance : this.stance, sentiment != null ? sentiment : this.sentiment, mention,
                mentionStart, mentionEnd, id, group);
    }
}
