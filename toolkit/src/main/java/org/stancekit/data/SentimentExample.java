package org.stancekit.data;

/** A labelled sentence-sentiment example and where it came from ("file, row 12"). */
public record SentimentExample(String text, String label, String source) {}
