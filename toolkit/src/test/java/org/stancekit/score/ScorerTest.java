package org.stancekit.score;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.ModelFormatException;
import org.stancekit.TestModels;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.Mention;
import org.stancekit.model.Prediction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScorerTest {
    static final String ARTICLE = "Ukraine thanked the EU for the new aid package while condemning Russia's latest "
            + "missile strikes on Kyiv. The weather in the capital stayed mild all week.\n\n"
            + "Chinese officials said Beijing would send an envoy. Markets were calm.";

    static Scorer scorer() {
        return TestModels.tinyScorer();
    }

    /** Every structural promise of an ArticleResult, checked against the article text. */
    static void assertWellFormed(Scorer scorer, Article article, ArticleResult r) {
        String text = article.text();
        assertEquals(article, r.article());
        int previousEnd = 0;
        org.stancekit.actors.MentionMatcher.Context soFar = new org.stancekit.actors.MentionMatcher.Context();
        for (int i = 0; i < r.sentences().size(); i++) {
            SentenceResult s = r.sentences().get(i);
            assertEquals(i, s.index(), "sentences in order");
            assertTrue(s.start() >= previousEnd && s.end() > s.start() && s.end() <= text.length(), s.toString());
            assertEquals(text.substring(s.start(), s.end()), s.text(), "span maps back to the article");
            previousEnd = s.end();
            assertNotNull(s.sentiment());
            assertEquals(1.0, s.sentiment().probabilities().values().stream().mapToDouble(Double::doubleValue).sum(),
                    1e-9);
            List<String> named = scorer.matcher().find(s.text(), soFar).stream().map(Mention::actor).distinct()
                    .toList();
            assertEquals(named, s.stances().stream().map(StanceResult::actor).toList(),
                    "one stance per actor named, in order of first mention");
            for (StanceResult st : s.stances()) {
                assertFalse(st.mentions().isEmpty());
                for (Mention m : st.mentions()) {
                    assertEquals(st.actor(), m.actor());
                    assertTrue(m.start() >= s.start() && m.end() <= s.end(), "mention inside its sentence: " + m);
                    assertEquals(text.substring(m.start(), m.end()), m.text(), "article offsets: " + m);
                }
                assertEquals(st.stance().label(), st.label());
                assertTrue(st.stance().confidence() > 0 && st.stance().confidence() <= 1);
            }
        }
        assertTrue(text.substring(previousEnd).isBlank(), "every sentence is reported");
    }

    @Test
    void resultStructure() {
        Article article = new Article("a1", "Title", ARTICLE, "2024-05-01");
        ArticleResult r = scorer().score(article);
        assertWellFormed(scorer(), article, r);
        assertEquals("a1", r.id());
        assertEquals(4, r.sentences().size(), r.sentences().toString());
        assertEquals(List.of("Ukraine", "EU", "Russia"),
                r.sentences().get(0).stances().stream().map(StanceResult::actor).toList());
        StanceResult ukraine = r.sentences().get(0).stances().get(0);
        assertEquals(List.of("Ukraine", "Kyiv"), ukraine.mentions().stream().map(Mention::text).toList(),
                "all mentions of the actor in the sentence");
        assertEquals(List.of(), r.sentences().get(1).stances(), "a sentence naming no actor has no stances");
        SentenceResult china = r.sentences().get(2);
        assertEquals(List.of("China"), china.stances().stream().map(StanceResult::actor).toList());
        Mention first = china.stances().get(0).mentions().get(0);
        assertEquals(ARTICLE.indexOf("Chinese officials"), first.start(), "offsets are article offsets");
        assertFalse(r.sentences().stream().anyMatch(SentenceResult::truncated));
    }

    @Test
    void scoringIsDeterministicAndTextOverloadWorks() {
        ArticleResult a = scorer().score(ARTICLE), b = scorer().score(new Article("text", ARTICLE));
        assertEquals(a, b);
        assertEquals("text", a.id());
    }

    @Test
    void emptyArticleHasNoSentences() {
        assertEquals(List.of(), scorer().score("").sentences());
        assertEquals(List.of(), scorer().score(" \n\t ").sentences());
    }

    @Test
    void restrictToKeepsOnlyTheChosenActors() {
        ArticleResult all = scorer().score(ARTICLE);
        ArticleResult only = scorer().restrictTo(List.of("Russia", "China")).score(ARTICLE);
        assertEquals(all.sentences().size(), only.sentences().size());
        for (int i = 0; i < all.sentences().size(); i++) {
            SentenceResult a = all.sentences().get(i), o = only.sentences().get(i);
            assertEquals(a.sentiment(), o.sentiment(), "sentiment does not depend on the restriction");
            List<StanceResult> expected = a.stances().stream()
                    .filter(st -> st.actor().equals("Russia") || st.actor().equals("China")).toList();
            assertEquals(expected, o.stances(), "same predictions, fewer actors");
        }
        assertEquals(List.of("Russia"), only.sentences().get(0).stances().stream().map(StanceResult::actor).toList());
        Scorer none = scorer().restrictTo(List.of());
        assertEquals(all, none.score(ARTICLE), "an empty restriction keeps everything");
        assertEquals(only, scorer().restrictTo(List.of("Russia", "China")).withLexicon(ActorLexicon.loadDefault())
                .score(ARTICLE), "withLexicon keeps the restriction");
    }

    @Test
    void withLexiconUsesTheOtherActors() {
        ActorLexicon custom = ActorLexicon.parse("id\tkind\taliases\tdemonyms\tleaders\n"
                + "Ruritania\tstate\tRuritania|Strelsau\tRuritanian\t\n", "custom");
        Scorer s = scorer().withLexicon(custom);
        String text = "Strelsau condemned Russia's strikes. Ruritanian officials praised the EU.";
        ArticleResult r = s.score(text);
        assertWellFormed(s, new Article("text", text), r);
        assertEquals(List.of("Ruritania"), r.sentences().get(0).stances().stream().map(StanceResult::actor).toList());
        assertEquals(List.of("Ruritania"), r.sentences().get(1).stances().stream().map(StanceResult::actor).toList());
        assertEquals("Ruritanian officials", r.sentences().get(1).stances().get(0).mentions().get(0).text());
        assertEquals(custom, s.bundle().lexicon());
        assertTrue(scorer().bundle().lexicon().contains("Russia"), "the original scorer is unchanged");
    }

    @Test
    void anaphorsNameTheActorNamedEarlierInTheArticle() {
        String text = "NATO leaders met in Vilnius on Tuesday. The alliance agreed to raise its spending target.\n"
                + "The bloc stayed silent.";
        ArticleResult r = scorer().score(text);
        assertWellFormed(scorer(), new Article("text", text), r);
        List<StanceResult> second = r.sentences().get(1).stances();
        assertEquals(List.of("NATO"), second.stream().map(StanceResult::actor).toList());
        StanceResult alliance = second.get(0);
        assertEquals("The alliance", alliance.mentions().get(0).text());
        assertEquals(text.indexOf("The alliance"), alliance.mentions().get(0).start(), "article offsets");
        assertEquals(List.of(), r.sentences().get(2).stances(), "'the bloc' before any bloc is named names nothing");
        assertEquals(List.of(), scorer().score("The alliance agreed to raise its spending target.").sentences().get(0)
                .stances(), "an article that never names NATO");
    }

    /** P(against | actor) in the one-sentence article {@code text}. */
    static double against(ArticleResult r, String actor) {
        return r.sentences().get(0).stances().stream().filter(s -> s.actor().equals(actor)).findFirst()
                .orElseThrow(() -> new AssertionError(actor + " not found in " + r)).stance().probability("against");
    }

    static double favor(ArticleResult r, String actor) {
        return r.sentences().get(0).stances().stream().filter(s -> s.actor().equals(actor)).findFirst()
                .orElseThrow().stance().probability("favor");
    }

    @Test
    void stanceDependsOnTheActorInMultiActorSentences() {
        String[][] cases = {
                {"Ukraine thanked the EU for the new aid package while condemning Russia's latest missile strikes"
                        + " on Kyiv.", "EU", "Russia"},
                {"Japan praised Australia for its steady support but accused China of provoking the crisis.",
                        "Australia", "China"},
                {"The Philippines accused China of ramming its supply boat and thanked Japan for its help.",
                        "Japan", "China"},
        };
        for (String[] c : cases) {
            ArticleResult r = scorer().score(c[0]);
            assertEquals(1, r.sentences().size(), c[0]);
            String friend = c[1], foe = c[2];
            assertTrue(against(r, foe) > against(r, friend) + 0.2,
                    c[0] + ": P(against|" + foe + ")=" + against(r, foe) + " vs P(against|" + friend + ")="
                            + against(r, friend));
            assertTrue(favor(r, friend) > favor(r, foe) + 0.2,
                    c[0] + ": P(favor|" + friend + ")=" + favor(r, friend) + " vs " + favor(r, foe));
        }
    }

    @Test
    void longSentenceIsTruncatedAndStillScored() {
        StringBuilder sb = new StringBuilder("Delegates from Chile");
        for (int i = 0; sb.toString().split("\\s+").length < Scorer.MAX_TOKENS + 150; i++) {
            sb.append(", and the committee members reviewed item ").append(i).append(" of the long agenda");
        }
        sb.append(", while Kenya condemned Russia for the blockade.");
        String text = sb.toString();
        assertTrue(text.split("\\s+").length > Scorer.MAX_TOKENS + 150);
        ArticleResult r = scorer().score(text);
        assertEquals(1, r.sentences().size(), "one long sentence");
        SentenceResult s = r.sentences().get(0);
        assertTrue(s.truncated());
        assertNotNull(s.sentiment());
        assertEquals(List.of("Chile", "Kenya", "Russia"), s.stances().stream().map(StanceResult::actor).toList(),
                "actors beyond the first window are scored too");
        for (StanceResult st : s.stances()) {
            assertNotNull(st.stance());
            assertEquals(text.substring(st.mentions().get(0).start(), st.mentions().get(0).end()),
                    st.mentions().get(0).text(), "mentions keep article offsets");
        }
        assertWellFormed(scorer(), new Article("text", text), r);

        String shortOne = "Kenya condemned Russia for the blockade.";
        assertFalse(scorer().score(shortOne).sentences().get(0).truncated());
    }

    @Test
    void sentenceOfExactlyMaxTokensIsNotTruncated() {
        StringBuilder sb = new StringBuilder("Chile");
        for (int i = 1; i < Scorer.MAX_TOKENS; i++) sb.append(" word");
        String text = sb.toString();
        assertEquals(Scorer.MAX_TOKENS, text.split(" ").length);
        assertFalse(scorer().score(text).sentences().get(0).truncated());
        assertTrue(scorer().score(text + " more").sentences().get(0).truncated());
    }

    static final String[] SENTENCES = {
            "Ukraine thanked the EU for the new aid package.",
            "Russia's latest missile strikes hit Kyiv overnight.",
            "Chinese officials said Beijing would send an envoy to the talks.",
            "Markets were calm and trading was thin.",
            "The US accused Iran of supplying drones to the militia.",
            "NATO praised Finland for its swift accession.",
            "Israeli officials blamed Hamas for the collapse of the truce.",
            "Japan praised Australia for its steady support.",
            "A Chinese restaurant opened on the corner.",
            "The UN Security Council failed again to agree on a resolution.",
            "Egypt and Qatar hosted a new round of negotiations in Cairo.",
            "Turkey blocked the request, citing security concerns.",
            "Putin said Moscow would not retreat.",
            "Brazil welcomed the trade deal with the European Union.",
            "The storm damaged crops across the region.",
            "India and Pakistan exchanged fire along the border.",
    };

    static List<Article> articles(int n) {
        Random random = new Random(7);
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int k = 1 + random.nextInt(6);
            for (int j = 0; j < k; j++) {
                if (j > 0) sb.append(random.nextInt(4) == 0 ? "\n\n" : " ");
                sb.append(SENTENCES[random.nextInt(SENTENCES.length)]);
            }
            out.add(new Article("art-" + i, i % 3 == 0 ? "Title " + i : null, sb.toString(), null));
        }
        return out;
    }

    @Test
    void concurrentScoringGivesTheSingleThreadResults() throws Exception {
        List<Article> articles = articles(200);
        Scorer single = Scorer.load(TestModels.tinyBundle());
        List<ArticleResult> expected = articles.stream().map(single::score).toList();
        for (int i = 0; i < articles.size(); i++) assertWellFormed(single, articles.get(i), expected.get(i));

        Scorer shared = Scorer.load(TestModels.tinyBundle());
        TestModels.assertConcurrentScoringMatches(shared::score, articles, expected, 8, "article");
    }

    @Test
    void scoreAllIsLazyAndInOrder() {
        List<Article> articles = articles(20);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Stream<ArticleResult> results = scorer().scoreAll(articles.stream().peek(a -> seen.add(a.id())));
        assertEquals(List.of(), seen, "nothing is scored before the stream is consumed");
        List<ArticleResult> list = results.toList();
        assertEquals(articles.stream().map(Article::id).toList(), list.stream().map(ArticleResult::id).toList());
        assertEquals(scorer().score(articles.get(5)), list.get(5));
    }

    @Test
    void predictionsAreProbabilityDistributions() {
        for (Article a : articles(30)) {
            for (SentenceResult s : scorer().score(a).sentences()) {
                List<Prediction> ps = new ArrayList<>();
                ps.add(s.sentiment());
                s.stances().forEach(st -> ps.add(st.stance()));
                for (Prediction p : ps) {
                    double sum = p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum();
                    assertEquals(1.0, sum, 1e-9, p.toString());
                    assertEquals(p.probabilities().values().stream().mapToDouble(Double::doubleValue).max()
                            .orElseThrow(), p.confidence(), 0.0, "the label is the arg-max");
                }
            }
        }
    }

    @Test
    void loadFailsClearlyOnAMissingModel(@TempDir Path tmp) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Scorer.load(tmp.resolve("none")));
        assertTrue(e.getMessage().contains("no such model directory"), e.getMessage());
    }

    @Test
    void defaultModelDirFollowsTheSystemProperty(@TempDir Path tmp) {
        String old = System.getProperty(Scorer.MODEL_PROPERTY);
        try {
            System.setProperty(Scorer.MODEL_PROPERTY, TestModels.tinyBundle().toString());
            assertEquals(TestModels.tinyBundle(), Scorer.defaultModelDir());
            assertEquals(scorer().score(ARTICLE), Scorer.loadDefault().score(ARTICLE));
        } finally {
            if (old == null) System.clearProperty(Scorer.MODEL_PROPERTY);
            else System.setProperty(Scorer.MODEL_PROPERTY, old);
        }
    }
}
