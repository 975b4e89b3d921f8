package org.stancekit.model;

import org.stancekit.actors.Mention;
import org.stancekit.text.Normalizer;
import org.stancekit.text.Token;
import org.stancekit.text.Tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A sentence as the features see it: lower-cased word forms, with each target mention collapsed into {@code <t>} and
 * each other actor's mention into {@code <o>}, and per token whether it is negated, inside a quotation, and its clause.
 * Not thread-safe; one per featurization.
 */
final class TokenView {
    static final String TARGET = "<t>", OTHER = "<o>";
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "n't", "without", "nor", "neither",
            "none", "nobody", "nothing", "hardly", "cannot", "refused", "refuses", "refuse", "denied", "denies",
            "deny", "failed", "fails", "fail", "rejected", "rejects", "reject", "lack", "lacks", "against");
    private static final Set<String> SCOPE_END = Set.of(".", ",", ";", ":", "!", "?", "but", "however", "while",
            "whereas", "although", "though", "-", "(", ")");
    private static final Set<String> CLAUSE_END = Set.of(",", ";", ":", "but", "while", "whereas", "although",
            "though", "however", "-", "(", ")", "and", "after", "because", "as", "when");
    private static final Tokenizer TOKENIZER = new Tokenizer();

    final List<String> words = new ArrayList<>();
    final List<Integer> targetPositions = new ArrayList<>();
    final List<Integer> otherPositions = new ArrayList<>();
    private String[] buckets = new String[32];
    private byte[] flags = new byte[32];
    private int[] clauses = new int[32];
    private double[] numbers = new double[32];
    private String[] raws = new String[32];
    private static final byte NEGATED = 1, QUOTED = 2, PUNCT = 4, MARKED_PUNCT = 8;

    TokenView(String text, List<Mention> targets, List<Mention> others) {
        Analysis a = Analysis.of(text);
        Mention current = null;
        boolean inNegation = false, inQuote = false;
        int clauseId = 0;
        Cursor targetCursor = new Cursor(targets), otherCursor = new Cursor(others);
        for (int k = 0; k < a.tokens.length; k++) {
            Token tok = a.tokens[k];
            Mention t = targetCursor.covering(tok), o = t == null ? otherCursor.covering(tok) : null;
            Mention m = t != null ? t : o;
            if (m != null) {
                if (m == current) continue; // one placeholder per mention
                current = m;
                add(t != null ? TARGET : OTHER, null, inNegation, inQuote, clauseId);
                numbers[words.size() - 1] = Double.NaN;
                raws[words.size() - 1] = null;
                (t != null ? targetPositions : otherPositions).add(words.size() - 1);
                continue;
            }
            current = null;
            String w = a.words[k];
            byte role = a.roles[k];
            if ((role & QUOTE_MARK) != 0) {
                inQuote = !inQuote;
                continue;
            }
            if ((role & SCOPE_ENDS) != 0) inNegation = false;
            if ((role & CLAUSE_ENDS) != 0) clauseId++;
            add(w, a.buckets[k], inNegation, inQuote, clauseId);
            numbers[words.size() - 1] = a.numbers[k];
            raws[words.size() - 1] = tok.text();
            if ((role & NEGATOR) != 0) inNegation = true;
        }
    }

    /**
     * What does not depend on the target: the tokens, their normalised forms and valence buckets. A sentence is asked
     * about once for its sentiment and once per actor it names, so each thread keeps the last sentence's analysis.
     */
    private static final byte QUOTE_MARK = 1, SCOPE_ENDS = 2, CLAUSE_ENDS = 4, NEGATOR = 8;

    private static final class Analysis {
        /** Sentences are asked about in batches (all sentiments of an article, then all its stance queries). */
        private static final int CACHED = 256;
        private static final ThreadLocal<Map<String, Analysis>> RECENT = ThreadLocal.withInitial(
                () -> new LinkedHashMap<>(CACHED * 2, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Analysis> eldest) {
                        return size() > CACHED;
                    }
                });
        final Token[] tokens;
        final String[] words, buckets;
        final byte[] roles;
        final double[] numbers;

        private Analysis(String text) {
            tokens = TOKENIZER.tokenize(text).toArray(Token[]::new);
            words = new String[tokens.length];
            buckets = new String[tokens.length];
            roles = new byte[tokens.length];
            numbers = new double[tokens.length];
            for (int k = 0; k < tokens.length; k++) {
                String w = normalize(Normalizer.normalize(tokens[k].text())); // curly quotes, dashes -> ASCII
                words[k] = w;
                numbers[k] = number(tokens[k].text());
                buckets[k] = Valence.bucket(w);
                roles[k] = (byte) ((w.equals("\"") || w.equals("``") || w.equals("''") ? QUOTE_MARK : 0)
                        | (SCOPE_END.contains(w) ? SCOPE_ENDS : 0) | (CLAUSE_END.contains(w) ? CLAUSE_ENDS : 0)
                        | (NEGATORS.contains(w) ? NEGATOR : 0));
            }
        }

        static Analysis of(String text) {
            Map<String, Analysis> recent = RECENT.get();
            Analysis a = recent.get(text);
            if (a == null) {
                a = new Analysis(text);
                recent.put(text, a);
            }
            return a;
        }
    }

    private void add(String w, String bucket, boolean neg, boolean quote, int clauseId) {
        int i = words.size();
        if (i == flags.length) {
            flags = Arrays.copyOf(flags, i * 2);
            buckets = Arrays.copyOf(buckets, i * 2);
            clauses = Arrays.copyOf(clauses, i * 2);
            numbers = Arrays.copyOf(numbers, i * 2);
            raws = Arrays.copyOf(raws, i * 2);
        }
        words.add(w);
        buckets[i] = bucket;
        clauses[i] = clauseId;
        boolean punct = isPunct(w);
        flags[i] = (byte) ((neg ? NEGATED : 0) | (quote ? QUOTED : 0) | (punct ? PUNCT : 0)
                | ((neg ? nonWord(w) : punct) ? MARKED_PUNCT : 0));
    }

    /**
     * Finds the mention covering each token as the tokens advance left to right: mentions sorted by start, one pointer,
     * so a sentence with many mentions costs linear, not quadratic, time.
     */
    private static final class Cursor {
        private final Mention[] sorted;
        private int next;

        Cursor(List<Mention> mentions) {
            sorted = mentions.toArray(Mention[]::new);
            java.util.Arrays.sort(sorted, java.util.Comparator.comparingInt(Mention::start)
                    .thenComparingInt(Mention::end));
        }

        Mention covering(Token tok) {
            while (next < sorted.length && sorted[next].end() <= tok.start()) next++;
            for (int k = next; k < sorted.length && sorted[k].start() < tok.end(); k++) {
                if (sorted[k].end() > tok.start()) return sorted[k];
            }
            return null;
        }
    }

    static String normalize(String token) {
        String w = token.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                w = w.replaceAll("[\\s\\p{Cntrl}]", "_"); // feature names are one line each in the bundle
                break;
            }
        }
        boolean digits = false;
        StringBuilder sb = null;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isDigit(c)) {
                if (sb == null) sb = new StringBuilder(w.substring(0, i));
                if (!digits) sb.append('0');
                digits = true;
            } else {
                digits = false;
                if (sb != null) sb.append(c);
            }
        }
        return sb == null ? w : sb.toString();
    }

    /**
     * The value of a plain number token ("12.3", "1,200", "7%"; "2,5" is not one), or NaN: other words, and whole
     * numbers from 1900 to 2100 without separators, which are more often years than amounts.
     */
    static double number(String raw) {
        String s = raw.endsWith("%") ? raw.substring(0, raw.length() - 1) : raw;
        if (s.isEmpty() || s.length() > 24) return Double.NaN;
        boolean digit = false, point = false, comma = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') digit = true;
            else if (c == '.' && !point && i > 0) point = true;
            else if (c == ',' && !point && i > 0 && digitsAt(s, i + 1, 3)) comma = true;
            else return Double.NaN;
        }
        if (!digit) return Double.NaN;
        double v;
        try {
            v = Double.parseDouble(comma ? s.replace(",", "") : s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
        if (!point && !comma && !raw.endsWith("%") && v >= 1900 && v <= 2100) return Double.NaN;
        return v;
    }

    private static boolean digitsAt(String s, int from, int n) {
        if (from + n > s.length()) return false;
        for (int i = from; i < from + n; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return from + n == s.length() || s.charAt(from + n) == ',' || s.charAt(from + n) == '.';
    }

    /** The token's value as a plain number ({@link #number(String)}), or NaN (placeholders, words). */
    double number(int i) {
        return numbers[i];
    }

    /** The token's text as in the input (case kept), or null for a placeholder. */
    String raw(int i) {
        return raws[i];
    }

    int size() {
        return words.size();
    }

    String word(int i) {
        return words.get(i);
    }

    boolean negated(int i) {
        return (flags[i] & NEGATED) != 0;
    }

    boolean quoted(int i) {
        return (flags[i] & QUOTED) != 0;
    }

    int clause(int i) {
        return clauses[i];
    }

    /** Whether the word is punctuation ({@link #isPunct}). */
    boolean punct(int i) {
        return (flags[i] & PUNCT) != 0;
    }

    /** Whether the word as {@link #marked} writes it is punctuation. */
    boolean markedPunct(int i) {
        return (flags[i] & MARKED_PUNCT) != 0;
    }

    /** The word with a {@code !} prefix when it is in a negation scope. */
    String marked(int i) {
        return negated(i) ? "!" + words.get(i) : words.get(i);
    }

    /** Writes {@link #marked(int)} to the sink. */
    FeatureSink marked(FeatureSink f, int i) {
        if (negated(i)) f.part('!');
        return f.part(words.get(i));
    }

    /** The word's prior valence bucket ({@code pos, neg, POS, NEG}), unmarked, or null. */
    String bucket(int i) {
        return buckets[i];
    }

    /** The word's valence bucket prefixed {@code !} when negated, or null. */
    String valence(int i) {
        String b = buckets[i];
        if (b == null) return null;
        return negated(i) ? "!" + b : b;
    }

    /** Writes {@link #valence(int)} (not null) to the sink. */
    FeatureSink markedBucket(FeatureSink f, int i) {
        if (negated(i)) f.part('!');
        return f.part(buckets[i]);
    }

    static boolean isPunct(String w) {
        return nonWord(w) && !w.equals("!") && !w.equals("?");
    }

    /** No letter, digit or {@code <} (placeholders) in {@code w}. */
    private static boolean nonWord(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetterOrDigit(w.charAt(i)) || w.charAt(i) == '<') return false;
        }
        return true;
    }
}
