package org.stancekit.model.neural;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.ModelFormatException;
import org.stancekit.TestModels;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.data.LabelledData;
import org.stancekit.model.Classifier;
import org.stancekit.model.EnsembleClassifier;
import org.stancekit.model.Prediction;
import org.stancekit.model.StanceQuery;
import org.stancekit.model.Task;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.Scorer;
import org.stancekit.train.Trainer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The neural and ensemble backends: training, bundle round trip, determinism, thread-safety, lazy ND4J. */
class NeuralBackendTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void savedAndLoadedBundlesGiveIdenticalProbabilities() {
        for (Trainer.Backend b : List.of(Trainer.Backend.NEURAL, Trainer.Backend.ENSEMBLE)) {
            ModelBundle trained = TestModels.tinyNeuralResult(b).bundle();
            ModelBundle loaded = ModelBundle.load(TestModels.tinyNeuralBundle(b));
            List<StanceQuery> qs = TestModels.projectQueries(150);
            List<Prediction> before = trained.stance().orElseThrow().predictAll(qs);
            assertEquals(before, loaded.stance().orElseThrow().predictAll(qs), b + " stance");
            List<String> texts = qs.stream().map(StanceQuery::text).toList();
            assertEquals(trained.sentiment().orElseThrow().predictAll(texts),
                    loaded.sentiment().orElseThrow().predictAll(texts), b + " sentiment");
            // batched and one-by-one agree (every example is encoded to the same fixed length)
            Classifier<StanceQuery> c = loaded.stance().orElseThrow();
            for (int i = 0; i < 10; i++) {
                Prediction one = c.predict(qs.get(i));
                for (String l : c.labels()) {
                    assertEquals(before.get(i).probability(l), one.probability(l), 1e-6, b + " query " + i);
                }
            }
        }
        assertInstanceOf(EnsembleClassifier.class,
                ModelBundle.load(TestModels.tinyNeuralBundle(Trainer.Backend.ENSEMBLE)).stance().orElseThrow());
    }

    @Test
    void modelJsonRecordsBackendCalibrationAndFilesAndBundleChecksumsThem() throws IOException {
        Path dir = TestModels.tinyNeuralBundle(Trainer.Backend.ENSEMBLE);
        JsonNode bundle = JSON.readTree(dir.resolve("bundle.json").toFile());
        for (String task : List.of("stance", "sentiment")) {
            JsonNode m = JSON.readTree(dir.resolve(task).resolve("model.json").toFile());
            assertEquals("ensemble", m.path("backend").asText());
            assertTrue(m.path("dev_metrics").has("ece_before_calibration"), task);
            assertTrue(m.path("dev_metrics").has("ece"), task);
            JsonNode fit = m.path("ensemble_fit");
            double best = Math.max(fit.path("dev_macro_f1_linear").asDouble(), fit.path("dev_macro_f1_neural").asDouble());
            assertTrue(fit.path("dev_macro_f1_ensemble").asDouble() >= best - 1e-12, "ensemble >= better part on dev");
            assertEquals(fit.path("dev_macro_f1_ensemble").asDouble(), m.path("dev_metrics").path("macro_f1").asDouble(),
                    1e-9, "the reported dev macro-F1 is the ensemble's");
            assertEquals("cnn", m.path("neural").path("network").path("encoder").asText());
            assertTrue(m.path("neural_training").path("members").path(0).path("epochs").isArray());
            assertEquals(1, m.path("neural_training").path("bag").asInt(), "the tiny test models are one network");
            assertTrue(m.path("neural_hyper_parameters").has("learning_rate"));
            for (String f : List.of("network.zip", "vocab.tsv", "weights.bin", "features.txt.gz")) {
                assertTrue(bundle.path("checksums").has(task + "/" + f), task + "/" + f);
            }
        }
    }

    @Test
    void bilstmWithUnlabelledTextTrainsSavesAndReloadsIdentically(@TempDir Path tmp) throws IOException {
        Path unlabelled = Files.writeString(tmp.resolve("unlabelled.txt"), String.join("\n",
                "Diplomats in Geneva said the talks on the ceasefire would resume next week.",
                "The ministry denied that any troops had crossed the border overnight.",
                "Aid agencies warned that winter would make the shortages far worse.") + "\n");
        org.stancekit.model.neural.NeuralParams p = TestModels.tinyNeuralParams().withEncoder("bilstm");
        p = new org.stancekit.model.neural.NeuralParams(p.encoder(), p.embeddingDim(), p.positionDim(), p.hidden(),
                p.kernel(), p.dropout(), p.learningRate(), p.l2(), p.batchSize(), 1, p.patience(), p.maxLength(),
                p.minCount(), true, 1, List.of(unlabelled));
        Trainer.Options o = Trainer.Options.defaults(EnumSet.of(Task.STANCE)).withBackend(Trainer.Backend.NEURAL, p);
        List<String> progress = new ArrayList<>();
        ModelBundle bundle = Trainer.train(TestModels.neuralData(), null, ActorLexicon.loadDefault(), o,
                progress::add).bundle();
        assertTrue(progress.stream().anyMatch(m -> m.contains("Word2Vec")), progress.toString());
        Path dir = tmp.resolve("bilstm");
        bundle.save(dir, false);
        JsonNode m = JSON.readTree(dir.resolve("stance/model.json").toFile());
        assertEquals("bilstm", m.path("network").path("encoder").asText(), m.toString());
        assertEquals(unlabelled.toString(),
                m.path("neural_hyper_parameters").path("unlabelled").path(0).path("path").asText());
        assertEquals(64, m.path("neural_hyper_parameters").path("unlabelled").path(0).path("sha256").asText().length());
        List<StanceQuery> qs = TestModels.projectQueries(50);
        assertEquals(bundle.stance().orElseThrow().predictAll(qs),
                ModelBundle.load(dir).stance().orElseThrow().predictAll(qs));
    }

    @Test
    void sameSeedGivesTheSameModel() {
        LabelledData data = TestModels.neuralData();
        Trainer.Options o = Trainer.Options.defaults(EnumSet.of(Task.STANCE))
                .withBackend(Trainer.Backend.NEURAL, TestModels.tinyNeuralParams());
        Classifier<StanceQuery> a = Trainer.train(data, null, ActorLexicon.loadDefault(), o, m -> { })
                .bundle().stance().orElseThrow();
        Classifier<StanceQuery> b = Trainer.train(data, null, ActorLexicon.loadDefault(), o, m -> { })
                .bundle().stance().orElseThrow();
        List<StanceQuery> qs = TestModels.projectQueries(200);
        assertEquals(a.predictAll(qs), b.predictAll(qs));
    }

    @Test
    void concurrentScoringGivesTheSingleThreadResults() throws Exception {
        List<String> texts = TestModels.projectArticles(60, 7, 13);
        for (Trainer.Backend b : List.of(Trainer.Backend.NEURAL, Trainer.Backend.ENSEMBLE)) {
            Scorer single = Scorer.load(TestModels.tinyNeuralBundle(b));
            List<ArticleResult> expected = texts.stream().map(single::score).toList();
            Scorer shared = Scorer.load(TestModels.tinyNeuralBundle(b));
            TestModels.assertConcurrentScoringMatches(shared::score, texts, expected, 8, b.toString());
        }
    }

    @Test
    void networkFilesWithOtherEntriesAreRefused(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("network.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("configuration.json", "coefficients.bin", "preprocessor.bin")) {
                z.putNextEntry(new ZipEntry(name));
                z.write(new byte[]{1, 2, 3});
                z.closeEntry();
            }
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> NeuralBackend.checkEntries(zip));
        assertTrue(e.getMessage().contains("unexpected entry 'preprocessor.bin'"), e.getMessage());
        Files.write(zip, new byte[]{'n', 'o', 't'});
        assertThrows(ModelFormatException.class, () -> NeuralBackend.checkEntries(zip));
    }

    @Test
    void linearAndCnnBundlesAreScoredWithoutStartingNd4jAndANetworkWithoutTheFastPathStartsIt(@TempDir Path tmp)
            throws Exception {
        String linear = classesLoaded(TestModels.tinyBundle());
        assertTrue(linear.contains("org.stancekit.score.Scorer"), "the probe works");
        assertFalse(linear.contains("org.nd4j"), "ND4J loaded for a linear bundle");
        assertFalse(linear.contains("org.deeplearning4j"), "DL4J loaded for a linear bundle");
        // a CNN bundle reads its weights through the recorded coefficient layout: ND4J's factory never starts
        String cnn = classesLoaded(TestModels.tinyNeuralBundle(Trainer.Backend.ENSEMBLE));
        assertTrue(cnn.contains("org.stancekit.model.neural.CnnForward"), "the CNN was used");
        assertFalse(cnn.contains("org.nd4j.linalg.factory.Nd4j "), "ND4J started for a CNN bundle");
        // without the layout (bundles saved before it existed) DL4J loads the networks
        Path old = tmp.resolve("old");
        NeuralBagTest.copy(TestModels.tinyNeuralBundle(Trainer.Backend.ENSEMBLE), old);
        for (String task : List.of("stance", "sentiment")) {
            Path modelJson = old.resolve(task).resolve("model.json");
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode m =
                    (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(modelJson.toFile());
            ((com.fasterxml.jackson.databind.node.ObjectNode) m.path("neural"))
                    .remove(NeuralClassifier.COEFFICIENTS_LAYOUT);
            Files.writeString(modelJson, json.writeValueAsString(m));
        }
        assertTrue(classesLoaded(old).contains("org.nd4j.linalg.factory.Nd4j "), "ND4J starts without the layout");
    }

    /** Runs {@code score --model DIR} in a fresh JVM with -verbose:class and returns its output. */
    private static String classesLoaded(Path model) throws Exception {
        Path article = Files.createTempFile("stancekit-article", ".txt");
        try {
            Files.writeString(article, "NATO praised Finland for its swift accession. Moscow condemned the move.\n");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-verbose:class", "-cp", System.getProperty("java.class.path"),
                    "org.stancekit.cli.Main", "score", "--model", model.toString(), "--format", "csv",
                    article.toString());
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                // no input
            }
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(2, TimeUnit.MINUTES));
            assertEquals(0, p.exitValue(), out.length() > 4000 ? out.substring(out.length() - 4000) : out);
            assertTrue(out.contains("Finland"), "scored");
            return out;
        } finally {
            Files.deleteIfExists(article);
        }
    }
}
