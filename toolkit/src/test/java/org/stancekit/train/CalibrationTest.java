package org.stancekit.train;

import org.junit.jupiter.api.Test;
import org.stancekit.BadInputException;
import org.stancekit.TestModels;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.MentionMatcher;
import org.stancekit.data.Columns;
import org.stancekit.data.LabelledData;
import org.stancekit.data.TrainingCsv;
import org.stancekit.model.LinearClassifier;
import org.stancekit.model.Task;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Log-loss, the ECE noise floor, cross-fitted temperatures and cross-validation of the calibrated pipeline. */
class CalibrationTest {
    /** The sentiment rows of one of the project's training files (linear training takes about a second). */
    static LabelledData projectSentiment() {
        Path file = TestModels.trainingCsvs().get(0);
        TrainingCsv reader = new TrainingCsv(Columns.defaults(), new MentionMatcher(ActorLexicon.loadDefault()),
                StandardCharsets.UTF_8, w -> { });
        return reader.read(file, Set.of(Task.SENTIMENT));
    }

    @Test
    void logLossIsTheMeanNegativeLogProbabilityOfTheGoldLabel() {
        double[][] p = {{0.5, 0.5}, {0.25, 0.75}, {1.0, 0.0}};
        int[] y = {0, 1, 1};
        assertEquals(-(Math.log(0.5) + Math.log(0.75) + Math.log(1e-12)) / 3, Calibration.logLoss(p, y), 1e-12);
        assertTrue(Double.isNaN(Calibration.logLoss(new double[0][], new int[0])));
    }

    @Test
    void noiseFloorIsZeroForCertainPredictionsAndShrinksWithN() {
        double[][] certain = {{1, 0}, {0, 1}, {0, 1}};
        assertEquals(0, Calibration.expectedNoiseEce(certain, 10, 200, 1), 1e-12);
        // every prediction 0.7 confident: ECE = |accuracy - 0.7|, whose mean is sd·sqrt(2/pi) = 0.026 at n=200
        double small = Calibration.expectedNoiseEce(rows(200, 0.7), 10, 2000, 1);
        double large = Calibration.expectedNoiseEce(rows(5000, 0.7), 10, 500, 1);
        assertEquals(Math.sqrt(0.21 / 200) * Math.sqrt(2 / Math.PI), small, 0.003);
        assertEquals(Math.sqrt(0.21 / 5000) * Math.sqrt(2 / Math.PI), large, 0.001);
        assertEquals(small, Calibration.expectedNoiseEce(rows(200, 0.7), 10, 2000, 1), 0, "seeded");
    }

    private static double[][] rows(int n, double p) {
        double[][] r = new double[n][];
        for (int i = 0; i < n; i++) r[i] = new double[] {p, 1 - p};
        return r;
    }

    @Test
    void methodParsesItsKeysAndRejectsOthers() {
        assertEquals(Calibration.Method.CROSS_FIT, Calibration.Method.parse(" Cross-Fit"));
        assertEquals(Calibration.Method.DEV, Calibration.Method.parse("dev"));
        assertTrue(assertThrows(BadInputException.class, () -> Calibration.Method.parse("oof")).getMessage()
                .contains("dev or cross-fit"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void crossFitFitsTheLinearTemperatureOutOfFoldAndKeepsDevHeldOut() {
        LabelledData data = projectSentiment();
        // a dev split of at least 50 examples, so that a temperature is fitted on it at all
        Trainer.Options dev = new Trainer.Options(EnumSet.of(Task.SENTIMENT), LinearParams.defaults(),
                org.stancekit.model.FeatureConfig.defaults(), 42, 0.2, Map.of(), false, Map.of());
        Trainer.Options cross = dev.withCalibration(Map.of(Task.SENTIMENT, Calibration.Method.CROSS_FIT));
        List<String> devLog = new ArrayList<>(), crossLog = new ArrayList<>();
        Trainer.Result a = Trainer.train(data, null, ActorLexicon.loadDefault(), dev, devLog::add);
        Trainer.Result b = Trainer.train(data, null, ActorLexicon.loadDefault(), cross, crossLog::add);
        Map<String, Object> ia = a.bundle().tasks().get(Task.SENTIMENT).info();
        Map<String, Object> ib = b.bundle().tasks().get(Task.SENTIMENT).info();

        assertTrue(((Number) ((Map<String, Object>) ia.get("examples")).get("dev")).intValue()
                >= Trainer.MIN_CALIBRATION_EXAMPLES);
        assertFalse(ia.containsKey("calibration"), "dev calibration records no cross-fit");
        assertEquals(false, ((Map<String, Object>) ia.get("dev_metrics")).get("ece_held_out"));
        assertTrue(devLog.stream().anyMatch(l -> l.contains("in-sample")), devLog.toString());

        Map<String, Object> cal = (Map<String, Object>) ib.get("calibration");
        assertEquals("cross-fit", cal.get("method"));
        double t = ((Number) cal.get("linear_temperature")).doubleValue();
        var linear = (LinearClassifier<String>) b.bundle().tasks().get(Task.SENTIMENT).classifier();
        assertEquals(t, linear.model().temperature(), 1e-12, "the model carries the cross-fitted temperature");
        var linearDev = (LinearClassifier<String>) a.bundle().tasks().get(Task.SENTIMENT).classifier();
        assertNotEquals(linearDev.model().temperature(), t, "a different temperature than the dev fit");
        int trainN = ((Number) ((Map<String, Object>) ib.get("examples")).get("train")).intValue();
        assertTrue(((String) cal.get("fitted_on")).contains("(" + trainN + " examples; dev not used)"),
                cal.toString());
        assertTrue(((Number) cal.get("out_of_fold_log_loss")).doubleValue()
                <= ((Number) cal.get("out_of_fold_log_loss_before")).doubleValue() + 1e-12, "fitted by log-loss");
        Map<String, Object> dm = (Map<String, Object>) ib.get("dev_metrics");
        assertEquals(true, dm.get("ece_held_out"));
        assertTrue(((Number) dm.get("log_loss")).doubleValue() > 0 && ((Number) dm.get("ece_noise_floor"))
                .doubleValue() > 0, dm.toString());
        assertTrue(crossLog.stream().anyMatch(l -> l.contains("cross-fitted on " + trainN + " out-of-fold")),
                crossLog.toString());
        assertTrue(crossLog.stream().anyMatch(l -> l.contains("held out: no temperature was fitted on dev")),
                crossLog.toString());
        // only the temperature differs: the same weights pick the same labels
        assertEquals(a.dev().get(Task.SENTIMENT).toMap(), b.dev().get(Task.SENTIMENT).toMap());
    }

    @Test
    @SuppressWarnings("unchecked")
    void ensembleWeightByLogLossNeverHasAHigherDevLogLossThanByMacroF1() {
        LabelledData all = TestModels.projectData();
        LabelledData data = new LabelledData(List.of(), all.sentiment(), all.files());
        Trainer.Options f1 = Trainer.Options.defaults(EnumSet.of(Task.SENTIMENT))
                .withBackend(Trainer.Backend.ENSEMBLE, TestModels.tinyNeuralParams());
        Trainer.Options ll = f1.withEnsembleWeight(Map.of(Task.SENTIMENT, Calibration.WeightCriterion.LOG_LOSS));
        List<String> log = new ArrayList<>();
        Map<String, Object> a = Trainer.train(data, null, ActorLexicon.loadDefault(), f1, m -> { }).bundle().tasks()
                .get(Task.SENTIMENT).info();
        Map<String, Object> b = Trainer.train(data, null, ActorLexicon.loadDefault(), ll, log::add).bundle().tasks()
                .get(Task.SENTIMENT).info();
        assertEquals("macro-f1", ((Map<String, Object>) a.get("ensemble_fit")).get("weight_criterion"));
        assertEquals("log-loss", ((Map<String, Object>) b.get("ensemble_fit")).get("weight_criterion"));
        double lossF1 = ((Number) ((Map<String, Object>) a.get("dev_metrics")).get("log_loss")).doubleValue();
        double lossLl = ((Number) ((Map<String, Object>) b.get("dev_metrics")).get("log_loss")).doubleValue();
        // the macro-F1 choice (its weight with its fitted temperature) is one of the pairs log-loss chooses among
        assertTrue(lossLl <= lossF1 + 1e-6, lossLl + " vs " + lossF1);
        assertTrue(log.stream().anyMatch(l -> l.contains("sentiment ensemble: linear weight") && l.contains("(by log-loss)")),
                log.toString());
        assertEquals(false, ((Map<String, Object>) b.get("dev_metrics")).get("ece_held_out"), "in-sample on dev");
    }

    @Test
    void crossValidationOfThePipelineCalibratesInsideEachFoldAndPoolsHeldOutProbabilities() {
        LabelledData data = projectSentiment();
        int n = data.sentiment().size();
        Trainer.Options o = Trainer.Options.defaults(EnumSet.of(Task.SENTIMENT))
                .withCalibration(Map.of(Task.SENTIMENT, Calibration.Method.CROSS_FIT));
        List<String> log = new ArrayList<>();
        CrossValidation.Result r = CrossValidation.runPipeline(Task.SENTIMENT, data, 3, 42, o,
                ActorLexicon.loadDefault(), log::add);
        assertEquals(n, r.pooled().n(), "every example is held out once");
        assertTrue(r.ece() > 0 && r.ece() < 0.2 && r.logLoss() > 0.3 && r.logLoss() < 1.2, r.toMap().toString());
        assertTrue(r.probabilities().contains("calibration cross-fit"), r.probabilities());
        assertEquals(3, log.stream().filter(l -> l.startsWith("sentiment fold ") && l.contains("held-out ECE")).count(),
                log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("fold 2/3: sentiment linear: temperature")), log.toString());

        CrossValidation.Result plain = CrossValidation.run(Task.SENTIMENT, data, 3, 42, LinearParams.defaults(),
                org.stancekit.model.FeatureConfig.defaults(), m -> { });
        assertEquals(n, plain.pooled().n());
        assertTrue(plain.probabilities().startsWith("uncalibrated") && plain.logLoss() > 0, plain.toMap().toString());
    }
}
