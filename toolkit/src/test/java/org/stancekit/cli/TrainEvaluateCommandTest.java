package org.stancekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.TestModels;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.model.Task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train, evaluate, cross-validate. */
class TrainEvaluateCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Set<String> keys(JsonNode node) {
        Set<String> out = new TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static void assertFraction(JsonNode n, String where) {
        assertTrue(n.isNumber(), where + " is a number: " + n);
        assertTrue(n.asDouble() >= 0 && n.asDouble() <= 1, where + " in [0, 1]: " + n);
    }

    @Test
    void trainWritesABundleAndPrintsDevMetricsAndRefusesToOverwrite() throws Exception {
        Path csv = TestModels.smallTrainingCsv(dir, "small.csv");
        Path out = dir.resolve("model");
        Cli r = Cli.run("train", "--data", csv.toString(), "--output", out.toString()).expectExit(0);
        assertTrue(r.out().contains("model written to " + out), r.out());
        assertTrue(r.out().contains("dev stance:") && r.out().contains("dev sentiment:"), r.out());
        assertTrue(r.out().contains("macro-F1=") && r.out().contains("precision"), r.out());
        assertTrue(r.err().contains("stance: training on"), "progress goes to stderr: " + r.err());
        ModelBundle bundle = ModelBundle.load(out);
        assertEquals(Set.of(Task.STANCE, Task.SENTIMENT), bundle.tasks().keySet());
        assertEquals(List.of("favor", "against", "neutral"), bundle.stance().orElseThrow().labels());
        String bundleJson = Files.readString(out.resolve("bundle.json"));
        byte[] weights = Files.readAllBytes(out.resolve("stance").resolve("weights.bin"));

        Cli again = Cli.run("train", "--data", csv.toString(), "--output", out.toString(), "--seed", "7");
        String line = again.expectOneLineError();
        assertTrue(line.contains(out + ": already exists") && line.contains("--force"), line);
        assertEquals(bundleJson, Files.readString(out.resolve("bundle.json")), "first bundle intact");
        assertTrue(java.util.Arrays.equals(weights, Files.readAllBytes(out.resolve("stance").resolve("weights.bin"))));
        ModelBundle.load(out);

        Cli forced = Cli.run("train", "--data", csv.toString(), "--output", out.toString(), "--task", "sentiment",
                "--force").expectExit(0);
        assertTrue(forced.out().contains("dev sentiment:"), forced.out());
        assertEquals(Set.of(Task.SENTIMENT), ModelBundle.load(out).tasks().keySet(), "replaced with --force");
    }

    @Test
    void trainRecordsProvenanceAndHyperParameters() {
        Path csv = TestModels.smallTrainingCsv(dir, "small.csv");
        Path out = dir.resolve("m");
        Cli.run("train", "--data", csv.toString(), "--output", out.toString(), "--task", "stance", "--seed", "11",
                "--lambda", "2.5", "--min-count", "1", "--max-iterations", "50", "--dev-split", "0.2").expectExit(0);
        var info = ModelBundle.load(out).tasks().get(Task.STANCE).info();
        assertEquals(11, ((Number) info.get("seed")).intValue());
        @SuppressWarnings("unchecked")
        var hp = (java.util.Map<String, Object>) info.get("hyper_parameters");
        assertEquals(2.5, ((Number) hp.get("lambda")).doubleValue());
        assertEquals(1, ((Number) hp.get("min_count")).intValue());
        assertEquals(50, ((Number) hp.get("max_iterations")).intValue());
        @SuppressWarnings("unchecked")
        var files = (List<java.util.Map<String, Object>>) info.get("training_data");
        assertEquals(csv.toString(), files.get(0).get("path"));
        assertEquals(72, ((Number) files.get(0).get("rows")).intValue());
    }

    @Test
    void trainRejectsBadSettings() {
        Path csv = TestModels.smallTrainingCsv(dir, "small.csv");
        String out = dir.resolve("m").toString();
        assertTrue(Cli.run("train", "--data", csv.toString(), "--output", out, "--dev-split", "1.5")
                .expectOneLineError().contains("--dev-split"));
        assertTrue(Cli.run("train", "--data", csv.toString(), "--output", out, "--backend", "quantum")
                .expectOneLineError().contains("--backend quantum"));
        assertTrue(Cli.run("train", "--data", csv.toString(), "--output", out, "--lambda", "0")
                .expectOneLineError().contains("--lambda"));
        assertTrue(Cli.run("train", "--data", csv.toString(), "--output", out, "--lambda", "NaN")
                .expectOneLineError().contains("--lambda"), "NaN is not a positive number");
        assertTrue(Cli.run("train", "--data", csv.toString(), "--output", out, "--min-count", "0")
                .expectOneLineError().contains("--min-count"));
        Path oneLabel = TestModels.tinyCsv(dir, "one.csv", "text,sentiment", "Good.,positive", "Fine.,positive",
                "Great.,positive");
        assertTrue(Cli.run("train", "--data", oneLabel.toString(), "--output", out, "--task", "sentiment",
                "--dev-split", "0").expectOneLineError().contains("at least two labels"));
        assertTrue(Files.notExists(dir.resolve("m")));
    }

    @Test
    void evaluateJsonHasTheDocumentedStructure() throws Exception {
        Path csv = TestModels.smallTrainingCsv(dir, "eval.csv");
        Cli r = Cli.run("evaluate", "--model", TestModels.tinyBundle().toString(), "--data", csv.toString(),
                "--format", "json").expectExit(0);
        JsonNode root = JSON.readTree(r.out());
        assertEquals(Set.of("tasks"), keys(root));
        assertEquals(Set.of("stance", "sentiment"), keys(root.get("tasks")));
        for (String task : List.of("stance", "sentiment")) {
            JsonNode t = root.get("tasks").get(task);
            assertEquals(Set.of("n", "accuracy", "macro_f1", "per_class", "confusion", "confidence"), keys(t), task);
            JsonNode conf = t.get("confidence");
            assertEquals(Set.of("log_loss", "ece", "ece_noise_floor", "mean_confidence", "accuracy"), keys(conf));
            assertTrue(conf.get("log_loss").asDouble() > 0, task + " log-loss");
            for (String k : List.of("ece", "ece_noise_floor", "mean_confidence")) assertFraction(conf.get(k), k);
            assertEquals(t.get("accuracy").asDouble(), conf.get("accuracy").asDouble(), 1e-12);
            int n = t.get("n").asInt();
            assertEquals(task.equals("stance") ? 66 : 72, n, task + " examples");
            assertFraction(t.get("accuracy"), task + ".accuracy");
            assertFraction(t.get("macro_f1"), task + ".macro_f1");
            List<String> labels = task.equals("stance") ? List.of("favor", "against", "neutral")
                    : List.of("positive", "negative", "neutral");
            List<String> perClassLabels = new ArrayList<>();
            t.get("per_class").fieldNames().forEachRemaining(perClassLabels::add);
            assertEquals(labels, perClassLabels, task + " labels in model order");
            int support = 0;
            for (String label : labels) {
                JsonNode c = t.get("per_class").get(label);
                assertEquals(Set.of("precision", "recall", "f1", "support"), keys(c));
                for (String k : List.of("precision", "recall", "f1")) assertFraction(c.get(k), task + "." + label + "." + k);
                assertTrue(c.get("support").isInt());
                support += c.get("support").asInt();
            }
            assertEquals(n, support, "supports add up to n");
            JsonNode confusion = t.get("confusion");
            assertEquals(new TreeSet<>(labels), keys(confusion));
            int total = 0, correct = 0;
            for (String gold : labels) {
                assertEquals(new TreeSet<>(labels), keys(confusion.get(gold)));
                for (String pred : labels) {
                    int v = confusion.get(gold).get(pred).asInt();
                    total += v;
                    if (gold.equals(pred)) correct += v;
                }
                assertEquals(t.get("per_class").get(gold).get("support").asInt(),
                        keys(confusion.get(gold)).stream().mapToInt(p -> confusion.get(gold).get(p).asInt()).sum());
            }
            assertEquals(n, total);
            assertEquals((double) correct / n, t.get("accuracy").asDouble(), 1e-12);
        }
        assertEquals("", r.err());
    }

    @Test
    void severalFilesAfterOneDataOptionAreAllRead() throws Exception {
        // `--data training-data/*.csv`: the shell expands the glob after one --data
        Path a = TestModels.smallTrainingCsv(dir, "a.csv"), b = TestModels.smallTrainingCsv(dir, "b.csv");
        Cli one = Cli.run("evaluate", "--model", TestModels.tinyBundle().toString(), "--data", a.toString(),
                "--format", "json").expectExit(0);
        Cli both = Cli.run("evaluate", "--model", TestModels.tinyBundle().toString(), "--data", a.toString(),
                b.toString(), "--format", "json").expectExit(0);
        Cli repeated = Cli.run("evaluate", "--model", TestModels.tinyBundle().toString(), "--data", a.toString(),
                "--data", b.toString(), "--format", "json").expectExit(0);
        int n1 = JSON.readTree(one.out()).get("tasks").get("stance").get("n").asInt();
        assertEquals(2 * n1, JSON.readTree(both.out()).get("tasks").get("stance").get("n").asInt());
        assertEquals(both.out(), repeated.out(), "the two spellings read the same rows");
    }

    @Test
    void evaluateTextHasATable() {
        Path csv = TestModels.smallTrainingCsv(dir, "eval.csv");
        Cli r = Cli.run("evaluate", "--model", TestModels.tinyBundle().toString(), "--data", csv.toString(),
                "--task", "stance").expectExit(0);
        List<String> lines = r.outLines();
        assertEquals("stance:", lines.get(0));
        assertTrue(lines.get(1).matches("n=66 {2}accuracy=\\d\\.\\d{4} {2}macro-F1=\\d\\.\\d{4}"), lines.get(1));
        assertTrue(lines.get(2).matches("label\\s+precision\\s+recall\\s+f1\\s+support"), lines.get(2));
        for (int i = 3; i < 6; i++) {
            assertTrue(lines.get(i).matches("(favor|against|neutral)\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}\\s+\\d+"),
                    lines.get(i));
        }
        assertTrue(r.out().contains("confusion (rows: gold, columns: predicted)"), r.out());
        assertTrue(!r.out().contains("sentiment:"), "--task stance only");
    }

    @Test
    void evaluateWritesEveryPredictionWithItsProbabilitiesAndKeepsAnExistingFile() throws Exception {
        Path csv = TestModels.smallTrainingCsv(dir, "eval.csv");
        Path preds = dir.resolve("out").resolve("predictions.csv");
        Cli r = Cli.run("evaluate", "--model", TestModels.tinyBundle().toString(), "--data", csv.toString(),
                "--predictions", preds.toString()).expectExit(0);
        assertTrue(r.out().contains("confidence: log-loss="), r.out());
        List<org.apache.commons.csv.CSVRecord> rows;
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .get().parse(Files.newBufferedReader(preds))) {
            assertEquals(List.of("task", "source", "actor", "text", "gold", "predicted", "confidence", "p_favor",
                    "p_against", "p_neutral", "p_positive", "p_negative"), parser.getHeaderNames().subList(0, 12));
            rows = parser.getRecords();
        }
        assertEquals(66 + 72, rows.size(), "one row per stance example and per sentiment example");
        int wrongStance = 0;
        for (var row : rows) {
            boolean stance = row.get("task").equals("stance");
            List<String> labels = stance ? List.of("favor", "against", "neutral")
                    : List.of("positive", "negative", "neutral");
            double sum = 0, best = -1;
            String arg = null;
            for (String l : labels) {
                double p = Double.parseDouble(row.get("p_" + l));
                sum += p;
                if (p > best) {
                    best = p;
                    arg = l;
                }
            }
            assertEquals(1.0, sum, 1e-4, "probabilities of one row sum to 1: " + row);
            assertEquals(arg, row.get("predicted"), "the prediction is the most probable label");
            assertEquals(best, Double.parseDouble(row.get("confidence")), 1e-6);
            assertTrue(row.get("source").startsWith(csv + ", row "), row.get("source"));
            assertEquals(stance, !row.get("actor").isEmpty(), "stance rows name their actor");
            if (stance && !row.get("gold").equals(row.get("predicted"))) wrongStance++;
        }
        JsonNode json = JSON.readTree(Cli.run("evaluate", "--model", TestModels.tinyBundle().toString(), "--data",
                csv.toString(), "--format", "json").expectExit(0).out());
        double accuracy = json.get("tasks").get("stance").get("accuracy").asDouble();
        assertEquals(Math.round((1 - accuracy) * 66), wrongStance, "the file agrees with the summary");

        String before = Files.readString(preds);
        String line = Cli.run("evaluate", "--model", TestModels.tinyBundle().toString(), "--data", csv.toString(),
                "--predictions", preds.toString()).expectOneLineError();
        assertTrue(line.contains("already exists") && line.contains("--force"), line);
        assertEquals(before, Files.readString(preds), "the earlier file is intact");
        Cli.run("evaluate", "--model", TestModels.tinyBundle().toString(), "--data", csv.toString(), "--task",
                "stance", "--predictions", preds.toString(), "--force").expectExit(0);
        assertEquals(1 + 66, Files.readAllLines(preds).size(), "replaced with --force (stance rows only)");
    }

    @Test
    void evaluateWithoutUsableRows() {
        Path csv = TestModels.tinyCsv(dir, "none.csv", "text,actor,stance", "Delegates met.,,");
        String line = Cli.run("evaluate", "--model", TestModels.tinyBundle().toString(), "--data", csv.toString(),
                "--task", "stance").expectOneLineError();
        assertTrue(line.contains("no labelled examples"), line);
        assertTrue(Cli.run("evaluate", "--model", TestModels.tinyBundle().toString(), "--data", csv.toString(),
                "--format", "xml").expectOneLineError().contains("--format xml"));
    }

    @Test
    void crossValidatePrintsPerTaskScores() {
        Path csv = TestModels.smallTrainingCsv(dir, "cv.csv");
        Cli r = Cli.run("cross-validate", "--data", csv.toString(), "--folds", "3").expectExit(0);
        for (String task : List.of("stance", "sentiment")) {
            assertTrue(r.outLines().stream().anyMatch(l -> l.matches(task
                            + ": 3-fold macro-F1 \\d\\.\\d{4} ± \\d\\.\\d{4}, accuracy \\d\\.\\d{4} ± \\d\\.\\d{4}")),
                    task + " in:\n" + r.out());
        }
        assertTrue(r.out().contains("pooled over folds:") && r.out().contains("precision"), r.out());
        assertEquals(3, r.errLines().stream().filter(l -> l.startsWith("stance fold ")).count(), r.err());

        Cli json = Cli.run("cross-validate", "--data", csv.toString(), "--folds", "3", "--task", "stance",
                "--format", "json").expectExit(0);
        JsonNode stance;
        try {
            stance = JSON.readTree(json.out()).get("tasks").get("stance");
        } catch (Exception e) {
            throw new AssertionError(json.out(), e);
        }
        assertEquals(3, stance.get("folds").asInt());
        assertEquals(3, stance.get("per_fold_macro_f1").size());
        assertEquals(66, stance.get("pooled").get("n").asInt(), "every example is tested once");
        assertFraction(stance.get("macro_f1_mean"), "macro_f1_mean");

        assertTrue(Cli.run("cross-validate", "--data", csv.toString(), "--folds", "1").expectOneLineError()
                .contains("--folds"));
    }

    @Test
    void crossValidateWritesEachExamplesOutOfFoldPrediction() throws Exception {
        Path csv = TestModels.smallTrainingCsv(dir, "cv.csv");
        Path preds = dir.resolve("oof.csv");
        Cli r = Cli.run("cross-validate", "--data", csv.toString(), "--folds", "3", "--format", "json",
                "--predictions", preds.toString()).expectExit(0);
        JsonNode tasks = JSON.readTree(r.out()).get("tasks");
        List<org.apache.commons.csv.CSVRecord> rows;
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .get().parse(Files.newBufferedReader(preds))) {
            assertEquals(List.of("task", "source", "fold", "actor", "text", "gold", "predicted", "confidence"),
                    parser.getHeaderNames().subList(0, 8));
            rows = parser.getRecords();
        }
        assertEquals(66 + 72, rows.size(), "every stance and sentiment example once");
        for (String task : List.of("stance", "sentiment")) {
            List<org.apache.commons.csv.CSVRecord> t = rows.stream().filter(x -> x.get("task").equals(task)).toList();
            long right = t.stream().filter(x -> x.get("gold").equals(x.get("predicted"))).count();
            JsonNode pooled = tasks.get(task).get("pooled");
            assertEquals(pooled.get("n").asInt(), t.size(), task);
            assertEquals(pooled.get("accuracy").asDouble(), right / (double) t.size(), 1e-9,
                    task + ": the rows are the predictions the pooled scores count");
            assertEquals(Set.of("1", "2", "3"), new TreeSet<>(t.stream().map(x -> x.get("fold")).toList()));
            List<Integer> order = t.stream().map(x -> Integer.parseInt(x.get("source").replaceAll(".*, row ", "")))
                    .toList();
            assertEquals(order.stream().sorted().toList(), order, task + ": in the order of the data");
        }
        String before = Files.readString(preds);
        assertTrue(Cli.run("cross-validate", "--data", csv.toString(), "--folds", "3", "--predictions",
                preds.toString()).expectOneLineError().contains("--force"));
        assertEquals(before, Files.readString(preds), "the earlier file is intact");
    }

    @Test
    void crossValidateRejectsBadHyperParameters() {
        Path csv = TestModels.smallTrainingCsv(dir, "cv.csv");
        // a negative lambda used to reach Smile and end as "unexpected error: IllegalArgumentException", exit 1
        for (String[] bad : new String[][] {{"--lambda", "-1"}, {"--lambda", "0"}, {"--lambda", "NaN"},
                {"--min-count", "0"}}) {
            String line = Cli.run("cross-validate", "--data", csv.toString(), "--folds", "3", bad[0], bad[1])
                    .expectOneLineError();
            assertTrue(line.contains(bad[0]), line);
        }
    }

    @Test
    /** Regression: an empty training side used to end in an ArrayIndexOutOfBoundsException (exit 1). */
    void devSplitThatLeavesNoTrainingDataIsBadInput() {
        Path csv = TestModels.smallTrainingCsv(dir, "small.csv");
        Cli r = Cli.run("train", "--data", csv.toString(), "--output", dir.resolve("m").toString(), "--dev-split",
                "0.99");
        String line = r.expectOneLineError();
        assertTrue(line.contains("dev"), line);
        assertTrue(Files.notExists(dir.resolve("m")));
    }
}
