package org.stancekit.text;

import java.util.Locale;

/**
 * What a single line break inside an article means: the end of a paragraph (news copy with one paragraph per line,
 * where headlines, datelines and bullets have no final period) or the wrapping of a line that a sentence runs on from
 * (plain-text copy hard-wrapped at a fixed width, as e-mail, wire feeds and text exports give it).
 *
 * <p>{@link #apply} returns a string of the same length in which every line break that is only wrapping is replaced
 * by spaces ({@code \n} by one, {@code \r\n} by two), so offsets into it are offsets into the original text and the
 * {@link SentenceSplitter} no longer cuts a sentence at the end of each line. Blank lines, Unicode line and paragraph
 * separators, and the line breaks the rules below keep always stay boundaries. Immutable and thread-safe.
 *
 * <h2>Which breaks are wrapping</h2>
 * Let W be the length of the longest line (trailing spaces not counted) and a line <em>full</em> when it is at least
 * {@code W - max(15, W/5)} chars long, i.e. the wrapper moved the next word down. A break between two non-blank lines
 * is wrapping when the line after it is not more indented than the line before it and does not start a bullet
 * ({@code - * • – —} and a space) and either the line before it is full, or the line after it starts with a lower-case
 * letter. Otherwise it stays a boundary: a short line ends a paragraph, a headline or a list item.
 *
 * <h2>{@link #AUTO}: when a text counts as hard-wrapped</h2>
 * W is at most {@value #MAX_WRAP_WIDTH}; at least two breaks lie between non-blank lines (a paragraph of three lines
 * or more); at least 60% of those breaks follow a full line; and at least 20% of them are followed by a line that
 * starts with a lower-case letter (a sentence running on; a list of headlines, each capitalised and about as long as
 * the next, does not count). News copy with a paragraph per line fails the first or the third test, so it is left
 * as it is. Text in a script without letter case (Chinese, Arabic) is never detected; pass {@link #WRAPPED}.
 *
 * <p>Known limit: a word hyphenated across a wrap ({@code air-\ndefense}) becomes {@code air- defense}, because
 * removing the break would change the text's length.
 */
public enum LineBreaks {
    /** Every line break is a boundary (the behaviour before this option existed). */
    BOUNDARY,
    /** Wrapping breaks (see the class description) are spaces, whatever the text looks like. */
    WRAPPED,
    /** {@link #WRAPPED} when the text looks hard-wrapped (see the class description), else {@link #BOUNDARY}. */
    AUTO;

    /** Longest line, in chars, that {@link #AUTO} takes for a wrap width. */
    public static final int MAX_WRAP_WIDTH = 160;

    /** Parses {@code auto}, {@code boundary} or {@code wrapped} (any case). */
    public static LineBreaks parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line breaks must be auto, boundary or wrapped, not '" + s + "'");
        }
    }

    /**
     * The text with its wrapping line breaks replaced by spaces (same length); {@code text} itself when none is.
     * Linear time; apart from the result, memory does not grow with the number of lines.
     *
     * @param text any string, may be {@code null}
     */
    public String apply(String text) {
        if (this == BOUNDARY || text == null || text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return text;
        int width = width(text);
        if (this == AUTO && !looksWrapped(text, width)) return text;
        char[] out = null;
        Line prev = new Line(text), cur = new Line(text);
        if (!prev.next()) return text;
        while (cur.advanceFrom(prev)) {
            if (wraps(prev, cur, width)) {
                if (out == null) out = text.toCharArray();
                for (int k = prev.end; k < cur.start; k++) out[k] = ' ';
            }
            Line t = prev;
            prev = cur;
            cur = t;
        }
        return out == null ? text : new String(out);
    }

    /** Whether {@link #AUTO} would treat {@code text} as hard-wrapped. */
    public static boolean looksWrapped(String text) {
        return text != null && looksWrapped(text, width(text));
    }

    private static boolean looksWrapped(String text, int width) {
        if (width > MAX_WRAP_WIDTH) return false;
        int inner = 0, afterFull = 0, lowerNext = 0;
        Line prev = new Line(text), cur = new Line(text);
        if (!prev.next()) return false;
        while (cur.advanceFrom(prev)) {
            if (!prev.blank() && !cur.blank()) {
                inner++;
                if (prev.full(width)) afterFull++;
                if (Character.isLowerCase(cur.first())) lowerNext++;
            }
            Line t = prev;
            prev = cur;
            cur = t;
        }
        return inner >= 2 && afterFull >= 0.6 * inner && lowerNext >= 0.2 * inner;
    }

    /** The length of the longest line, trailing blanks not counted. */
    private static int width(String text) {
        Line line = new Line(text);
        int width = 0;
        while (line.next()) width = Math.max(width, line.length);
        return width;
    }

    /** Whether the break between {@code a} and the line after it, {@code b}, is wrapping (see the class description). */
    private static boolean wraps(Line a, Line b, int width) {
        if (a.blank() || b.blank() || b.indent > a.indent || b.bullet()) return false;
        return a.full(width) || Character.isLowerCase(b.first());
    }

    /**
     * A cursor over the lines of a text: content {@code [start, end)}, the line break after it {@code [end, after)}
     * ({@code \n}, {@code \r\n} or {@code \r}; empty at the end of the text), its length without trailing blanks
     * and its indentation.
     */
    private static final class Line {
        private final String text;
        int start, end, after, length, indent;
        private boolean last = false, started = false;

        Line(String text) {
            this.text = text;
        }

        /** Moves to the next line; false after the last one. */
        boolean next() {
            if (last) return false;
            return read(started ? after : 0);
        }

        /** Moves this cursor to the line after {@code other}'s; false if {@code other} is the last. */
        boolean advanceFrom(Line other) {
            if (other.last) return false;
            return read(other.after);
        }

        private boolean read(int from) {
            started = true;
            int n = text.length(), i = from;
            while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') i++;
            start = from;
            end = i;
            if (i < n) {
                after = text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                last = false;
            } else {
                after = n;
                last = true;
            }
            int b = end;
            while (b > start && isBlank(text.charAt(b - 1))) b--;
            int f = start;
            while (f < b && isBlank(text.charAt(f))) f++;
            length = b - start;
            indent = f - start;
            return true;
        }

        boolean blank() {
            return indent == length;
        }

        boolean full(int width) {
            return length >= width - Math.max(15, width / 5);
        }

        /** The first char after the indentation (the line is not blank). */
        char first() {
            return text.charAt(start + indent);
        }

        boolean bullet() {
            int p = start + indent;
            char c = text.charAt(p);
            return (c == '-' || c == '*' || c == '\u2022' || c == '\u2013' || c == '\u2014') && p + 1 < end
                    && isBlank(text.charAt(p + 1));
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t' || c == '\u00a0' || c == '\f' || c == '\u000b';
        }
    }
}
