package org.stancekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.TestModels;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --calibration in train and cross-validate, and cross-validate's pipeline mode (--dev-split, --backend). */
class CalibrationOptionsTest {
    @TempDir
    Path dir;

    @Test
    void trainCrossFitsOneTaskAndLeavesTheOtherAsBefore() throws Exception {
        Path csv = TestModels.smallTrainingCsv(dir, "small.csv");
        Path out = dir.resolve("m");
        Cli r = Cli.run("train", "--data", csv.toString(), "--output", out.toString(), "--calibration",
                "sentiment=cross-fit").expectExit(0);
        assertTrue(r.err().contains("sentiment linear: temperature") && r.err().contains("out-of-fold"), r.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode sentiment = json.readTree(out.resolve("sentiment").resolve("model.json").toFile());
        JsonNode stance = json.readTree(out.resolve("stance").resolve("model.json").toFile());
        assertEquals("cross-fit", sentiment.path("calibration").path("method").asText());
        assertFalse(stance.has("calibration"), "stance keeps its dev temperature");
        assertEquals(sentiment.path("calibration").path("linear_temperature").asDouble(),
                sentiment.path("temperature").asDouble(), 1e-12);
        Cli info = Cli.run("info", "--model", out.toString()).expectExit(0);
        assertTrue(info.out().contains("calibration: cross-fit, linear temperature"), info.out());
    }

    @Test
    void badCalibrationValuesAndPipelineOptionsAreOneLineErrors() {
        Path csv = TestModels.smallTrainingCsv(dir, "small.csv");
        String out = dir.resolve("x").toString();
        for (String bad : new String[] {"oof", "topic=dev", "sentiment=often"}) {
            String line = Cli.run("train", "--data", csv.toString(), "--output", out, "--calibration", bad)
                    .expectOneLineError();
            assertTrue(line.contains("--calibration " + bad), line);
        }
        String bad = Cli.run("train", "--data", csv.toString(), "--output", out, "--ensemble-weight", "accuracy")
                .expectOneLineError();
        assertTrue(bad.contains("--ensemble-weight accuracy: choose macro-f1 or log-loss"), bad);
        String line = Cli.run("cross-validate", "--data", csv.toString(), "--backend", "ensemble").expectOneLineError();
        assertTrue(line.contains("--dev-split"), line);
        line = Cli.run("cross-validate", "--data", csv.toString(), "--calibration", "cross-fit").expectOneLineError();
        assertTrue(line.contains("--dev-split"), line);
        line = Cli.run("cross-validate", "--data", csv.toString(), "--ensemble-weight", "log-loss").expectOneLineError();
        assertTrue(line.contains("--dev-split"), line);
        line = Cli.run("cross-validate", "--data", csv.toString(), "--dev-split", "1.5").expectOneLineError();
        assertTrue(line.contains("--dev-split"), line);
    }

    @Test
    void crossValidateRunsThePipelinePerFoldAndReportsHeldOutCalibration() throws Exception {
        Path csv = TestModels.smallTrainingCsv(dir, "cv.csv");
        Cli r = Cli.run("cross-validate", "--data", csv.toString(), "--folds", "3", "--task", "sentiment",
                "--dev-split", "0.2", "--calibration", "cross-fit").expectExit(0);
        assertTrue(r.outLines().stream().anyMatch(l -> l.matches("held-out probabilities pooled over folds: ECE"
                + " \\d\\.\\d{4}, log-loss \\d+\\.\\d{4} \\(calibrated by the training pipeline inside each fold"
                + " \\(backend linear, dev split 0.2, calibration cross-fit\\)\\)")), r.out());
        Cli json = Cli.run("cross-validate", "--data", csv.toString(), "--folds", "3", "--task", "sentiment",
                "--format", "json").expectExit(0);
        JsonNode s = new ObjectMapper().readTree(json.out()).path("tasks").path("sentiment");
        assertTrue(s.path("pooled_ece").isNumber() && s.path("pooled_log_loss").isNumber(), s.toString());
        assertTrue(s.path("probabilities").asText().startsWith("uncalibrated"), s.toString());
    }
}
