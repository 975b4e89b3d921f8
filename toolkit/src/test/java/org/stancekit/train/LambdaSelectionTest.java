package org.stancekit.train;

import org.junit.jupiter.api.Test;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.data.LabelledData;
import org.stancekit.data.StanceExample;
import org.stancekit.model.FeatureConfig;
import org.stancekit.model.StanceFeaturizer;
import org.stancekit.model.Task;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LambdaSelectionTest {
    /** TrainerTest's examples with three of every four "against" ones left out (30 favor, 8 against). */
    static List<StanceExample> unbalanced() {
        List<StanceExample> all = TrainerTest.examples(), out = new java.util.ArrayList<>();
        int against = 0;
        for (StanceExample e : all) if (e.label().equals("favor") || against++ % 4 == 0) out.add(e);
        return out;
    }

    private static LambdaSelection.Choice choose(List<Double> grid, long seed) {
        return LambdaSelection.choose(unbalanced(), StanceExample::label, StanceExample::group,
                StanceExample::query, new StanceFeaturizer(FeatureConfig.defaults()),
                LinearParams.defaults().withLambdaGrid(grid), seed);
    }

    @Test
    void anOverwhelmingPenaltyLosesAndTheChoiceIsTheBestScore() {
        LambdaSelection.Choice c = choose(List.of(0.1, 1e6), 42);
        assertEquals(0.1, c.lambda(), "lambda 1e6 flattens every weight: " + c);
        assertTrue(c.macroF1().get(0.1) > 0.9 && c.macroF1().get(1e6) < 0.5, c.toString());
        assertEquals(c, choose(List.of(0.1, 1e6), 42), "deterministic for a seed");
    }

    @Test
    void tiesGoToTheLargerLambda() {
        LambdaSelection.Choice c = choose(List.of(0.01, 0.1, 1.0), 7);
        double best = c.macroF1().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertEquals(best, c.macroF1().get(c.lambda()), 1e-12);
        for (Map.Entry<Double, Double> e : c.macroF1().entrySet()) {
            if (Math.abs(e.getValue() - best) <= 1e-12) assertTrue(e.getKey() <= c.lambda(), c.toString());
        }
    }

    @Test
    void theTrainerRecordsTheChoiceAndAFixedLambdaRecordsNone() {
        LabelledData data = new LabelledData(unbalanced(), List.of(), List.of());
        Trainer.Options fixed = Trainer.Options.defaults(EnumSet.of(Task.STANCE));
        Trainer.Options grid = new Trainer.Options(fixed.tasks(), LinearParams.defaults().withLambdaGrid(
                List.of(0.1, 1e6)), fixed.features(), fixed.seed(), fixed.devSplit(), Map.of(), false, Map.of());
        var info = Trainer.train(data, null, ActorLexicon.loadDefault(), grid, m -> { }).bundle().tasks()
                .get(Task.STANCE).info();
        @SuppressWarnings("unchecked")
        Map<String, Object> sel = (Map<String, Object>) info.get("lambda_selection");
        assertEquals(0.1, ((Number) sel.get("chosen")).doubleValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> hp = (Map<String, Object>) info.get("hyper_parameters");
        assertEquals(0.1, ((Number) hp.get("lambda")).doubleValue(), "the chosen lambda is the one trained with");
        var plain = Trainer.train(data, null, ActorLexicon.loadDefault(), fixed, m -> { }).bundle().tasks()
                .get(Task.STANCE).info();
        assertFalse(plain.containsKey("lambda_selection"));
        @SuppressWarnings("unchecked")
        Map<String, Object> hp2 = (Map<String, Object>) plain.get("hyper_parameters");
        assertEquals(3.0, ((Number) hp2.get("lambda")).doubleValue());
        assertFalse(hp2.containsKey("lambda_grid"));
    }
}
