package org.stancekit.model;

import org.stancekit.actors.Mention;
import org.stancekit.text.Normalizer;
import org.stancekit.text.Token;
import org.stancekit.text.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A sentence as the features see it: lower-cased word forms, with each target mention collapsed into {@code <t>} and
 * each other actor's mention into {@code <o>}, and per token whether it is negated, inside a quotation, and its clause.
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
    final List<Boolean> negated = new ArrayList<>();
    final List<Boolean> quoted = new ArrayList<>();
    final List<Integer> clause = new ArrayList<>();
    final List<Integer> targetPositions = new ArrayList<>();
    final List<Integer> otherPositions = new ArrayList<>();

    TokenView(String text, List<Mention> targets, List<Mention> others) {
        List<Token> tokens = TOKENIZER.tokenize(text);
        Mention current = null;
        boolean inNegation = false, inQuote = false;
        int clauseId = 0;
        Cursor targetCursor = new Cursor(targets), otherCursor = new Cursor(others);
        for (Token tok : tokens) {
            Mention t = targetCursor.covering(tok), o = t == null ? otherCursor.covering(tok) : null;
            Mention m = t != null ? t : o;
            if (m != null) {
                if (m == current) continue; // one placeholder per mention
                current = m;
                add(t != null ? TARGET : OTHER, inNegation, inQuote, clauseId);
                (t != null ? targetPositions : otherPositions).add(words.size() - 1);
                continue;
            }
            current = null;
            String w = normalize(Normalizer.normalize(tok.text())); // curly quotes, dashes -> ASCII
            if (w.equals("\"") || w.equals("``") || w.equals("''")) {
                inQuote = !inQuote;
                continue;
            }
            if (SCOPE_END.contains(w)) inNegation = false;
            if (CLAUSE_END.contains(w)) clauseId++;
            add(w, inNegation, inQuote, clauseId);
            if (NEGATORS.contains(w)) inNegation = true;
        }
    }

    private void add(String w, boolean neg, boolean quote, int clauseId) {
        words.add(w);
        negated.add(neg);
        quoted.add(quote);
        clause.add(clauseId);
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

    int size() {
        return words.size();
    }

    /** The word with a {@code !} prefix when it is in a negation scope. */
    String marked(int i) {
        return negated.get(i) ? "!" + words.get(i) : words.get(i);
    }

    /** The word's prior valence bucket ({@code pos, neg, POS, NEG}), prefixed {@code !} when negated, or null. */
    String valence(int i) {
        String b = Valence.bucket(words.get(i));
        if (b == null) return null;
        return negated.get(i) ? "!" + b : b;
    }

    static boolean isPunct(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetterOrDigit(w.charAt(i)) || w.charAt(i) == '<') return false;
        }
        return !w.equals("!") && !w.equals("?");
    }
}
