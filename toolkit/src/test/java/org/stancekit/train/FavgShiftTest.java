package org.stancekit.train;

import org.junit.jupiter.api.Test;
import org.stancekit.model.FeatureConfig;
import org.stancekit.model.SentimentFeaturizer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FavgShiftTest {
    private static final List<String> LABELS = List.of("favor", "against", "neutral");

    @Test
    void raisesAnUnderPredictedScoredLabelAndKeepsNeutralAtZero() {
        // ten favor examples whose favor score trails neutral by 0.5 (arg-max calls them neutral), ten neutral ones
        // where neutral leads by 2, ten clear against ones: an offset in [0.5, 2) on favor (a tie goes to the first label)
        // fixes every favor one
        List<double[]> s = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            s.add(new double[]{0.5, 0, 1.0});
            y.add(0);
            s.add(new double[]{0, 0, 2.0});
            y.add(2);
            s.add(new double[]{0, 3.0, 0});
            y.add(1);
        }
        FavgShift.Choice c = FavgShift.fit(s.toArray(new double[0][]), y.stream().mapToInt(Integer::intValue).toArray(),
                LABELS);
        assertEquals(0.5, c.before(), 1e-9, "favor F1 0, against F1 1");
        assertEquals(1.0, c.after(), 1e-9);
        assertTrue(c.delta()[0] >= 0.5 && c.delta()[0] < 2.0, "favor offset " + c.delta()[0]);
        assertEquals(0.0, c.delta()[2], "neutral is the reference");
        assertEquals(0.0, c.delta()[1], "against is already perfect: no move (ties keep 0)");
    }

    @Test
    void neutralF1DoesNotCountButWithoutNeutralEveryLabelDoes() {
        double[][] s = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}};
        int[] gold = {0, 1, 0, 2}; // one favor called neutral
        double[] zero = new double[3];
        // favor F1 2/3, against 1; neutral's F1 (2/3) left out
        assertEquals((2.0 / 3 + 1) / 2, FavgShift.favg(s, gold, zero, 2), 1e-12);
        // no excluded label: the mean of all three
        assertEquals((2.0 / 3 + 1 + 2.0 / 3) / 3, FavgShift.favg(s, gold, zero, -1), 1e-12);
        assertEquals("favor", FavgShift.reference(List.of("favor", "against")));
        assertEquals("neutral", FavgShift.reference(LABELS));
    }

    @Test
    void chosenOnOutOfFoldScoresDeterministically() {
        // invented sentences: favor is the rarest label and shares words with neutral
        List<String[]> rows = new ArrayList<>();
        String[] places = {"harbour", "library", "stadium", "museum", "station", "bridge", "market", "school"};
        for (String p : places) {
            rows.add(new String[]{"The council will rebuild the " + p + " and residents welcomed it.", "favor"});
            rows.add(new String[]{"The council will rebuild the " + p + " next year.", "neutral"});
            rows.add(new String[]{"The council will rebuild the " + p + " next spring.", "neutral"});
            rows.add(new String[]{"Residents say rebuilding the " + p + " is a waste of money.", "against"});
            rows.add(new String[]{"Rebuilding the " + p + " is a disgrace, residents said.", "against"});
            rows.add(new String[]{"Residents oppose the " + p + " plan and call it wasteful.", "against"});
        }
        Function<String[], String> text = r -> r[0], label = r -> r[1];
        SentimentFeaturizer f = new SentimentFeaturizer(FeatureConfig.defaults());
        LinearParams p = new LinearParams(3, 1, 1e-5, 200).withFavgShift(true);
        FavgShift.Choice a = FavgShift.choose(rows, label, text, text, f, LABELS, p, 7);
        FavgShift.Choice b = FavgShift.choose(rows, label, text, text, f, LABELS, p, 7);
        assertArrayEquals(a.delta(), b.delta(), "same seed, same offsets");
        assertEquals(0.0, a.delta()[2]);
        assertTrue(a.after() >= a.before(), a.before() + " -> " + a.after());
        assertFalse(Double.isNaN(a.before()));
        @SuppressWarnings("unchecked")
        var offsets = (java.util.Map<String, Double>) a.toMap().get("offsets");
        assertEquals(List.of("favor", "against", "neutral"), List.copyOf(offsets.keySet()));
    }

    @Test
    void offByDefaultAndKeptByTheOtherSetters() {
        assertFalse(LinearParams.defaults().favgShift());
        assertFalse(new LinearParams(3, 1, 1e-5, 500, List.of(1.0), true).favgShift(), "the constructor before it");
        LinearParams on = LinearParams.defaults().withFavgShift(true);
        assertTrue(on.withLambda(1).withBalanceLabels(true).withLambdaGrid(List.of(1.0, 3.0)).favgShift());
    }
}
