package org.stancekit.data;

import org.stancekit.model.StanceQuery;

/**
 * A labelled stance example: the query (sentence, actor, mentions), its gold label, where it came from, and its split
 * group: examples of one group always land on the same side of a train/dev split or fold (by default the sentence;
 * a CSV {@code group} column can name a larger unit such as the article).
 */
public record StanceExample(StanceQuery query, String label, String source, String group) {
    public StanceExample(StanceQuery query, String label, String source) {
        this(query, label, source, query.text());
    }
}
