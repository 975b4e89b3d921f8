package org.stancekit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.stancekit.actors.Actor;
import org.stancekit.actors.ActorLexicon;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * jqwik generators of hostile news-like text for the property tests ({@code *Properties}) and {@code scripts/fuzz}:
 * news words, every actor name of the default lexicon (aliases, leaders, demonym + official noun), quotes, periods,
 * abbreviations, line breaks and odd whitespace, emoji and other surrogate pairs, unpaired surrogates, NUL and other
 * controls, right-to-left text, and raw random chars and code points. All text is written for the tests.
 */
public final class NewsArbitraries {
    private NewsArbitraries() {}

    private static final String[] WORDS = {
            "the", "a", "of", "and", "to", "in", "on", "said", "says", "minister", "talks", "summit", "sanctions",
            "troops", "border", "ceasefire", "aid", "agreed", "rejected", "condemned", "praised", "warned", "accused",
            "welcomed", "called", "not", "never", "did", "would", "after", "before", "while", "but", "The", "It",
            "He", "She", "They", "In", "But", "A", "This", "officials", "government", "forces", "envoy", "deal",
            "president", "President", "Prime", "Minister", "talks", "vote", "tariffs", "exports", "grain", "port",
            "us", "it", "may", "china", "turkey", "georgia", "chad", "jordan", "Washington Post", "South China Sea",
            "anti-American", "pro-Russian", "Chinese restaurant", "NATO-led", "EU-wide", "don't", "won't", "it's",
            "3.5", "1,200", "$4.2bn", "16/5/2024", "10%", "No. 10", "www.nato.int", "e-mail@example.org",
    };

    private static final String[] PUNCTUATION = {
            ".", ".", ".", "!", "?", "?!", "...", "\u2026", ",", ";", ":", "-", "\u2013", "\u2014", "(", ")", "[", "]",
            "\"", "'", "\u2018", "\u2019", "\u201C", "\u201D", "\u00AB", "\u00BB", "\u201E", "'s", "\u2019s", "s'",
            "\".", ".\"", ",\"", "?\"", "!)", ".)", "\u3002", "\uFF1F", "\u061F", "\u06D4", "\u203C",
            "U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "Mr.", "Mrs.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.", "St.",
            "Inc.", "Corp.", "Jan.", "Sept.", "a.m.", "p.m.", "e.g.", "i.e.", "vs.", "No.", "J.", "R.", "1.", "12.",
            "iv.", "Ph.D.", "etc.", "Calif.",
    };

    private static final String[] SPACES = {
            " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u00A0", "\u2009", "\u3000", "\u2028", "\u2029",
            "\u0085", "\u000B", "\u000C", "\u200B", "\uFEFF",
    };

    private static final String[] ODD = {
            "\u0000", "\u0000\u0000", "\u0001", "\u0007", "\u001B", "\u007F", "\u009F", "\u00AD", "\u200D", "\u200E",
            "\u200F", "\u202E", "\u2066", "\uFFFD", "\uFFFF", "\uFFFE",
            "\uD83D\uDE00", "\uD83C\uDDFA\uD83C\uDDF8", "\uD83D\uDC4D\uD83C\uDFFD", "\uD83D\uDC68\u200D\uD83D\uDC69",
            "\uD835\uDC00", "\uD840\uDC00", "\uDBFF\uDFFF",
            "\uD800", "\uDC00", "\uDBFF", "\uDFFF", "\uDC00\uD800", // unpaired or reversed surrogates
            "\u0645\u0635\u0631 \u0648\u0627\u0644\u0633\u0639\u0648\u062F\u064A\u0629",
            "\u05D9\u05E9\u05E8\u05D0\u05DC",
            "\u4E2D\u56FD", "\u65E5\u672C\u653F\u5E9C", "\u00E9", "e\u0301", "\u0130", "\u0131", "\u00DF", "\uFB01",
            "\u0391\u03B8\u03AE\u03BD\u03B1", "\u041C\u043E\u0441\u043A\u0432\u0430",
    };

    private static volatile List<String> actorPhrases;

    /** Every phrase of the default lexicon that names (or blocks) an actor, plus demonyms before official nouns. */
    public static List<String> actorPhrases() {
        if (actorPhrases == null) {
            Set<String> out = new LinkedHashSet<>();
            String[] nouns = {"President", "officials", "government", "forces", "foreign ministry", "restaurant",
                    "prime minister", "navy ships"};
            int k = 0;
            for (Actor a : ActorLexicon.loadDefault().actors()) {
                out.addAll(a.aliases());
                out.addAll(a.leaders());
                for (String d : a.demonyms()) {
                    out.add(d);
                    out.add(d + " " + nouns[k++ % nouns.length]);
                }
            }
            actorPhrases = List.copyOf(out);
        }
        return actorPhrases;
    }

    /** One fragment: a word, an actor name, punctuation or an abbreviation, whitespace, an odd char, or raw noise. */
    public static Arbitrary<String> fragment() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of(WORDS)),
                Tuple.of(8, Arbitraries.of(actorPhrases())),
                Tuple.of(7, Arbitraries.of(PUNCTUATION)),
                Tuple.of(4, Arbitraries.of(SPACES)),
                Tuple.of(3, Arbitraries.of(ODD)),
                Tuple.of(1, Arbitraries.chars().all().map(String::valueOf)), // any UTF-16 unit, lone surrogates too
                Tuple.of(1, Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                        .filter(cp -> cp < 0xD800 || cp > 0xDFFF).map(Character::toString)));
    }

    /** News-like text: up to {@code maxFragments} fragments joined mostly with spaces, sometimes with nothing. */
    public static Arbitrary<String> newsText(int maxFragments) {
        return Combinators.combine(fragment().list().ofMaxSize(maxFragments),
                        Arbitraries.of(" ", " ", " ", "", "\n", "\u00A0"))
                .as((parts, sep) -> String.join(sep, parts));
    }

    /** Arbitrary strings: any UTF-16 units (unpaired surrogates and controls included), or any code points. */
    public static Arbitrary<String> anyUnicode() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.integers().between(0, Character.MAX_CODE_POINT).list().ofMaxSize(150)
                        .map(cps -> {
                            StringBuilder sb = new StringBuilder();
                            for (int cp : cps) sb.appendCodePoint(cp);
                            return sb.toString();
                        }));
    }

    /** The mix the properties use: mostly news-like text, some arbitrary Unicode. */
    public static Arbitrary<String> hostileText() {
        return Arbitraries.frequencyOf(Tuple.of(4, newsText(80)), Tuple.of(1, anyUnicode()));
    }

    /**
     * Runs {@code body}; a failure is reported with {@code input} as a Java string literal (every char outside
     * printable ASCII escaped), so that a counter-example found by {@code scripts/fuzz} can be pasted into a
     * regression test as it is (jqwik's own report does not show control chars and lone surrogates exactly).
     */
    public static void check(String input, Runnable body) {
        try {
            body.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("failed on input " + javaLiteral(input) + ": " + e, e);
        }
    }

    /** {@code s} as a Java string literal. */
    public static String javaLiteral(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c == '\n') sb.append("\\n"); // a unicode escape of LF or CR would end the line in javac
            else if (c == '\r') sb.append("\\r");
            else if (c >= 0x20 && c < 0x7F) sb.append(c);
            else sb.append(String.format("\\u%04X", (int) c));
        }
        return sb.append('"').toString();
    }

    /** Whole "articles": several lines of news-like text (for the scorer). */
    public static Arbitrary<String> article() {
        return newsText(40).list().ofMinSize(1).ofMaxSize(5).map(lines -> String.join("\n", new ArrayList<>(lines)));
    }
}
