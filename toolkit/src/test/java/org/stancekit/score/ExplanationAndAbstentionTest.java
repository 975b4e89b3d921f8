package org.stancekit.score;

import org.junit.jupiter.api.Test;
import org.stancekit.BadInputException;
import org.stancekit.TestModels;
import org.stancekit.model.LinearClassifier;
import org.stancekit.model.Prediction;
import org.stancekit.model.StanceQuery;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplanationAndAbstentionTest {
    static final List<String> STANCE = List.of("favor", "against", "neutral");
    static final String AGAINST = "The minister condemned Russia for the brutal and reckless attack on the convoy.";
    static final String FAVOR = "The minister praised Japan for its generous and welcome support for the relief effort.";

    @Test
    void abstentionBelowTheThresholdKeepsTheProbabilities() {
        Prediction p = Prediction.of(STANCE, new double[] {0.5, 0.3, 0.2});
        assertEquals("favor", Abstention.label(p, 0));
        assertEquals("favor", Abstention.label(p, 0.5), "at the threshold the label stands");
        assertEquals(Abstention.UNCERTAIN, Abstention.label(p, 0.51));
        assertTrue(Abstention.isUncertain(p, 0.9));
        assertNull(Abstention.label(null, 0.9));
        StanceResult st = new StanceResult("Chile", List.of(), p);
        assertEquals("uncertain", st.label(0.6));
        assertEquals("favor", st.label(), "the plain label is the arg-max");
        assertEquals(0.5, st.stance().confidence());
        SentenceResult s = new SentenceResult(0, 0, 3, "Hi.", p, List.of(st), false);
        assertEquals("uncertain", s.sentimentLabel(0.75));
        assertNull(new SentenceResult(0, 0, 3, "Hi.", null, List.of(), false).sentimentLabel(0.5));
        for (double bad : new double[] {-0.1, 1.01, Double.NaN}) {
            assertThrows(BadInputException.class, () -> Abstention.check(bad));
        }
        assertEquals(1.0, Abstention.check(1.0));
    }

    @Test
    void explanationsAreOffByDefault() {
        ArticleResult r = TestModels.tinyScorer().score(AGAINST);
        assertNull(r.sentences().get(0).sentimentExplanation());
        assertNull(r.sentences().get(0).stances().get(0).explanation());
    }

    @Test
    void explanationsListTheStrongestSignedContributionsOfTheChosenLabel() {
        Scorer scorer = TestModels.tinyScorer().withExplanations(5);
        for (String[] c : new String[][] {{AGAINST, "Russia", "against"}, {FAVOR, "Japan", "favor"}}) {
            SentenceResult s = scorer.score(c[0]).sentences().get(0);
            StanceResult st = s.stances().stream().filter(x -> x.actor().equals(c[1])).findFirst().orElseThrow();
            assertEquals(c[2], st.label(), c[0]);
            Explanation e = st.explanation();
            assertNotNull(e);
            assertEquals(st.label(), e.label());
            assertEquals(5, e.top().size());
            for (int i = 1; i < e.top().size(); i++) {
                assertTrue(Math.abs(e.top().get(i - 1).value()) >= Math.abs(e.top().get(i).value()), "sorted");
            }
            // on balance the listed features, and all of them, push toward the label the model chose (the single
            // strongest one may push away: a feature common to every sentence often does)
            double top = e.top().stream().mapToDouble(Explanation.Contribution::value).sum();
            assertTrue(top > 0 && top + e.rest() > 0, e.toString());
            // the numbers are the model's own contributions
            @SuppressWarnings("unchecked")
            LinearClassifier<StanceQuery> linear = (LinearClassifier<StanceQuery>) scorer.bundle().stance().get();
            List<org.stancekit.actors.Mention> mine = scorer.matcher().find(s.text()).stream()
                    .filter(m -> m.actor().equals(c[1])).toList();
            List<org.stancekit.actors.Mention> others = scorer.matcher().find(s.text()).stream()
                    .filter(m -> !m.actor().equals(c[1])).toList();
            Map<String, Double> all = linear.explain(new StanceQuery(s.text(), c[1], mine, others), c[2]);
            double total = all.values().stream().mapToDouble(Double::doubleValue).sum();
            double listed = e.top().stream().mapToDouble(Explanation.Contribution::value).sum();
            assertEquals(total, listed + e.rest(), 1e-9);
            for (Explanation.Contribution x : e.top()) {
                assertEquals(all.get(x.feature()), x.value(), 1e-12);
                assertFalse(x.description().isBlank());
            }
            Explanation sw = s.sentimentExplanation();
            assertNotNull(sw);
            assertEquals(s.sentiment().label(), sw.label());
        }
        assertThrows(IllegalArgumentException.class, () -> scorer.withExplanations(-1));
        assertNull(scorer.withExplanations(0).score(AGAINST).sentences().get(0).sentimentExplanation());
    }

    @Test
    void explanationOfOrdersByMagnitudeThenNameAndSumsTheRest() {
        Explanation e = Explanation.of("against", Map.of("u=b", 0.5, "u=a", -0.5, "L1=condemned", 2.0, "u=c", 0.1),
                2, "Russia");
        assertEquals(List.of("L1=condemned", "u=a"), e.top().stream().map(Explanation.Contribution::feature).toList());
        assertEquals("\"condemned\" just before Russia", e.top().get(0).description());
        assertEquals(0.6, e.rest(), 1e-12);
    }

    @Test
    void aFeaturesLexiconDomainCopyIsShownAsTheFeatureItself() {
        Explanation e = Explanation.of("against", Map.of("L1=condemned", 0.7, "L|L1=condemned", 0.8, "u=a", -1.0,
                "F|u=b", 0.2), 2, "Russia");
        assertEquals(List.of("L1=condemned", "u=a"), e.top().stream().map(Explanation.Contribution::feature).toList());
        assertEquals(1.5, e.top().get(0).value(), 1e-12, "shared weight and copy summed");
        assertEquals("\"condemned\" just before Russia", e.top().get(0).description());
        assertEquals(0.2, e.rest(), 1e-12, "a copy alone is listed under its feature's name");
    }

    @Test
    void featureNamesInWords() {
        String[][] cases = {
                {"u=sanctions", "\"sanctions\""},
                {"u=!condemn", "\"condemn\" (negated)"},
                {"b=<s>_the", "\"[start] the\""},
                {"b=<t>_said", "\"US said\""},
                {"b=strikes_</s>", "\"strikes [end]\""},
                {"q=dangerous", "\"dangerous\" inside a quotation"},
                {"lx=NEG", "a strongly negative word"},
                {"lx=!pos", "a negated positive word"},
                {"lxp=3", "3 or more positive words"},
                {"lxn=1", "1 negative word"},
                {"lxn=0", "no negative words"},
                {"lxd=-1", "more negative than positive words"},
                {"L1=condemned", "\"condemned\" just before US"},
                {"R2=<o>", "another actor two words after US"},
                {"L=praised", "\"praised\" before US"},
                {"LB=sharply_criticised", "\"sharply criticised\" just before US"},
                {"Rlx3=neg", "a negative word within 3 words after US"},
                {"C=threat", "\"threat\" in US's clause"},
                {"Clx=POS<", "a strongly positive word before US in its clause"},
                {"TO=against", "\"against\" between US and another actor"},
                {"OT=lx=neg", "a negative word between another actor and US"},
                {"a=US", "the target is US (prior for this actor)"},
                {"a=Israel|u=war", "\"war\" (with Israel as the target)"},
                {"t=quoted", "US is named inside a quotation"},
                {"t=first", "US opens the sentence (subject)"},
                {"t=by", "US follows \"by\" (passive agent)"},
                {"t=absent", "US is not named in the text"},
                {"o=present", "another actor is named"},
                {"zz=unknown", "zz=unknown"},
                {"noequals", "noequals"},
        };
        for (String[] c : cases) assertEquals(c[1], FeatureText.describe(c[0], "US"), c[0]);
        assertEquals("\"condemned\" just before the actor", FeatureText.describe("L1=condemned", null));
    }
}
