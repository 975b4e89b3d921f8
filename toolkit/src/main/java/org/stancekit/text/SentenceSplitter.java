package org.stancekit.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * News-aware rule-based sentence splitter. Immutable and thread-safe.
 *
 * <p>The text is normalised with {@link Normalizer} (length-preserving, so offsets stay valid) and scanned once,
 * left to right, in linear time; no regular expressions are used. The returned spans cover the text in order,
 * never overlap, are trimmed of surrounding whitespace, are never empty, and carry
 * {@code original.substring(start, end)} as their text. Every non-whitespace char of the input lies in exactly one
 * span (bullets, list numbers and stray symbols stay attached to their sentence).
 *
 * <h2>Boundaries</h2>
 * <ul>
 *   <li><b>Line breaks.</b> Every line break is a boundary (news copy has one paragraph per line; headlines,
 *       datelines and bullets have no final period). Blank lines, {@code \r\n}, {@code \r} and Unicode line
 *       separators included. Trade-off: a sentence hard-wrapped over two lines is split in two.</li>
 *   <li><b>Terminators.</b> After {@code .}, {@code !}, {@code ?}, {@code ...}, {@code …} (and runs such as
 *       {@code ?!}), plus any closing quotes/brackets right after them, when followed by whitespace and then a
 *       sentence start: a letter that is not lower-case (upper-case, or an uncased script such as Arabic or CJK), a
 *       digit, a currency sign, or opening quotes/brackets followed by one of those. Hence {@code "Never!" the
 *       minister shouted.} and {@code Wait... what?} stay whole, and in {@code He said: "No." Then he left.} the
 *       closing quote stays with the first sentence. CJK full stops ({@code 。！？}) split even without a space.</li>
 *   <li><b>Quotations.</b> Quote state is NOT tracked: sentences inside a quotation are split like any other, so
 *       {@code "We are ready. We have always been ready," the general said.} gives {@code "We are ready.} and
 *       {@code We have always been ready," the general said.} Tracking straight quotes is unreliable (multi-paragraph
 *       quotes are left open by convention), and a lost quote state would glue whole paragraphs together.</li>
 * </ul>
 *
 * <h2>No boundary after a single period that ends...</h2>
 * <ul>
 *   <li>a title ("Mr.", "Mrs.", "Dr.", "Gen.", "Lt.", "Col.", "Sen.", "Rep.", "Gov.", "Pres.", "Prof." ...), "vs.",
 *       "e.g.", "i.e.": never a boundary;</li>
 *   <li>"No.", "Art.", "Vol.", "p." ... followed by a digit ("No. 10"); before anything else "No." is a word;</li>
 *   <li>a list marker at the start of a sentence ("1.", "12.", "a.", "iv.");</li>
 *   <li>a weak abbreviation, which may also end a sentence: dotted ones ("U.S.", "U.K.", "U.N.", "E.U.", "D.C.",
 *       "a.m.", "p.m.", "Ph.D."), "Inc.", "Corp.", "Ltd.", "Co.", "Jr.", "Sr.", "St.", "etc.", months ("Jan.",
 *       "Sept."...), AP state abbreviations ("Calif.") and single capital initials ("George W. Bush", "J. R. R."):
 *       a boundary ONLY when the next word is a common sentence starter (The, A, It, He, They, But, In, This...),
 *       or an opening quote/bracket followed by a capital. So "the U.S. President" continues but "sanctions on the
 *       U.S. The move" splits, "at 10 a.m. The meeting" splits but "at 10 a.m. Eastern time" does not. Trade-off: a
 *       sentence ending in "U.S." followed by a sentence opening with a name ("... the U.S. Biden said") is not
 *       split. On a title-case line (a headline such as "China Warns U.S. It Will Respond", where at least 80% of
 *       the words of four or more letters are capitalised) weak abbreviations never split.</li>
 * </ul>
 * Periods not followed by whitespace never split, so decimals (3.5, $1.2), dates (16/5/2024, 2024.05.16), URLs
 * (www.nato.int) and e-mail addresses stay whole.
 */
public final class SentenceSplitter {

    /** Longest word looked at before a period when checking for abbreviations. */
    private static final int MAX_ABBREVIATION = 64;
    /** Longest run of opening quotes/brackets looked through when checking a sentence start. */
    private static final int MAX_OPENERS = 4;

    /** Creates a splitter; it holds no state, so one instance can be shared by all threads. */
    public SentenceSplitter() {
    }

    /**
     * Splits {@code text} into sentences.
     *
     * @param text any string, may be {@code null} or empty
     * @return unmodifiable list of sentence spans into {@code text}, in order; empty for {@code null}, empty or
     *         whitespace-only text. Never throws.
     */
    public List<TextSpan> split(String text) {
        if (text == null || text.isEmpty()) return List.of();
        return Collections.unmodifiableList(new Scan(text).run());
    }

    /** What a single period directly after a word means. */
    private enum PeriodKind { ORDINARY, NEVER_SPLIT, WEAK, NUMBER_PREFIX }

    /** State of one {@link #split} call. */
    private static final class Scan {
        private final String original;
        private final String s;
        private final int n;
        private final List<TextSpan> out = new ArrayList<>();
        private int segStart;
        /** Cache for {@link #isTitleCaseLine}: the last line examined, {@code [lineStart, lineEnd)}. */
        private int lineStart = -1, lineEnd = -1;
        private boolean lineIsTitleCase;

        Scan(String original) {
            this.original = original;
            this.s = Normalizer.normalize(original);
            this.n = s.length();
        }

        List<TextSpan> run() {
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\n') {
                    emit(segStart, i);
                    segStart = ++i;
                    continue;
                }
                if (!isTerminator(c)) {
                    i++;
                    continue;
                }
                int runEnd = i + 1;
                while (runEnd < n && isTerminator(s.charAt(runEnd))) runEnd++;
                int end = runEnd;
                while (end < n && (isCloser(s.charAt(end)) || isTerminator(s.charAt(end)))) end++;
                if (isBoundary(i, runEnd, end)) {
                    emit(segStart, end);
                    segStart = end;
                }
                i = end;
            }
            emit(segStart, n);
            return out;
        }

        /** Adds {@code [a, b)} trimmed of whitespace, unless nothing is left. */
        private void emit(int a, int b) {
            while (a < b && Normalizer.isSpace(s.charAt(a))) a++;
            while (b > a && Normalizer.isSpace(s.charAt(b - 1))) b--;
            if (a < b) out.add(new TextSpan(a, b, original.substring(a, b)));
        }

        /**
         * Whether a sentence ends after the terminator run {@code [runStart, runEnd)} and its closers
         * {@code [runEnd, end)}.
         */
        private boolean isBoundary(int runStart, int runEnd, int end) {
            if (end >= n) return false; // the final segment is emitted anyway
            char next = s.charAt(end);
            if (next == '\n') return false; // the line break is a boundary anyway
            if (next != ' ' && next != '\t') return isCjkTerminator(s.charAt(runEnd - 1));
            int k = end;
            while (k < n && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) k++;
            if (k >= n || s.charAt(k) == '\n') return false;
            if (runEnd - runStart == 1 && s.charAt(runStart) == '.' && end == runEnd) {
                switch (classifyPeriod(runStart)) {
                    case NEVER_SPLIT:
                        return false;
                    case WEAK:
                        return startsSentenceAfterAbbreviation(k);
                    case NUMBER_PREFIX:
                        if (Character.isDigit(s.charAt(k))) return false;
                        break;
                    default:
                        break;
                }
            }
            return startsSentence(k);
        }

        /** Classifies the word directly before the period at {@code p}. */
        private PeriodKind classifyPeriod(int p) {
            int limit = Math.max(segStart, p - MAX_ABBREVIATION);
            int q = p;
            while (q > limit && (Character.isLetter(s.charAt(q - 1)) || s.charAt(q - 1) == '.')) q--;
            if (q == p - MAX_ABBREVIATION) return PeriodKind.ORDINARY; // far too long for an abbreviation
            while (q < p && s.charAt(q) == '.') q++; // "...U.S." -> "U.S"
            if (q == p) {
                // no letters: maybe a numbered-list marker "1." / "12." at the start of the sentence
                int d = p;
                while (d > segStart && p - d < 4 && isAsciiDigit(s.charAt(d - 1))) d--;
                return d < p && p - d <= 3 && onlyBulletsBefore(d) ? PeriodKind.NEVER_SPLIT : PeriodKind.ORDINARY;
            }
            String word = s.substring(q, p);
            if (word.indexOf('.') >= 0) {
                if (!Abbreviations.isDotted(word, 0, word.length())) return PeriodKind.ORDINARY;
                return Abbreviations.dottedKind(word) == Abbreviations.Kind.TITLE
                        ? PeriodKind.NEVER_SPLIT : PeriodKind.WEAK;
            }
            if ((word.length() == 1 || isRoman(word)) && onlyBulletsBefore(q)) return PeriodKind.NEVER_SPLIT;
            switch (Abbreviations.lookup(word)) {
                case TITLE:
                    return PeriodKind.NEVER_SPLIT;
                case WEAK:
                    return PeriodKind.WEAK;
                case NUMBER_PREFIX:
                    return PeriodKind.NUMBER_PREFIX;
                default:
                    break;
            }
            return word.length() == 1 && Character.isUpperCase(word.charAt(0)) ? PeriodKind.WEAK : PeriodKind.ORDINARY;
        }

        /** Whether only whitespace and bullet symbols lie between the segment start and {@code pos}. */
        private boolean onlyBulletsBefore(int pos) {
            for (int j = pos - 1; j >= segStart; j--) {
                char c = s.charAt(j);
                if (!Normalizer.isSpace(c) && !isBullet(c)) return false;
            }
            return true;
        }

        /** Whether a new sentence starts at {@code k} (the first non-blank char after a terminator). */
        private boolean startsSentence(int k) {
            int j = skipOpeners(k);
            if (j >= n) return false;
            int cp = s.codePointAt(j);
            if (Character.isLetter(cp)) return !Character.isLowerCase(cp);
            return Character.isDigit(cp) || Character.getType(cp) == Character.CURRENCY_SYMBOL;
        }

        /** The stricter test used after weak abbreviations such as "U.S." (see the class comment). */
        private boolean startsSentenceAfterAbbreviation(int k) {
            int j = skipOpeners(k);
            if (j >= n) return false;
            boolean starts;
            if (j > k) {
                starts = Character.isUpperCase(s.codePointAt(j));
            } else {
                int w = j;
                while (w < n && w - j <= 12 && isAsciiLetter(s.charAt(w))) w++;
                if (w == j || w - j > 12 || (w < n && Character.isLetter(s.charAt(w)))) return false;
                if (w - j == 1 && w < n && s.charAt(w) == '.') return false; // another initial: "J. R. R."
                starts = Abbreviations.isSentenceStarter(s.substring(j, w));
            }
            return starts && !isTitleCaseLine(k);
        }

        private int skipOpeners(int k) {
            int j = k;
            while (j < n && j - k < MAX_OPENERS && isOpener(s.charAt(j))) j++;
            return j;
        }

        /**
         * Whether the line containing {@code pos} looks like a title-case headline: at least three words of four or
         * more letters, at least 80% of them capitalised. Computed once per line.
         */
        private boolean isTitleCaseLine(int pos) {
            if (pos >= lineStart && pos < lineEnd) return lineIsTitleCase;
            int a = pos;
            while (a > 0 && s.charAt(a - 1) != '\n') a--;
            int b = pos;
            while (b < n && s.charAt(b) != '\n') b++;
            int words = 0, capitalised = 0;
            int j = a;
            while (j < b) {
                if (!Character.isLetter(s.charAt(j))) {
                    j++;
                    continue;
                }
                int w = j;
                while (j < b && Character.isLetter(s.charAt(j))) j++;
                if (j - w >= 4) {
                    words++;
                    if (Character.isUpperCase(s.charAt(w))) capitalised++;
                }
            }
            lineStart = a;
            lineEnd = b;
            lineIsTitleCase = words >= 3 && capitalised * 5 >= words * 4;
            return lineIsTitleCase;
        }
    }

    static boolean isTerminator(char c) {
        switch (c) {
            case '.', '!', '?', '\u2026', '\u203C', '\u2047', '\u2048', '\u2049', '\u061F', '\u06D4':
                return true;
            default:
                return isCjkTerminator(c);
        }
    }

    /** Full-width / ideographic terminators, which end a sentence even without a following space. */
    private static boolean isCjkTerminator(char c) {
        return c == '\u3002' || c == '\uFF01' || c == '\uFF1F' || c == '\uFF61';
    }

    private static boolean isCloser(char c) {
        switch (c) {
            case '"', '\'', ')', ']', '}', '\uFF09', '\u300D', '\u300F':
                return true;
            default:
                return false;
        }
    }

    private static boolean isOpener(char c) {
        switch (c) {
            case '"', '\'', '(', '[', '{', '\u00BF', '\u00A1', '\uFF08', '\u300C', '\u300E':
                return true;
            default:
                return false;
        }
    }

    private static boolean isBullet(char c) {
        switch (c) {
            case '-', '*', '+', '>', '#', '\u2022', '\u00B7', '\u25AA', '\u25E6', '\u2023', '\u25CF', '\u25A0',
                    '\u25A1', '\u2043':
                return true;
            default:
                return false;
        }
    }

    private static boolean isRoman(String w) {
        if (w.length() > 4) return false;
        for (int i = 0; i < w.length(); i++) {
            if ("ivxIVX".indexOf(w.charAt(i)) < 0) return false;
        }
        return true;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
