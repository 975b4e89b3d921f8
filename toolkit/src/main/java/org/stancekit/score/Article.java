package org.stancekit.score;

import java.util.Objects;

/**
 * One input document. {@code title} and {@code date} may be null; {@code date} is kept as given (ISO 8601 expected).
 */
public record Article(String id, String title, String text, String date) {
    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

    public Article(String id, String text) {
        this(id, null, text, null);
    }
}
