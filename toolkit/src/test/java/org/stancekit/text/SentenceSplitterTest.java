package org.stancekit.text;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    /**
     * Checks every documented invariant of {@link SentenceSplitter#split}: spans within bounds, non-empty, in order,
     * non-overlapping, text equal to the original substring, trimmed, not cutting a surrogate pair, and every
     * non-whitespace char covered by some span.
     */
    static void assertInvariants(String text, List<TextSpan> spans) {
        assertNotNull(spans);
        String norm = Normalizer.normalize(text);
        int prevEnd = 0;
        for (int i = 0; i < spans.size(); i++) {
            TextSpan span = spans.get(i);
            assertNotNull(span);
            int index = i;
            Supplier<String> where = () -> "span " + index + " " + span.start() + ".." + span.end() + " of "
                    + SentenceSplitterGoldenTest.abbreviate(text);
            assertTrue(span.start() >= prevEnd, () -> "overlap or out of order: " + where.get());
            assertTrue(span.end() > span.start(), () -> "empty: " + where.get());
            assertTrue(span.end() <= text.length(), () -> "out of bounds: " + where.get());
            assertEquals(text.substring(span.start(), span.end()), span.text(), where);
            assertFalse(Normalizer.isSpace(norm.charAt(span.start())), () -> "not trimmed at start: " + where.get());
            assertFalse(Normalizer.isSpace(norm.charAt(span.end() - 1)), () -> "not trimmed at end: " + where.get());
            assertFalse(Character.isWhitespace(span.text().charAt(0)), () -> "leading whitespace: " + where.get());
            assertFalse(Character.isWhitespace(span.text().charAt(span.text().length() - 1)),
                    () -> "trailing whitespace: " + where.get());
            assertFalse(cutsPair(text, span.start()), () -> "splits a surrogate pair at start: " + where.get());
            assertFalse(cutsPair(text, span.end()), () -> "splits a surrogate pair at end: " + where.get());
            for (int k = prevEnd; k < span.start(); k++) {
                if (!Normalizer.isSpace(norm.charAt(k))) fail("char " + k + " not covered: " + where.get());
            }
            prevEnd = span.end();
        }
        for (int k = prevEnd; k < text.length(); k++) {
            if (!Normalizer.isSpace(norm.charAt(k))) {
                fail("char " + k + " after the last span not covered in "
                        + SentenceSplitterGoldenTest.abbreviate(text));
            }
        }
    }

    /** Whether offset {@code k} falls between the two halves of a valid surrogate pair. */
    static boolean cutsPair(String text, int k) {
        return k > 0 && k < text.length() && Character.isHighSurrogate(text.charAt(k - 1))
                && Character.isLowSurrogate(text.charAt(k));
    }

    private List<String> texts(String text) {
        return splitter.split(text).stream().map(TextSpan::text).toList();
    }

    @Test
    void emptyNullAndBlankGiveNoSentences() {
        assertTrue(splitter.split(null).isEmpty());
        assertTrue(splitter.split("").isEmpty());
        assertTrue(splitter.split(" \t\n\r\n \u00A0\u200B\u3000 ").isEmpty());
    }

    @Test
    void offsetsPointIntoTheOriginalText() {
        String text = "  \u201CWe will respond,\u201D the spokesman said.\r\n\r\nMr.\u00A0Li\u2019s visit \u2014 "
                + "the first since 2019 \u2014 ended.\tIt was brief!  ";
        List<TextSpan> spans = splitter.split(text);
        assertEquals(3, spans.size(), spans::toString);
        assertEquals(2, spans.get(0).start());
        assertEquals(text.indexOf("Mr."), spans.get(1).start());
        assertEquals(text.indexOf("ended.") + "ended.".length(), spans.get(1).end());
        assertEquals("It was brief!", spans.get(2).text());
        for (TextSpan span : spans) assertEquals(text.substring(span.start(), span.end()), span.text());
        assertInvariants(text, spans);
    }

    @Test
    void spansAreOrderedAndDisjoint() {
        String text = "One. Two! Three? \"Four.\" (Five.) Six...\nSeven\n\nEight. 9 is a number.";
        List<TextSpan> spans = splitter.split(text);
        assertEquals(List.of("One.", "Two!", "Three?", "\"Four.\"", "(Five.)", "Six...", "Seven", "Eight.",
                "9 is a number."), spans.stream().map(TextSpan::text).toList());
        assertInvariants(text, spans);
    }

    @Test
    void resultIsUnmodifiable() {
        List<TextSpan> spans = splitter.split("A. B.");
        assertThrows(UnsupportedOperationException.class, () -> spans.add(new TextSpan(0, 0, "")));
    }

    @Test
    void surrogatePairsAreNeverSplit() {
        String text = "Great \uD83D\uDE00. Next \uD83D\uDE00! \uD83D\uDE00\uD83D\uDE00 Done \uD83C\uDDFA\uD83C\uDDE6.";
        List<TextSpan> spans = splitter.split(text);
        assertInvariants(text, spans);
        assertEquals(List.of("Great \uD83D\uDE00.", "Next \uD83D\uDE00! \uD83D\uDE00\uD83D\uDE00 Done \uD83C\uDDFA\uD83C\uDDE6."),
                spans.stream().map(TextSpan::text).toList());
    }

    @Test
    void unpairedSurrogatesAndNulDoNotBreakAnything() {
        String text = "\uD800Broken\u0000 text. More\uDC00 text.\uDBFF";
        List<TextSpan> spans = splitter.split(text);
        assertInvariants(text, spans);
        assertEquals(List.of("\uD800Broken\u0000 text.", "More\uDC00 text.\uDBFF"),
                spans.stream().map(TextSpan::text).toList());
    }

    @Test
    void abbreviationRules() {
        assertEquals(List.of("Sanctions on the U.S.", "The move was expected."),
                texts("Sanctions on the U.S. The move was expected."));
        assertEquals(List.of("Sanctions on the U.S. Treasury were expected."),
                texts("Sanctions on the U.S. Treasury were expected."));
        assertEquals(List.of("Mr. Smith met Gen. Lee."), texts("Mr. Smith met Gen. Lee."));
        assertEquals(List.of("It is No. 1 again."), texts("It is No. 1 again."));
        assertEquals(List.of("Prof. J. K. Rowe (Ph.D.) spoke."), texts("Prof. J. K. Rowe (Ph.D.) spoke."));
    }

    @Test
    void isThreadSafe() {
        String text = "The U.S. envoy met Mr. Li at 10 a.m. on Jan. 6. It went well! \"Good,\" he said. ".repeat(50);
        List<TextSpan> expected = splitter.split(text);
        IntStream.range(0, 64).parallel().forEach(i -> assertEquals(expected, splitter.split(text)));
    }

    @Test
    void twoMegabyteSingleLineCompletes() {
        String unit = "The U.S. envoy met Mr. Li at 10 a.m. on Jan. 6 in St. Petersburg. It went well! "
                + "\"Is this the end?\" she asked. Growth hit 2.5 percent... and www.nato.int was down. ";
        String text = unit.repeat(2 * 1024 * 1024 / unit.length() + 1);
        assertTrue(text.length() >= 2 * 1024 * 1024);
        List<TextSpan> spans = splitter.split(text);
        assertEquals(4 * (text.length() / unit.length()), spans.size());
        assertInvariants(text, spans);
    }

    @Test
    void pathologicalLongInputsComplete() {
        int size = 2 * 1024 * 1024;
        String[] inputs = {
                ".".repeat(size), "a.".repeat(size / 2), "A. ".repeat(size / 3), "U.S. ".repeat(size / 5),
                "x".repeat(size), " ".repeat(size) + "end.", "\"".repeat(size), "1. ".repeat(size / 3),
                "a".repeat(size) + ". The", "Mr.".repeat(size / 3), "U.S. The ".repeat(size / 9),
        };
        for (String text : inputs) assertInvariants(text, splitter.split(text));
    }

    @Test
    void randomStringsKeepInvariants() {
        RandomText random = new RandomText(20240516L);
        for (int iteration = 0; iteration < 2000; iteration++) {
            String text = random.next(60);
            List<TextSpan> spans;
            try {
                spans = splitter.split(text);
            } catch (RuntimeException e) {
                throw new AssertionError("iteration " + iteration + " threw on "
                        + SentenceSplitterGoldenTest.abbreviate(text), e);
            }
            assertInvariants(text, spans);
        }
    }

    @Test
    void textSpanValidates() {
        assertThrows(IllegalArgumentException.class, () -> new TextSpan(3, 2, ""));
        assertThrows(IllegalArgumentException.class, () -> new TextSpan(-1, 2, "ab"));
        assertThrows(NullPointerException.class, () -> new TextSpan(0, 0, null));
        TextSpan span = TextSpan.of("Hello world", 6, 11);
        assertEquals("world", span.text());
        assertEquals(5, span.length());
        assertEquals(new TextSpan(6, 11, "world"), span);
    }
}
