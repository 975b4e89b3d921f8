package org.stancekit.model.neural;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.ModelFormatException;
import org.stancekit.TestModels;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.model.Classifier;
import org.stancekit.model.EnsembleClassifier;
import org.stancekit.model.StanceQuery;
import org.stancekit.model.Task;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.Scorer;
import org.stancekit.train.Trainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed bagging ({@code --bag N}): a bag of networks trained with different seeds, their probabilities averaged; saved as
 * {@code network.zip}, {@code network-2.zip}..., each scoring through the plain-Java CNN forward pass.
 */
class NeuralBagTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Trainer.Result bagged;
    private static Path baggedDir;

    private static Trainer.Options bagOptions(Trainer.Backend backend, EnumSet<Task> tasks) {
        return Trainer.Options.defaults(tasks).withBackend(backend, TestModels.tinyNeuralParams().withBag(2));
    }

    /** A tiny ensemble whose neural parts are bags of two networks, both tasks, trained once per JVM. */
    private static synchronized Trainer.Result bagged() {
        if (bagged == null) {
            bagged = Trainer.train(TestModels.neuralData(), null, ActorLexicon.loadDefault(),
                    bagOptions(Trainer.Backend.ENSEMBLE, EnumSet.allOf(Task.class)), m -> { });
        }
        return bagged;
    }

    private static synchronized Path baggedDir() throws IOException {
        if (baggedDir == null) {
            Path root = Files.createTempDirectory("stancekit-test-bag");
            baggedDir = root.resolve("bag");
            bagged().bundle().save(baggedDir, false);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ModelBundleAccess.delete(root)));
        }
        return baggedDir;
    }

    /** The stance model's neural classifier: the model itself, or an ensemble's neural part. */
    @SuppressWarnings("unchecked")
    static NeuralClassifier<StanceQuery> neuralStance(ModelBundle b) {
        Classifier<StanceQuery> c = b.stance().orElseThrow();
        return (NeuralClassifier<StanceQuery>) (c instanceof EnsembleClassifier<StanceQuery> e ? e.neural() : c);
    }

    @Test
    void aBagOfTwoSavesAndReloadsWithIdenticalProbabilitiesAndEveryNetworkOnTheFastPath() throws IOException {
        ModelBundle trained = bagged().bundle();
        ModelBundle loaded = ModelBundle.load(baggedDir());
        List<StanceQuery> qs = TestModels.projectQueries(150);
        assertEquals(trained.stance().orElseThrow().predictAll(qs), loaded.stance().orElseThrow().predictAll(qs));
        List<String> texts = qs.stream().map(StanceQuery::text).toList();
        assertEquals(trained.sentiment().orElseThrow().predictAll(texts),
                loaded.sentiment().orElseThrow().predictAll(texts));
        for (ModelBundle b : List.of(trained, loaded)) {
            NeuralClassifier<StanceQuery> n = neuralStance(b);
            assertEquals(2, n.bagSize());
            assertEquals(2, n.fastPathNetworks(), "each network of the bag scores through CnnForward");
            for (int i = 0; i < 2; i++) assertTrue(Forward.verified(n.networkCopy(i), n.spec()) != null, "net " + i);
        }
        // the bag's probabilities are the mean of its networks'; the networks differ (different seeds)
        NeuralClassifier<StanceQuery> n = neuralStance(loaded);
        double[][] mean = n.rawProbabilities(qs);
        double[][][] each = n.memberProbabilities(qs);
        double differs = 0;
        for (int i = 0; i < qs.size(); i++) {
            for (int k = 0; k < mean[i].length; k++) {
                assertEquals((each[0][i][k] + each[1][i][k]) / 2, mean[i][k], 1e-12);
                differs = Math.max(differs, Math.abs(each[0][i][k] - each[1][i][k]));
            }
        }
        assertTrue(differs > 1e-3, "the two networks are not the same network");
    }

    @Test
    void modelJsonRecordsTheBagAndEachNetworkAndBundleJsonChecksumsEveryFile() throws IOException {
        Path dir = baggedDir();
        JsonNode bundle = JSON.readTree(dir.resolve("bundle.json").toFile());
        for (String task : List.of("stance", "sentiment")) {
            JsonNode m = JSON.readTree(dir.resolve(task).resolve("model.json").toFile());
            assertEquals(2, m.path("neural_hyper_parameters").path("bag").asInt(), task);
            assertEquals(List.of("network.zip", "network-2.zip"),
                    JSON.convertValue(m.path("neural").path("networks"), List.class), task);
            JsonNode members = m.path("neural_training").path("members");
            assertEquals(2, members.size(), task);
            assertEquals(42, members.get(0).path("seed").asLong(), "the first network uses the seed itself");
            assertTrue(members.get(0).path("seed").asLong() != members.get(1).path("seed").asLong());
            for (JsonNode member : members) {
                assertTrue(member.path("best_epoch").asInt() >= 1, member.toString());
                assertTrue(member.path("dev_macro_f1").isNumber(), member.toString());
                assertTrue(member.path("epochs").isArray(), member.toString());
            }
            assertEquals(2, m.path("neural_training").path("dev_macro_f1_by_bag_size").size(), task);
            JsonNode fit = m.path("ensemble_fit");
            assertEquals(2, fit.path("neural_bag").asInt(), task);
            assertTrue(fit.path("dev_macro_f1_ensemble").asDouble() >= Math.max(fit.path("dev_macro_f1_linear")
                    .asDouble(), fit.path("dev_macro_f1_neural").asDouble()) - 1e-12, "ensemble >= better part on dev");
            for (String f : List.of("network.zip", "network-2.zip", "vocab.tsv", "weights.bin")) {
                assertTrue(bundle.path("checksums").has(task + "/" + f), task + "/" + f);
            }
        }
    }

    @Test
    void savingTheSameNetworksAgainGivesTheSameBytesWithAFixedTimeOnEveryZipEntry(@TempDir Path tmp)
            throws IOException {
        Path again = tmp.resolve("again");
        bagged().bundle().save(again, false);
        for (String task : List.of("stance", "sentiment")) {
            for (String f : List.of("network.zip", "network-2.zip")) {
                Path first = baggedDir().resolve(task).resolve(f), second = again.resolve(task).resolve(f);
                assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), task + "/" + f);
                try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(second.toFile())) {
                    List<String> names = new ArrayList<>();
                    z.stream().forEach(e -> {
                        names.add(e.getName());
                        assertEquals(ZipTimes.FIXED, e.getTimeLocal(), task + "/" + f + "!" + e.getName());
                    });
                    assertTrue(names.contains("configuration.json") && names.contains("coefficients.bin"),
                            names.toString());
                }
            }
        }
        // the rewritten archives still load: the same probabilities as the trained bundle's
        List<StanceQuery> qs = TestModels.projectQueries(50);
        assertEquals(bagged().bundle().stance().orElseThrow().predictAll(qs),
                ModelBundle.load(again).stance().orElseThrow().predictAll(qs));
    }

    @Test
    void theFirstNetworkOfABagIsTheSingleNetworkOfTheSameSeed() {
        NeuralClassifier<StanceQuery> single = neuralStance(TestModels.tinyNeuralResult(Trainer.Backend.ENSEMBLE)
                .bundle());
        NeuralClassifier<StanceQuery> bag = neuralStance(bagged().bundle());
        assertEquals(1, single.bagSize());
        List<StanceQuery> qs = TestModels.projectQueries(100);
        double[][] one = single.rawProbabilities(qs), first = bag.memberProbabilities(qs)[0];
        for (int i = 0; i < qs.size(); i++) assertArrayEquals(one[i], first[i], 0.0, "query " + i);
    }

    @Test
    void sameSeedGivesTheSameBag() {
        Trainer.Options o = bagOptions(Trainer.Backend.NEURAL, EnumSet.of(Task.STANCE));
        Classifier<StanceQuery> a = Trainer.train(TestModels.neuralData(), null, ActorLexicon.loadDefault(), o,
                m -> { }).bundle().stance().orElseThrow();
        Classifier<StanceQuery> b = Trainer.train(TestModels.neuralData(), null, ActorLexicon.loadDefault(), o,
                m -> { }).bundle().stance().orElseThrow();
        List<StanceQuery> qs = TestModels.projectQueries(200);
        assertEquals(a.predictAll(qs), b.predictAll(qs));
    }

    @Test
    void concurrentScoringWithABagGivesTheSingleThreadResults() throws Exception {
        List<String> texts = TestModels.projectArticles(60, 11, 17);
        Scorer single = Scorer.load(baggedDir());
        List<ArticleResult> expected = texts.stream().map(single::score).toList();
        Scorer shared = Scorer.load(baggedDir());
        TestModels.assertConcurrentScoringMatches(shared::score, texts, expected, 8, "article");
    }

    @Test
    void aSingleNetworkBundleWithoutTheNetworksListStillLoads(@TempDir Path tmp) throws IOException {
        // bundles written before bagging have no "networks" key: their one network is network.zip
        Path dir = tmp.resolve("old");
        copy(TestModels.tinyNeuralBundle(Trainer.Backend.NEURAL), dir);
        Path modelJson = dir.resolve("stance/model.json");
        ObjectNode m = (ObjectNode) JSON.readTree(modelJson.toFile());
        m.remove("networks");
        m.remove("bag");
        Files.writeString(modelJson, JSON.writeValueAsString(m));
        List<StanceQuery> qs = TestModels.projectQueries(100);
        NeuralClassifier<StanceQuery> old = neuralStance(ModelBundle.load(dir));
        assertEquals(1, old.bagSize());
        assertEquals(1, old.fastPathNetworks());
        assertEquals(ModelBundle.load(TestModels.tinyNeuralBundle(Trainer.Backend.NEURAL)).stance().orElseThrow()
                .predictAll(qs), old.predictAll(qs));
    }

    @Test
    void theShippedModelsLoadEveryNetworkOnTheFastPathWithoutDl4j() throws IOException {
        for (String name : List.of("default", "fast")) {
            Path dir = Path.of("..", "models", name);
            NeuralClassifier<StanceQuery> n = neuralStance(ModelBundle.load(dir));
            JsonNode networks = JSON.readTree(dir.resolve("stance/model.json").toFile()).path("neural")
                    .path("networks");
            int files = networks.isArray() ? networks.size() : 1; // bundles from before bagging: network.zip alone
            assertEquals(files, n.bagSize(), name);
            assertEquals(files, n.fastPathNetworks(), name);
            assertEquals(0, n.dl4jNetworks(), name + ": the shipped networks load through their coefficient layouts,"
                    + " without DL4J");
        }
    }

    @Test
    void aNetworksListNamingOtherFilesIsRefused(@TempDir Path tmp) throws IOException {
        for (List<String> bad : List.of(List.of("network.zip", "../network-2.zip"), List.of("network-2.zip"),
                List.<String>of())) {
            Path dir = tmp.resolve("bad" + bad.size() + bad.hashCode());
            copy(baggedDir(), dir);
            Path modelJson = dir.resolve("stance/model.json");
            ObjectNode m = (ObjectNode) JSON.readTree(modelJson.toFile());
            ArrayNode list = ((ObjectNode) m.path("neural")).putArray("networks");
            bad.forEach(list::add);
            Files.writeString(modelJson, JSON.writeValueAsString(m));
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelBundle.load(dir), bad.toString());
            assertTrue(e.getMessage().contains("networks"), e.getMessage());
        }
        // a bag whose second network is missing fails with that file's name
        Path dir = tmp.resolve("missing");
        copy(baggedDir(), dir);
        Files.delete(dir.resolve("stance/network-2.zip"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelBundle.load(dir));
        assertTrue(e.getMessage().contains("network-2.zip"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** Best-effort removal of a temporary bundle directory. */
    private static final class ModelBundleAccess {
        static void delete(Path root) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temporary files: the OS cleans up
            }
        }
    }
}
