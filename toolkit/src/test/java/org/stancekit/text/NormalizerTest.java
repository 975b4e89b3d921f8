package org.stancekit.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalizerTest {

    @Test
    void mapsQuotesDashesAndSpaces() {
        assertEquals("'Tis China's \"red line\" - a 'test'",
                Normalizer.normalize("\u2018Tis China\u2019s \u201Cred line\u201D \u2014 a \u201Btest\u2032"));
        assertEquals("\"Oui\", \"non\" \"ja\"", Normalizer.normalize("\u00ABOui\u00BB, \u201Enon\u201D \u201Cja\u201D"));
        assertEquals("1-2 -5 a-b", Normalizer.normalize("1\u20132 \u22125 a\u2014b"));
        assertEquals("a b c d e", Normalizer.normalize("a\u00A0b\u2009c\u3000d\u202Fe"));
        assertEquals("inter-national", Normalizer.normalize("inter\u00ADnational"));
    }

    @Test
    void zeroWidthAndControlCharsBecomeSpaces() {
        assertEquals("a b c d e f", Normalizer.normalize("a\u200Bb\u200Cc\u200Dd\uFEFFe\u0000f"));
        assertEquals("x y z", Normalizer.normalize("x\u0007y\u007Fz"));
        assertEquals("rtl word ", Normalizer.normalize("rtl\u200Fword\u200E"));
    }

    @Test
    void lineBreaks() {
        assertEquals("a \nb\nc\nd\ne\nf", Normalizer.normalize("a\r\nb\rc\u2028d\u0085e\u000Cf"));
        assertEquals("\n", Normalizer.normalize("\r"));
        assertEquals(" \n \n", Normalizer.normalize("\r\n\r\n"));
        assertEquals("tab\tkept\n", Normalizer.normalize("tab\tkept\n"));
    }

    @Test
    void surrogates() {
        String emoji = "ok \uD83D\uDE00 \uD83C\uDDFA\uD83C\uDDF8";
        assertSame(emoji, Normalizer.normalize(emoji));
        assertEquals("\uFFFDa\uFFFD\uFFFD", Normalizer.normalize("\uD800a\uDC00\uDBFF"));
        assertEquals("\uFFFD\uD83D\uDE00", Normalizer.normalize("\uDC00\uD83D\uDE00"));
        assertEquals("\uD83D\uDE00\uFFFD", Normalizer.normalize("\uD83D\uDE00\uD83D"));
    }

    @Test
    void nullAndUnchangedInput() {
        assertEquals("", Normalizer.normalize(null));
        String plain = "Plain ASCII text, nothing to do.";
        assertSame(plain, Normalizer.normalize(plain));
        String rtl = "\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064A\u0631.";
        assertSame(rtl, Normalizer.normalize(rtl));
    }

    @Test
    void everyCharKeepsLengthAndWhitespaceIsNormalised() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String one = String.valueOf((char) c);
            String out = Normalizer.normalize(one);
            assertEquals(1, out.length(), "length for U+" + Integer.toHexString(c));
            char m = out.charAt(0);
            if (Character.isWhitespace((char) c) || Character.isSpaceChar((char) c)) {
                assertTrue(Normalizer.isSpace(m), "whitespace U+" + Integer.toHexString(c) + " not mapped to space");
            }
            assertTrue(!Character.isWhitespace(m) || Normalizer.isSpace(m),
                    "U+" + Integer.toHexString(c) + " maps to unusual whitespace");
            assertTrue(!Character.isSurrogate(m), "U+" + Integer.toHexString(c) + " left a lone surrogate");
            assertEquals(out, Normalizer.normalize(out), "not idempotent for U+" + Integer.toHexString(c));
        }
    }

    @Test
    void randomStringsKeepLengthAndAreIdempotent() {
        RandomText random = new RandomText(7L);
        for (int i = 0; i < 2000; i++) {
            String text = random.next(80);
            String out = Normalizer.normalize(text);
            assertEquals(text.length(), out.length());
            assertEquals(out, Normalizer.normalize(out));
            for (int k = 0; k < out.length(); k++) {
                char c = out.charAt(k);
                if (Character.isHighSurrogate(c)) {
                    assertTrue(k + 1 < out.length() && Character.isLowSurrogate(out.charAt(k + 1)));
                    assertEquals(text.charAt(k), c);
                    k++;
                } else {
                    assertTrue(!Character.isLowSurrogate(c), "lone low surrogate left");
                }
            }
        }
    }
}
