package org.stancekit.score;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.stancekit.NewsArbitraries;
import org.stancekit.TestModels;
import org.stancekit.actors.Mention;
import org.stancekit.text.LineBreaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property-based tests (jqwik) of the whole scoring path on generated hostile articles: never an exception,
 * sentences in order with spans into the article, every mention inside its sentence, probabilities that are
 * probabilities.
 */
class ScorerProperties {
    @Provide
    Arbitrary<String> articles() {
        return NewsArbitraries.article();
    }

    @Property
    void scoresAnyArticleConsistently(@ForAll("articles") String text) {
        NewsArbitraries.check(text, () -> {
            Scorer scorer = TestModels.tinyScorer();
            ArticleResult r = scorer.score(new Article("p", null, text, null));
            // the scorer reads a hard-wrapped text's wrapping line breaks as spaces (same length, same offsets)
            String read = LineBreaks.AUTO.apply(text);
            assertEquals(text.length(), read.length());
            int previousEnd = 0;
            for (SentenceResult s : r.sentences()) {
                assertTrue(s.start() >= previousEnd && s.start() < s.end() && s.end() <= text.length(), s::toString);
                assertEquals(read.substring(s.start(), s.end()), s.text());
                assertProbabilities(s.sentiment().probabilities().values());
                for (StanceResult st : s.stances()) {
                    assertTrue(!st.mentions().isEmpty());
                    for (Mention m : st.mentions()) {
                        assertTrue(m.start() >= s.start() && m.end() <= s.end(), () -> m + " inside " + s);
                        assertEquals(read.substring(m.start(), m.end()), m.text());
                    }
                    assertProbabilities(st.stance().probabilities().values());
                }
                previousEnd = s.end();
            }
        });
    }

    private static void assertProbabilities(java.util.Collection<Double> ps) {
        double sum = 0;
        for (double p : ps) {
            assertTrue(p >= 0 && p <= 1 && Double.isFinite(p), "probability " + p);
            sum += p;
        }
        assertEquals(1.0, sum, 1e-6);
    }
}
