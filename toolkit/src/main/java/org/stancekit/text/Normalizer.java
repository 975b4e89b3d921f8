package org.stancekit.text;

/**
 * Length-preserving normalisation of news text.
 *
 * <p>{@link #normalize(String)} returns a string of EXACTLY the same length as its input, char for char, so every
 * offset computed on the normalised text is valid in the original. Each char is mapped on its own (with the single
 * exception of {@code \r\n}, see below); the mapping is idempotent ({@code normalize(normalize(s)).equals(normalize(s))}).
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>Input</th><th>Output</th></tr>
 *   <tr><td>single quotes/apostrophes U+2018 U+2019 U+201A U+201B U+2032 U+2035 U+2039 U+203A U+02BC U+FF07</td>
 *       <td>{@code '}</td></tr>
 *   <tr><td>double quotes/guillemets U+201C U+201D U+201E U+201F U+00AB U+00BB U+2033 U+FF02</td><td>{@code "}</td></tr>
 *   <tr><td>hyphens, dashes and minus U+2010..U+2015 U+2212 U+2E3A U+2E3B U+FE58 U+FE63 U+FF0D, and the soft hyphen
 *       U+00AD (so "inter&shy;national" stays one hyphenated token instead of two words)</td><td>{@code -}</td></tr>
 *   <tr><td>any Unicode space separator (NBSP, thin, figure, ideographic space...)</td><td>{@code ' '}</td></tr>
 *   <tr><td>invisible format chars: zero-width U+200B..U+200D, U+2060..U+2064, U+FEFF, bidi marks and embeddings
 *       U+200E U+200F U+061C U+202A..U+202E U+2066..U+206F, U+180E, U+FFF9..U+FFFB</td><td>{@code ' '}</td></tr>
 *   <tr><td>line/paragraph separators: U+2028 U+2029, NEL U+0085, vertical tab, form feed, a lone {@code \r}</td>
 *       <td>{@code \n}</td></tr>
 *   <tr><td>{@code \r} immediately followed by {@code \n} (a CRLF pair)</td><td>{@code ' '} (so a CRLF counts as ONE
 *       line break and a blank CRLF line stays a single blank line)</td></tr>
 *   <tr><td>other C0/C1 control chars incl. NUL and DEL</td><td>{@code ' '}</td></tr>
 *   <tr><td>unpaired surrogates</td><td>U+FFFD</td></tr>
 *   <tr><td>everything else, including {@code \n}, {@code \t}, valid surrogate pairs (emoji), RTL letters and the
 *       ellipsis char U+2026</td><td>unchanged</td></tr>
 * </table>
 *
 * <p>After normalisation the only whitespace chars left are {@code ' '}, {@code '\t'} and {@code '\n'} (every char for
 * which {@link Character#isWhitespace(char)} or {@link Character#isSpaceChar(char)} holds is mapped to one of them).
 * Never throws; {@code null} yields {@code ""}. Thread-safe.
 */
public final class Normalizer {

    /** Replacement for unpaired surrogates. */
    static final char REPLACEMENT = '\uFFFD';

    /** Per-char mapping for every BMP char except surrogates and '\r' (handled in {@link #normalize}). */
    private static final char[] TABLE = buildTable();

    private Normalizer() {
    }

    /**
     * Length-preserving normalisation (see the class comment for the exact mapping).
     *
     * @param text any string, may be {@code null}
     * @return a string of exactly {@code text.length()} chars ({@code ""} for {@code null}); {@code text} itself when
     *         nothing had to change
     */
    public static String normalize(String text) {
        if (text == null) return "";
        final int n = text.length();
        char[] out = null;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char m;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // a valid pair: keep both halves
                    continue;
                }
                m = REPLACEMENT;
            } else if (Character.isLowSurrogate(c)) {
                m = REPLACEMENT; // a low surrogate not preceded by a high one
            } else if (c == '\r') {
                m = i + 1 < n && text.charAt(i + 1) == '\n' ? ' ' : '\n';
            } else {
                m = TABLE[c];
            }
            if (m != c) {
                if (out == null) out = text.toCharArray();
                out[i] = m;
            }
        }
        return out == null ? text : new String(out);
    }

    private static char[] buildTable() {
        char[] t = new char[0x10000];
        for (int c = 0; c < t.length; c++) t[c] = map((char) c);
        return t;
    }

    private static char map(char c) {
        switch (c) {
            case '\t', '\n':
                return c;
            case '\u000B', '\u000C', '\u0085', '\u2028', '\u2029':
                return '\n';
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u2035', '\u2039', '\u203A', '\u02BC', '\uFF07':
                return '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033', '\uFF02':
                return '"';
            case '\u00AD', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u2E3A', '\u2E3B',
                    '\uFE58', '\uFE63', '\uFF0D':
                return '-';
            case '\u061C', '\u180E', '\uFEFF':
                return ' ';
            default:
                break;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return ' '; // remaining C0/C1 controls, DEL, NUL
        if ((c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2060' && c <= '\u2064')
                || (c >= '\u2066' && c <= '\u206F') || (c >= '\uFFF9' && c <= '\uFFFB')) {
            return ' ';
        }
        int type = Character.getType(c);
        if (type == Character.SPACE_SEPARATOR) return ' ';
        if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) return '\n';
        return c;
    }

    /** Whitespace as it can appear in normalised text: {@code ' '}, {@code '\t'} or {@code '\n'}. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }
}
