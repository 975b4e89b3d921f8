package org.stancekit.text;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class TokenizerTest {

    private final Tokenizer tokenizer = new Tokenizer();

    private List<String> words(String text) {
        List<Token> tokens = tokenizer.tokenize(text);
        assertInvariants(text, tokens);
        return tokens.stream().map(Token::text).toList();
    }

    /** Tokens in order, disjoint, non-empty, equal to their substring, never whitespace, never cutting a pair. */
    static void assertInvariants(String text, List<Token> tokens) {
        String norm = Normalizer.normalize(text);
        int prevEnd = 0;
        for (Token t : tokens) {
            Supplier<String> where = () -> t + " in " + SentenceSplitterGoldenTest.abbreviate(text);
            assertTrue(t.start() >= prevEnd, where);
            assertTrue(t.end() > t.start() && t.end() <= text.length(), where);
            assertEquals(text.substring(t.start(), t.end()), t.text(), where);
            assertFalse(SentenceSplitterTest.cutsPair(text, t.start()) || SentenceSplitterTest.cutsPair(text, t.end()),
                    () -> "cuts a surrogate pair: " + where.get());
            for (int k = t.start(); k < t.end(); k++) {
                if (Normalizer.isSpace(norm.charAt(k))) fail("whitespace inside token: " + where.get());
            }
            for (int k = prevEnd; k < t.start(); k++) {
                if (!Normalizer.isSpace(norm.charAt(k))) fail("char " + k + " dropped before " + where.get());
            }
            prevEnd = t.end();
        }
        for (int k = prevEnd; k < text.length(); k++) {
            if (!Normalizer.isSpace(norm.charAt(k))) fail("char " + k + " dropped at the end");
        }
    }

    @Test
    void emptyInput() {
        assertTrue(tokenizer.tokenize(null).isEmpty());
        assertTrue(tokenizer.tokenize("").isEmpty());
        assertTrue(tokenizer.tokenize(" \t\r\n\u00A0\u200B").isEmpty());
    }

    @Test
    void splitsPunctuationOffWords() {
        assertEquals(List.of("\"", "We", "will", "respond", ",", "\"", "the", "minister", "said", "."),
                words("\"We will respond,\" the minister said."));
        assertEquals(List.of("(", "Reuters", ")", "-", "Talks", "failed", ";", "why", "?"),
                words("(Reuters) - Talks failed; why?"));
        assertEquals(List.of("Wait", "...", "what", "?!"), words("Wait... what?!"));
    }

    @Test
    void possessivesAndContractions() {
        assertEquals(List.of("China", "'s", "navy"), words("China's navy"));
        assertEquals(List.of("China", "\u2019s", "navy"), words("China\u2019s navy"));
        assertEquals(List.of("NATO", "'S", "CHIEF"), words("NATO'S CHIEF"));
        assertEquals(List.of("We", "do", "n't", "know", "and", "they", "ca", "n't", "say"),
                words("We don't know and they can't say"));
        assertEquals(List.of("Do", "n\u2019t"), words("Don\u2019t"));
        assertEquals(List.of("They", "'re", "sure", "we", "'ll", "go", "and", "I", "'m", "in"),
                words("They're sure we'll go and I'm in"));
        assertEquals(List.of("O'Brien", "'s", "allies", "'", "concerns"), words("O'Brien's allies' concerns"));
        assertEquals(List.of("the", "U.S.", "'s", "role"), words("the U.S.'s role"));
        assertEquals(List.of("the", "1990", "'s"), words("the 1990's"));
    }

    @Test
    void abbreviationsKeepTheirPeriods() {
        assertEquals(List.of("U.S.", "and", "U.N.", "officials", ",", "e.g.", "Mr.", "Li", ",", "met", "."),
                words("U.S. and U.N. officials, e.g. Mr. Li, met."));
        assertEquals(List.of("Gen.", "Mark", "A.", "Ruiz", "arrived", "at", "10", "a.m.", "on", "Jan.", "6", "."),
                words("Gen. Mark A. Ruiz arrived at 10 a.m. on Jan. 6."));
        assertEquals(List.of("Sen.", "Jane", "Doe", "(", "D-Calif.", ")", "spoke", "."),
                words("Sen. Jane Doe (D-Calif.) spoke."));
        assertEquals(List.of("No.", "10", "said", "no", "."), words("No. 10 said no."));
        assertEquals(List.of("U.S.", "-", "led", "talks"), words("U.S.-led talks"));
        assertEquals(List.of("It", "ended", "in", "2024", "."), words("It ended in 2024."));
        assertEquals(List.of("sanctions", "etc", "...."), words("sanctions etc...."));
    }

    @Test
    void numbers() {
        assertEquals(List.of("3.5", "1,200", "16/5/2024", "10%", "$", "1.2", "billion", "10:30", "2024.05.16"),
                words("3.5 1,200 16/5/2024 10% $1.2 billion 10:30 2024.05.16"));
        assertEquals(List.of("1,200,000", "troops", ",", "12", ",", "34", "and", "52-48", "."),
                words("1,200,000 troops, 12,34 and 52-48."));
        assertEquals(List.of("rose", "2.5", "%", "?"), words("rose 2.5 % ?"));
        assertEquals(List.of("\u2212", "5", "degrees"), words("\u22125 degrees"));
    }

    @Test
    void hyphensUrlsAndEmails() {
        assertEquals(List.of("anti-American", "and", "pro-Russian", "rallies", "\u2014", "again", "-", "-", "ended"),
                words("anti-American and pro-Russian rallies \u2014 again -- ended"));
        assertEquals(List.of("See", "www.nato.int/news", "or", "https://example.org/a?b=1", "."),
                words("See www.nato.int/news or https://example.org/a?b=1."));
        assertEquals(List.of("Write", "to", "press@mfa.example.org", "."), words("Write to press@mfa.example.org."));
        assertEquals(List.of("Russia\u2013Ukraine", "talks"), words("Russia\u2013Ukraine talks"));
    }

    @Test
    void offsetsIntoOriginal() {
        String text = "  \u201CIt\u2019s over,\u201D said Mr.\u00A0Li.\r\n";
        List<Token> tokens = tokenizer.tokenize(text);
        assertInvariants(text, tokens);
        assertEquals(List.of("\u201C", "It", "\u2019s", "over", ",", "\u201D", "said", "Mr.", "Li", "."),
                tokens.stream().map(Token::text).toList());
        Token first = tokens.get(0);
        assertEquals(2, first.start());
        assertEquals(3, first.end());
        Token li = tokens.get(8);
        assertEquals(text.indexOf("Li"), li.start());
        assertEquals(li.start() + 2, li.end());
    }

    @Test
    void unicodeAndEmoji() {
        assertEquals(List.of("Fans", "\uD83C\uDDFA\uD83C\uDDE6", "\uD83D\uDC4D\uD83C\uDFFD", "!"),
                words("Fans \uD83C\uDDFA\uD83C\uDDE6\uD83D\uDC4D\uD83C\uDFFD!"));
        assertEquals(List.of("\u0642\u0627\u0644", "\u0627\u0644\u0648\u0632\u064A\u0631", "."),
                words("\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064A\u0631."));
        assertEquals(List.of("caf\u00E9", "cafe\u0301", "\uD835\uDC00x"), words("caf\u00E9 cafe\u0301 \uD835\uDC00x"));
        assertEquals(List.of("a", "\uD800", "b"), words("a \uD800 b"));
        assertEquals(List.of("zero", "width"), words("zero\u200Bwidth"));
    }

    @Test
    void tokenValidates() {
        assertThrows(IllegalArgumentException.class, () -> new Token("x", 2, 1));
        assertThrows(NullPointerException.class, () -> new Token(null, 0, 0));
    }

    @Test
    void randomStringsKeepInvariants() {
        RandomText random = new RandomText(424242L);
        for (int i = 0; i < 2000; i++) {
            String text = random.next(60);
            try {
                assertInvariants(text, tokenizer.tokenize(text));
            } catch (RuntimeException e) {
                throw new AssertionError("iteration " + i + " threw on " + SentenceSplitterGoldenTest.abbreviate(text), e);
            }
        }
    }

    @Test
    void longInputsComplete() {
        int size = 2 * 1024 * 1024;
        for (String text : new String[]{"a-".repeat(size / 2), "1,".repeat(size / 2), "U.S.".repeat(size / 4),
                "don't ".repeat(size / 6), "http://x".repeat(size / 8), "'".repeat(size)}) {
            assertInvariants(text, tokenizer.tokenize(text));
        }
    }
}
