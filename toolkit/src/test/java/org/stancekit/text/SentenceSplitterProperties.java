package org.stancekit.text;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.stancekit.NewsArbitraries;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property-based tests (jqwik) of {@link SentenceSplitter} on generated hostile text. The number of tries comes from
 * {@code jqwik.tries.default} ({@code src/test/resources/junit-platform.properties}: 500; {@code scripts/fuzz} raises
 * it).
 */
class SentenceSplitterProperties {
    private final SentenceSplitter splitter = new SentenceSplitter();

    @Provide
    Arbitrary<String> texts() {
        return NewsArbitraries.hostileText();
    }

    @Property
    void offsetsMapBackToTheExactOriginalSubstring(@ForAll("texts") String text) {
        NewsArbitraries.check(text, () -> {
            for (TextSpan span : splitter.split(text)) {
                assertTrue(0 <= span.start() && span.start() < span.end() && span.end() <= text.length(),
                        span::toString);
                assertEquals(text.substring(span.start(), span.end()), span.text());
            }
        });
    }

    @Property
    void sentencesAreInOrderAndNeverOverlap(@ForAll("texts") String text) {
        NewsArbitraries.check(text, () -> {
            int previousEnd = 0;
            for (TextSpan span : splitter.split(text)) {
                assertTrue(span.start() >= previousEnd, () -> "overlap or out of order at " + span);
                previousEnd = span.end();
            }
        });
    }

    /** "Whitespace" as the splitter sees it: after normalisation, where NUL and other controls are blanks too. */
    @Property
    void everyNonWhitespaceCharIsCoveredOnce(@ForAll("texts") String text) {
        NewsArbitraries.check(text, () -> {
            String norm = Normalizer.normalize(text);
            int[] cover = new int[text.length()];
            for (TextSpan span : splitter.split(text)) {
                for (int k = span.start(); k < span.end(); k++) cover[k]++;
            }
            for (int k = 0; k < text.length(); k++) {
                int at = k;
                assertTrue(cover[k] <= 1, () -> "char " + at + " in two sentences");
                if (!Normalizer.isSpace(norm.charAt(k))) assertEquals(1, cover[k], () -> "char " + at + " not covered");
            }
        });
    }

    @Property
    void allDocumentedInvariantsHold(@ForAll("texts") String text) {
        NewsArbitraries.check(text, () -> {
            List<TextSpan> spans = splitter.split(text);
            SentenceSplitterTest.assertInvariants(text, spans);
            assertEquals(spans, splitter.split(text), "deterministic");
        });
    }

    @Property
    void neverThrowsOnArbitraryUnicode(@ForAll String any) {
        NewsArbitraries.check(any, () -> {
            SentenceSplitterTest.assertInvariants(any, splitter.split(any));
        });
    }

    @Property(edgeCases = EdgeCasesMode.NONE) // two parameters: their edge cases alone would use up the tries
    void joiningLinesNeverMergesSentencesAcrossLines(@ForAll("texts") String a, @ForAll("texts") String b) {
        NewsArbitraries.check(a + "\n" + b, () -> {
            String text = a + "\n" + b;
            for (TextSpan span : splitter.split(text)) {
                assertFalse(span.start() < a.length() && span.end() > a.length(),
                        () -> "sentence " + span + " runs over the line break at " + a.length());
            }
        });
    }
}
