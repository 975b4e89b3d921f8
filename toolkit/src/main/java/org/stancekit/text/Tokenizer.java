package org.stancekit.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rule-based word tokenizer for English news text (Penn-Treebank-like). Immutable and thread-safe.
 *
 * <p>The text is normalised with {@link Normalizer} (length-preserving) and scanned once in linear time. Each
 * {@link Token} carries its text exactly as in the ORIGINAL input (curly quotes stay curly) and offsets into it;
 * whitespace is never part of a token.
 *
 * <ul>
 *   <li><b>Words</b> are runs of letters, digits and combining marks, joined across an inner hyphen between
 *       letters/digits ("anti-American", "R-Texas", "52-48"), an inner apostrophe before a letter ("O'Brien"), an
 *       inner period before a letter or digit ("3.5", "U.S", "www.nato.int", "2024.05.16"), an inner {@code @}
 *       (e-mail), a comma in a digit group ("1,200,000"), {@code /} or {@code :} between digits ("16/5/2024",
 *       "10:30"); a {@code %} right after a number stays with it ("10%").</li>
 *   <li><b>Abbreviations</b> keep their final period: dotted ones ("U.S.", "e.g.", "a.m.", "Ph.D."), known ones
 *       ("Mr.", "Gen.", "Jan.", "Inc.", "etc.", "Calif." also after a hyphen as in "D-Calif."), "No." before a
 *       number, and single capital initials ("W."). Trade-off: a sentence-final "U.S." or "Inc." absorbs the
 *       full stop (no separate "." token). "U.S.-led" gives "U.S.", "-", "led".</li>
 *   <li><b>Clitics</b> are split off: "China's" → "China" "'s" (likewise 're 've 'll 'd 'm, any case, straight or
 *       curly apostrophe), "don't" → "do" "n't", "can't" → "ca" "n't"; after an abbreviation: "U.S.'s" → "U.S."
 *       "'s". A trailing plural-possessive apostrophe becomes its own token ("allies'" → "allies" "'").</li>
 *   <li><b>URLs</b> starting with http://, https:// or www. are one token, without trailing punctuation.</li>
 *   <li><b>Punctuation</b> is one token per char, except runs of {@code . ! ?} ("...", "?!"). Every other symbol is
 *       one token per code point (surrogate pairs are never split), keeping following combining marks, emoji
 *       skin-tone modifiers and a second regional indicator (flags) with it.</li>
 * </ul>
 * Never throws; {@code null} or blank text gives an empty list.
 */
public final class Tokenizer {

    private static final Set<String> CLITICS = Set.of("s", "re", "ve", "ll", "d", "m");
    private static final String[] URL_PREFIXES = {"http://", "https://", "www."};
    private static final String URL_TRAILING = ".,;:!?)]}'\"";

    /** Creates a tokenizer; it holds no state, so one instance can be shared by all threads. */
    public Tokenizer() {
    }

    /**
     * Tokenizes {@code text}.
     *
     * @param text any string, may be {@code null}
     * @return unmodifiable list of tokens in text order, non-overlapping, with offsets into {@code text}
     */
    public List<Token> tokenize(String text) {
        if (text == null || text.isEmpty()) return List.of();
        String s = Normalizer.normalize(text);
        int n = s.length();
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Normalizer.isSpace(c)) {
                i++;
                continue;
            }
            int cp = s.codePointAt(i);
            int end;
            if (isWordChar(cp)) {
                end = urlEnd(s, i);
                if (end > i) {
                    out.add(token(text, i, end));
                } else {
                    end = word(text, s, i, out);
                }
            } else if (c == '\'' && (end = cliticAfterPeriod(s, i)) > i) {
                out.add(token(text, i, end));
            } else if (c == '.' || c == '!' || c == '?') {
                end = i + 1;
                while (end < n && (s.charAt(end) == '.' || s.charAt(end) == '!' || s.charAt(end) == '?')) end++;
                out.add(token(text, i, end));
            } else {
                end = symbolEnd(s, cp, i + Character.charCount(cp));
                out.add(token(text, i, end));
            }
            i = end;
        }
        return Collections.unmodifiableList(out);
    }

    private static Token token(String text, int start, int end) {
        return new Token(text.substring(start, end), start, end);
    }

    /** Tokenizes the word starting at {@code i}; returns the end of what was consumed. */
    private static int word(String text, String s, int i, List<Token> out) {
        int n = s.length();
        int j = scanWord(s, i);
        if (j < n && s.charAt(j) == '.' && (j + 1 >= n || s.charAt(j + 1) != '.') && absorbsPeriod(s, i, j)) {
            out.add(token(text, i, j + 1));
            return j + 1;
        }
        int split = cliticSplit(s, i, j);
        if (split > i) {
            out.add(token(text, i, split));
            out.add(token(text, split, j));
        } else {
            out.add(token(text, i, j));
        }
        return j;
    }

    /** End of the word (see the class comment) starting with a word char at {@code i}. */
    private static int scanWord(String s, int i) {
        int n = s.length();
        int j = i;
        boolean prevDigit = false;
        while (j < n) {
            int cp = s.codePointAt(j);
            if (isWordChar(cp)) {
                prevDigit = Character.isDigit(cp);
                j += Character.charCount(cp);
                continue;
            }
            if (j + 1 >= n) break;
            int next = s.codePointAt(j + 1);
            boolean join;
            switch (cp) {
                case '-', '.', '@':
                    join = Character.isLetterOrDigit(next);
                    break;
                case '\'':
                    join = Character.isLetter(next);
                    break;
                case ',':
                    join = prevDigit && isDigitGroup(s, j + 1);
                    break;
                case '/', ':':
                    join = prevDigit && Character.isDigit(next);
                    break;
                default:
                    join = false;
            }
            if (!join) break;
            j++;
        }
        if (prevDigit && j < n && s.charAt(j) == '%') j++;
        return j;
    }

    /** Exactly three digits at {@code k}, not followed by a fourth. */
    private static boolean isDigitGroup(String s, int k) {
        int n = s.length();
        if (k + 3 > n) return false;
        for (int m = k; m < k + 3; m++) {
            if (!Character.isDigit(s.charAt(m))) return false;
        }
        return k + 3 == n || !Character.isDigit(s.charAt(k + 3));
    }

    /** Whether the word {@code [from, period)} keeps the period at {@code period} (an abbreviation). */
    private static boolean absorbsPeriod(String s, int from, int period) {
        int seg = from;
        for (int k = period - 1; k > from; k--) {
            if (s.charAt(k) == '-') {
                seg = k + 1;
                break;
            }
        }
        if (seg >= period) return false;
        if (Abbreviations.isDotted(s, seg, period)) return true;
        for (int k = seg; k < period; k++) {
            if (!Character.isLetter(s.charAt(k))) return false;
        }
        String w = s.substring(seg, period);
        switch (Abbreviations.lookup(w)) {
            case TITLE:
            case WEAK:
                return true;
            case NUMBER_PREFIX:
                int k = period + 1;
                while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) k++;
                return k < s.length() && Character.isDigit(s.charAt(k));
            default:
                return w.length() == 1 && seg == from && Character.isUpperCase(w.charAt(0));
        }
    }

    /** Where to split a clitic off the word {@code [from, to)}, or -1. */
    private static int cliticSplit(String s, int from, int to) {
        if (to - from > 3 && s.charAt(to - 2) == '\'' && (s.charAt(to - 1) == 't' || s.charAt(to - 1) == 'T')
                && (s.charAt(to - 3) == 'n' || s.charAt(to - 3) == 'N')) {
            return to - 3;
        }
        for (int a = to - 2; a > from && a >= to - 3; a--) {
            if (s.charAt(a) == '\'') {
                return CLITICS.contains(s.substring(a + 1, to).toLowerCase(Locale.ROOT)) ? a : -1;
            }
        }
        return -1;
    }

    /** A clitic right after an abbreviation's period ("U.S.'s"): its end, or -1. */
    private static int cliticAfterPeriod(String s, int i) {
        if (i == 0 || s.charAt(i - 1) != '.') return -1;
        int j = i + 1;
        while (j < s.length() && j - i <= 3 && Character.isLetter(s.charAt(j))) j++;
        if (j == i + 1 || (j < s.length() && Character.isLetterOrDigit(s.charAt(j)))) return -1;
        return CLITICS.contains(s.substring(i + 1, j).toLowerCase(Locale.ROOT)) ? j : -1;
    }

    /** End of a URL starting at {@code i}, or -1. */
    private static int urlEnd(String s, int i) {
        if (i > 0 && (s.charAt(i - 1) == '.' || s.charAt(i - 1) == '@' || s.charAt(i - 1) == '/')) return -1;
        int n = s.length();
        for (String prefix : URL_PREFIXES) {
            int p = i + prefix.length();
            if (p < n && s.regionMatches(true, i, prefix, 0, prefix.length())
                    && Character.isLetterOrDigit(s.charAt(p))) {
                int j = p;
                while (j < n && !Normalizer.isSpace(s.charAt(j)) && s.charAt(j) != '"' && s.charAt(j) != '<'
                        && s.charAt(j) != '>') {
                    j++;
                }
                while (j > p && URL_TRAILING.indexOf(s.charAt(j - 1)) >= 0) j--;
                return j;
            }
        }
        return -1;
    }

    /** End of a symbol token starting with {@code cp}, whose first code point ends at {@code end}. */
    private static int symbolEnd(String s, int cp, int end) {
        int n = s.length();
        if (isRegionalIndicator(cp) && end < n && isRegionalIndicator(s.codePointAt(end))) end += 2;
        while (end < n) {
            int next = s.codePointAt(end);
            if (!isMark(next) && !(next >= 0x1F3FB && next <= 0x1F3FF)) break;
            end += Character.charCount(next);
        }
        return end;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || isMark(cp);
    }

    private static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }
}
