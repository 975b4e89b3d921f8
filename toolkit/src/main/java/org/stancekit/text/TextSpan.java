package org.stancekit.text;

import java.util.Objects;

/**
 * A half-open character span {@code [start, end)} into the ORIGINAL text, with the covered text.
 *
 * <p>{@code text} is expected to be {@code original.substring(start, end)}; spans produced by this package always
 * satisfy that.
 *
 * @param start first char index (inclusive), {@code >= 0}
 * @param end   char index after the last char (exclusive), {@code >= start}
 * @param text  the covered text, never {@code null}
 */
public record TextSpan(int start, int end, String text) {

    /** Validates the span: {@code 0 <= start <= end}, text not null. */
    public TextSpan {
        if (start < 0) throw new IllegalArgumentException("start < 0: " + start);
        if (end < start) throw new IllegalArgumentException("end < start: [" + start + ", " + end + ")");
        Objects.requireNonNull(text, "text");
    }

    /**
     * The span {@code [start, end)} of {@code source}, with its text taken from {@code source}.
     *
     * @param source the original text
     * @param start  first char index (inclusive)
     * @param end    char index after the last char (exclusive)
     * @return the span
     * @throws IndexOutOfBoundsException if the range is not within {@code source}
     */
    public static TextSpan of(String source, int start, int end) {
        return new TextSpan(start, end, source.substring(start, end));
    }

    /**
     * Number of chars covered.
     *
     * @return {@code end - start}
     */
    public int length() {
        return end - start;
    }
}
