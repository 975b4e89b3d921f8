package org.stancekit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.TestModels;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.model.Task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --backend TASK=BACKEND}: each task trained by its own backend, recorded in its model.json. */
class TrainBackendPerTaskTest {
    @TempDir
    Path dir;

    @Test
    void eachTaskGetsItsOwnBackend() {
        Path csv = TestModels.smallTrainingCsv(dir, "small.csv");
        Path out = dir.resolve("m");
        Cli r = Cli.run("train", "--data", csv.toString(), "--output", out.toString(), "--backend", "stance=linear",
                "--backend", "sentiment=neural", "--bag", "1", "--epochs", "1", "--embedding-dim", "8", "--hidden", "8",
                "--word2vec-epochs", "1", "--dev-split", "0.2").expectExit(0);
        assertTrue(r.err().contains("stance: training on") && r.err().contains("backend linear"), r.err());
        assertTrue(r.err().contains("backend neural"), r.err());
        ModelBundle b = ModelBundle.load(out);
        Map<String, Object> stance = b.tasks().get(Task.STANCE).info(), sentiment = b.tasks().get(Task.SENTIMENT).info();
        assertEquals("linear", stance.get("backend"));
        assertEquals("neural", sentiment.get("backend"));
        assertTrue(stance.containsKey("hyper_parameters") && !stance.containsKey("neural_hyper_parameters"), "" + stance);
        assertTrue(sentiment.containsKey("neural_hyper_parameters"), "" + sentiment);
        assertFalse(Files.exists(out.resolve("stance").resolve("network.zip")), "no network for the linear task");
        assertTrue(Files.exists(out.resolve("sentiment").resolve("network.zip")));
        // a backend without a task sets both; a task named later overrides it
        Path both = dir.resolve("both");
        Cli.run("train", "--data", csv.toString(), "--output", both.toString(), "--backend", "linear").expectExit(0);
        assertEquals("linear", ModelBundle.load(both).tasks().get(Task.SENTIMENT).info().get("backend"));
    }

    @Test
    void badTaskOrBackendIsOneLine() {
        Path csv = TestModels.smallTrainingCsv(dir, "small.csv");
        String out = dir.resolve("m").toString();
        String line = Cli.run("train", "--data", csv.toString(), "--output", out, "--backend", "sentiment=quantum")
                .expectOneLineError();
        assertTrue(line.contains("--backend sentiment=quantum") && line.contains("linear, neural or ensemble"), line);
        line = Cli.run("train", "--data", csv.toString(), "--output", out, "--backend", "topic=linear")
                .expectOneLineError();
        assertTrue(line.contains("stance or sentiment"), line);
        assertFalse(Files.exists(dir.resolve("m")));
    }
}
