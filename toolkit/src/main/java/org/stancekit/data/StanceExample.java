package org.stancekit.data;

import org.stancekit.model.StanceQuery;

/** A labelled stance example: the query (sentence, actor, mentions), its gold label, and where it came from. */
public record StanceExample(StanceQuery query, String label, String source) {}
