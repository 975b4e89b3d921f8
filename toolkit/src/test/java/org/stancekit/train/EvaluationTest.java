package org.stancekit.train;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationTest {
    @Test
    void perClassScoresMacroF1AndConfusion() {
        List<String> labels = List.of("favor", "against", "neutral");
        List<String> gold = List.of("favor", "favor", "against", "neutral", "neutral", "against");
        List<String> pred = List.of("favor", "neutral", "against", "neutral", "favor", "against");
        Evaluation e = Evaluation.of(labels, gold, pred);
        assertEquals(6, e.n());
        assertEquals(4 / 6.0, e.accuracy(), 1e-12);
        // favor: P 1/2 R 1/2; against: P 1 R 1; neutral: P 1/2 R 1/2
        assertEquals(0.5, e.perClass().get("favor").f1(), 1e-12);
        assertEquals(1.0, e.perClass().get("against").f1(), 1e-12);
        assertEquals((0.5 + 1 + 0.5) / 3, e.macroF1(), 1e-12);
        assertEquals(1, e.confusion().get("favor").get("neutral"));
        assertEquals(2, e.perClass().get("neutral").support());
        assertEquals(0.75, e.meanF1("favor", "against"), 1e-12);
        assertTrue(e.toText().contains("macro-F1=0.6667"), e.toText());
    }

    @Test
    void calibrationLowersTheErrorOfOverconfidentScores() {
        // scores that are right 60% of the time but claim ~99%
        int n = 500;
        double[][] s = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = new double[] {5, 0};
            y[i] = i % 5 < 3 ? 0 : 1;
        }
        double t = Calibration.fitTemperature(s, y);
        double before = Calibration.ece(Trainer.softmaxAll(s, 1), y, 10);
        double after = Calibration.ece(Trainer.softmaxAll(s, t), y, 10);
        assertTrue(t > 1, "temperature " + t);
        assertTrue(after < 0.01 && before > 0.3, before + " -> " + after);
    }

    @Test
    void splitsAreSeededStratifiedAndKeepSentencesTogether() {
        List<String[]> items = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            items.add(new String[] {"sentence " + (i / 2), i % 3 == 0 ? "favor" : "against"});
        }
        Splits.Split<String[]> a = Splits.trainDev(items, 0.2, 7, x -> x[0], x -> x[1]);
        Splits.Split<String[]> b = Splits.trainDev(items, 0.2, 7, x -> x[0], x -> x[1]);
        assertEquals(a.dev(), b.dev());
        assertEquals(200, a.train().size() + a.dev().size());
        java.util.Set<String> devSentences = new java.util.HashSet<>();
        a.dev().forEach(x -> devSentences.add(x[0]));
        assertTrue(a.train().stream().noneMatch(x -> devSentences.contains(x[0])), "a sentence straddles the split");
        assertTrue(a.dev().size() >= 30 && a.dev().size() <= 50, "dev size " + a.dev().size());
        int[] folds = Splits.folds(items, 5, 1, x -> x[0], x -> x[1]);
        int[] count = new int[5];
        for (int f : folds) count[f]++;
        for (int c : count) assertTrue(c >= 30 && c <= 50, java.util.Arrays.toString(count));
    }
}
