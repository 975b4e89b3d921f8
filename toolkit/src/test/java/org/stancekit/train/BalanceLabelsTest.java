package org.stancekit.train;

import org.junit.jupiter.api.Test;
import org.stancekit.model.FeatureConfig;
import org.stancekit.model.LinearClassifier;
import org.stancekit.model.SentimentFeaturizer;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalanceLabelsTest {
    @Test
    void rarerLabelsWeighAsMuchAsTheCommonest() {
        // nine "positive" and one "negative" copy of the same invented sentence: only the counts tell them apart
        List<String> text = new ArrayList<>(), gold = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            text.add("The ferry timetable was published on Monday.");
            gold.add(i < 9 ? "positive" : "negative");
        }
        SentimentFeaturizer f = new SentimentFeaturizer(FeatureConfig.defaults());
        List<String> labels = List.of("positive", "negative");
        LinearClassifier<String> plain = LinearTrainer.train(text, gold, labels, f, new LinearParams(0.01, 1, 1e-6,
                500));
        LinearClassifier<String> balanced = LinearTrainer.train(text, gold, labels, f, new LinearParams(0.01, 1, 1e-6,
                500).withBalanceLabels(true));
        double pPlain = plain.model().probabilities(f.features(text.get(0)))[1];
        double pBalanced = balanced.model().probabilities(f.features(text.get(0)))[1];
        assertEquals(0.1, pPlain, 0.02, "unweighted: the 1-in-10 share");
        assertEquals(0.5, pBalanced, 0.02, "one negative counted nine times");
        assertTrue(new LinearParams(3, 1, 1e-5, 500).withBalanceLabels(true).withLambda(1).balanceLabels(),
                "withLambda keeps the flag");
        assertFalse(LinearParams.defaults().balanceLabels());
    }
}
