package org.stancekit.text;

import java.util.ArrayList;
import java.util.List;
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
     *
     * @param text any string, may be {@code null}
     */
    public String apply(String text) {
        if (this == BOUNDARY || text == null || text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return text;
        Lines lines = Lines.of(text);
        if (this == AUTO && !lines.looksWrapped()) return text;
        char[] out = null;
        for (int i = 0; i + 1 < lines.count(); i++) {
            if (!lines.wraps(i)) continue;
            if (out == null) out = text.toCharArray();
            for (int k = lines.end[i]; k < lines.start[i + 1]; k++) out[k] = ' ';
        }
        return out == null ? text : new String(out);
    }

    /** Whether {@link #AUTO} would treat {@code text} as hard-wrapped. */
    public static boolean looksWrapped(String text) {
        return text != null && Lines.of(text).looksWrapped();
    }

    /** The lines of a text: content {@code [start, end)}, the break after it {@code [end, start of the next line)}. */
    private record Lines(int[] start, int[] end, int[] length, int[] indent, int width, String text) {
        static Lines of(String text) {
            List<int[]> spans = new ArrayList<>();
            int n = text.length(), a = 0;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    spans.add(new int[]{a, i});
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                    a = i + 1;
                }
            }
            spans.add(new int[]{a, n});
            int m = spans.size();
            int[] start = new int[m], end = new int[m], length = new int[m], indent = new int[m];
            int width = 0;
            for (int i = 0; i < m; i++) {
                start[i] = spans.get(i)[0];
                end[i] = spans.get(i)[1];
                int b = end[i];
                while (b > start[i] && isBlank(text.charAt(b - 1))) b--;
                int f = start[i];
                while (f < b && isBlank(text.charAt(f))) f++;
                length[i] = b - start[i];
                indent[i] = f - start[i];
                width = Math.max(width, length[i]);
            }
            return new Lines(start, end, length, indent, width, text);
        }

        int count() {
            return start.length;
        }

        boolean blank(int i) {
            return indent[i] == length[i];
        }

        boolean full(int i) {
            return length[i] >= width - Math.max(15, width / 5);
        }

        /** The first char of line {@code i} after its indentation (line {@code i} is not blank). */
        char first(int i) {
            return text.charAt(start[i] + indent[i]);
        }

        boolean bullet(int i) {
            int p = start[i] + indent[i];
            char c = text.charAt(p);
            return (c == '-' || c == '*' || c == '•' || c == '–' || c == '—') && p + 1 < end[i]
                    && isBlank(text.charAt(p + 1));
        }

        /** Whether the break after line {@code i} is wrapping (both lines non-blank; see the class description). */
        boolean wraps(int i) {
            if (blank(i) || blank(i + 1) || indent[i + 1] > indent[i] || bullet(i + 1)) return false;
            return full(i) || Character.isLowerCase(first(i + 1));
        }

        boolean looksWrapped() {
            if (width > MAX_WRAP_WIDTH) return false;
            int inner = 0, afterFull = 0, lowerNext = 0;
            for (int i = 0; i + 1 < count(); i++) {
                if (blank(i) || blank(i + 1)) continue;
                inner++;
                if (full(i)) afterFull++;
                if (Character.isLowerCase(first(i + 1))) lowerNext++;
            }
            return inner >= 2 && afterFull >= 0.6 * inner && lowerNext >= 0.2 * inner;
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t' || c == '\u00a0' || c == '\f' || c == '\u000b';
        }
    }
}
