package org.stancekit.data;

/**
 * A labelled sentence-sentiment example, where it came from ("file, row 12"), and its split group (by default the
 * sentence; see {@link StanceExample}).
 */
public record SentimentExample(String text, String label, String source, String group) {
    public SentimentExample(String text, String label, String source) {
        this(text, label, source, text);
    }
}
