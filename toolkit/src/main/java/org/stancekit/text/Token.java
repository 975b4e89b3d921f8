package org.stancekit.text;

import java.util.Objects;

/**
 * One token: text as in the original, offsets into the original text ({@code [start, end)}, half-open).
 *
 * <p>The text is NOT normalised (a curly apostrophe stays curly); apply {@link Normalizer#normalize(String)} to
 * {@link #text()} when comparing against ASCII forms such as {@code "'s"} or {@code "\""}.
 *
 * @param text  the token text, exactly {@code original.substring(start, end)}
 * @param start first char index (inclusive), {@code >= 0}
 * @param end   char index after the last char (exclusive), {@code >= start}
 */
public record Token(String text, int start, int end) {

    /** Validates the token: {@code 0 <= start <= end}, text not null. */
    public Token {
        Objects.requireNonNull(text, "text");
        if (start < 0) throw new IllegalArgumentException("start < 0: " + start);
        if (end < start) throw new IllegalArgumentException("end < start: [" + start + ", " + end + ")");
    }
}
