package org.stancekit.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.BadInputException;
import org.stancekit.ModelFormatException;
import org.stancekit.TestModels;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.MentionMatcher;
import org.stancekit.data.Columns;
import org.stancekit.data.LabelledData;
import org.stancekit.data.SentimentExample;
import org.stancekit.data.StanceExample;
import org.stancekit.data.TrainingCsv;
import org.stancekit.model.Classifier;
import org.stancekit.model.FeatureConfig;
import org.stancekit.model.LinearModel;
import org.stancekit.model.Prediction;
import org.stancekit.model.StanceQuery;
import org.stancekit.model.Task;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelBundleTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A private, damageable copy of the tiny bundle. */
    Path copy() {
        return TestModels.copyBundle(tmp.resolve("copy"));
    }

    static ModelFormatException loadFails(Path dir, String... fragments) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelBundle.load(dir));
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + f + "' in: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertEquals(2, e.exitCode());
        return e;
    }

    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Writes {@code bytes} to {@code file} and records their SHA-256 in bundle.json, as a careful forger would. */
    static void replaceWithChecksum(Path bundle, String rel, byte[] bytes) throws IOException {
        Files.write(bundle.resolve(rel), bytes);
        Path bj = bundle.resolve(ModelBundle.BUNDLE_FILE);
        ObjectNode root = (ObjectNode) JSON.readTree(bj.toFile());
        ((ObjectNode) root.get("checksums")).put(rel, TrainingCsv.sha256(bytes));
        Files.writeString(bj, JSON.writeValueAsString(root));
    }

    /** Inputs the model never saw in training plus every project training example: many, varied queries. */
    static LabelledData manyInputs() {
        ActorLexicon lex = ActorLexicon.loadDefault();
        TrainingCsv reader = new TrainingCsv(Columns.defaults(), new MentionMatcher(lex), null, w -> { });
        List<LabelledData> parts = new ArrayList<>();
        for (Path csv : TestModels.trainingCsvs()) parts.add(reader.read(csv, EnumSet.allOf(Task.class)));
        return LabelledData.concat(parts);
    }

    @Test
    void savedAndLoadedBundlePredictsBitIdentically() {
        ModelBundle trained = TestModels.tinyTrainingResult().bundle();
        ModelBundle loaded = ModelBundle.load(TestModels.tinyBundle());
        assertEquals(trained.tasks().keySet(), loaded.tasks().keySet());
        assertEquals(EnumSet.allOf(Task.class), loaded.tasks().keySet());
        Classifier<StanceQuery> s1 = trained.stance().orElseThrow(), s2 = loaded.stance().orElseThrow();
        Classifier<String> t1 = trained.sentiment().orElseThrow(), t2 = loaded.sentiment().orElseThrow();
        assertEquals(s1.labels(), s2.labels());
        assertEquals(t1.labels(), t2.labels());

        LabelledData data = manyInputs();
        assertTrue(data.stance().size() > 1000, "many inputs: " + data.stance().size());
        int differentProbabilities = 0;
        Prediction first = null;
        for (StanceExample e : data.stance()) {
            Prediction a = s1.predict(e.query()), b = s2.predict(e.query());
            assertEquals(a, b, e.source());
            for (String label : a.probabilities().keySet()) {
                assertEquals(Double.doubleToRawLongBits(a.probability(label)),
                        Double.doubleToRawLongBits(b.probability(label)), e.source() + " " + label);
            }
            if (first == null) first = a;
            else if (!first.equals(a)) differentProbabilities++;
        }
        assertTrue(differentProbabilities > 100, "the inputs are not all predicted alike");
        for (SentimentExample e : data.sentiment()) assertEquals(t1.predict(e.text()), t2.predict(e.text()));
        for (String own : List.of("Brazil applauded the agreement.", "", "   ", "Nothing here.",
                "\u00c9lys\u00e9e officials \u201Cwelcomed\u201D the plan \ud83d\ude00.")) {
            assertEquals(t1.predict(own), t2.predict(own), own);
            StanceQuery q = new StanceQuery(own, "Brazil", List.of(), List.of());
            assertEquals(s1.predict(q), s2.predict(q), own);
        }
    }

    @Test
    void aFeatureConfigWrittenBeforeTheNewFeatureFamiliesReadsWithThemOff() throws IOException {
        String old = "{\"window\":5,\"bigrams\":true,\"negation\":true,\"clause\":true,\"actorWords\":true,"
                + "\"lexicon\":true}";
        FeatureConfig fc = ModelBundle.JSON.readValue(old, FeatureConfig.class);
        assertEquals(FeatureConfig.legacy(), fc);
        assertFalse(fc.actorBigrams() || fc.changeCues());
        assertEquals(0, fc.charNgrams());
        // the shipped default model was trained with today's defaults and --lexicon-domain (scripts/train-default-model)
        Path shipped = TestModels.projectRoot().resolve("models/default/stance/model.json");
        assertEquals(FeatureConfig.defaults().withLexiconDomain(true), ModelBundle.JSON.treeToValue(
                ModelBundle.JSON.readTree(shipped.toFile()).path("feature_config"), FeatureConfig.class));
        FeatureConfig now = FeatureConfig.defaults().withCharNgrams(5).withChangeCues(true);
        assertEquals(now, ModelBundle.JSON.readValue(ModelBundle.JSON.writeValueAsString(now), FeatureConfig.class));
    }

    @Test
    void aLexiconDomainBundleKeysItsCopiesOnItsOwnLexiconAfterLoading(@TempDir Path tmp) throws IOException {
        // every other example gets an actor the lexicon does not know, as NewsMTSC's mentions are ("Trump")
        List<StanceExample> mixed = new ArrayList<>();
        List<StanceExample> all = manyInputs().stance();
        for (int i = 0; i < 1200; i++) {
            StanceExample e = all.get(i);
            StanceQuery q = e.query();
            mixed.add(i % 2 == 0 ? e : new StanceExample(new StanceQuery(q.text(), "free " + q.actor(), q.targets(),
                    q.others()), e.label(), e.source(), e.group()));
        }
        LabelledData data = new LabelledData(mixed, List.of(), List.of());
        org.stancekit.train.Trainer.Options o = new org.stancekit.train.Trainer.Options(EnumSet.of(Task.STANCE),
                org.stancekit.train.LinearParams.defaults(), FeatureConfig.defaults().withLexiconDomain(true), 42, 0.1,
                Map.of(), false, Map.of());
        ModelBundle trained = org.stancekit.train.Trainer.train(data, null, ActorLexicon.loadDefault(), o, m -> { })
                .bundle();
        trained.save(tmp.resolve("m"), false);
        ModelBundle loaded = ModelBundle.load(tmp.resolve("m"));
        Classifier<StanceQuery> a = trained.stance().orElseThrow(), b = loaded.stance().orElseThrow();
        for (StanceExample e : mixed) assertEquals(a.predict(e.query()), b.predict(e.query()), e.source());
        List<String> names = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(tmp.resolve("m/stance/features.txt.gz"))), StandardCharsets.UTF_8))) {
            r.lines().forEach(names::add);
        }
        assertTrue(names.stream().anyMatch(n -> n.startsWith("L|")), "copies for lexicon actors");
        assertTrue(names.stream().anyMatch(n -> n.startsWith("F|")), "copies for free-text actors");
        assertTrue(ModelBundle.JSON.readTree(tmp.resolve("m/stance/model.json").toFile()).path("feature_config")
                .path("lexiconDomain").asBoolean(), "recorded in model.json");
    }

    @Test
    void loadedBundleKeepsLexiconAndModelInfo() throws IOException {
        Path dir = TestModels.tinyBundle();
        ModelBundle b = ModelBundle.load(dir);
        assertEquals(ActorLexicon.loadDefault().text(), b.lexicon().text(), "the lexicon is stored verbatim");
        assertEquals(Files.readString(dir.resolve(ModelBundle.ACTORS_FILE)), b.lexicon().text());
        Map<String, Object> info = b.tasks().get(Task.STANCE).info();
        assertEquals("linear", info.get("backend"));
        assertEquals(b.stance().orElseThrow().labels(), info.get("labels"));
        assertTrue(info.containsKey("feature_config") && info.containsKey("training_data"), info.keySet().toString());
        Map<String, Object> bundleInfo = ModelBundle.readBundleInfo(dir);
        assertEquals(ModelBundle.FORMAT_VERSION, bundleInfo.get("format_version"));
        assertEquals(List.of("stance", "sentiment"), bundleInfo.get("tasks"));
        @SuppressWarnings("unchecked")
        Map<String, Object> checksums = (Map<String, Object>) bundleInfo.get("checksums");
        assertTrue(checksums.containsKey("stance/" + LinearModel.WEIGHTS_FILE), checksums.toString());
        assertTrue(checksums.containsKey("sentiment/" + LinearModel.FEATURES_FILE), checksums.toString());
        assertEquals(List.of("actors.tsv", "bundle.json", "sentiment", "stance"), listing(dir));
    }

    @Test
    void saveRefusesAnExistingDirectoryWithoutForceAndReplacesWithForce() throws IOException {
        ModelBundle bundle = ModelBundle.load(TestModels.tinyBundle());
        Path target = tmp.resolve("models").resolve("m");
        bundle.save(target, false);
        assertEquals(List.of("m"), listing(target.getParent()), "no temporary directory left behind");
        String before = Files.readString(target.resolve(ModelBundle.BUNDLE_FILE));

        ActorLexicon custom = ActorLexicon.parse("id\tkind\taliases\tdemonyms\tleaders\n"
                + "Ruritania\tstate\tRuritania\t\t\n", "custom");
        BadInputException e = assertThrows(BadInputException.class,
                () -> bundle.withLexicon(custom).save(target, false));
        assertTrue(e.getMessage().contains("already exists") && e.getMessage().contains("--force"), e.getMessage());
        assertEquals(before, Files.readString(target.resolve(ModelBundle.BUNDLE_FILE)), "untouched");
        assertEquals(ActorLexicon.loadDefault().text(), Files.readString(target.resolve(ModelBundle.ACTORS_FILE)));

        bundle.withLexicon(custom).save(target, true);
        assertEquals(custom.text(), Files.readString(target.resolve(ModelBundle.ACTORS_FILE)), "replaced");
        assertTrue(ModelBundle.load(target).lexicon().contains("Ruritania"));
        assertEquals(List.of("m"), listing(target.getParent()), "no temporary or old directory left behind");
    }

    @Test
    void saveThatFailsLeavesThePreviousBundleAndNoTemporaryDirectory() throws IOException {
        ModelBundle good = ModelBundle.load(TestModels.tinyBundle());
        Path target = tmp.resolve("m");
        good.save(target, false);
        String before = Files.readString(target.resolve(ModelBundle.BUNDLE_FILE));
        Classifier<String> foreign = new Classifier<>() {
            @Override
            public List<String> labels() {
                return List.of("a", "b");
            }

            @Override
            public Prediction predict(String input) {
                return Prediction.of(labels(), new double[] {0.5, 0.5});
            }
        };
        ModelBundle unsavable = new ModelBundle(good.lexicon(),
                Map.of(Task.SENTIMENT, new ModelBundle.TaskModel(foreign, Map.of())));
        assertThrows(RuntimeException.class, () -> unsavable.save(target, true));
        assertEquals(before, Files.readString(target.resolve(ModelBundle.BUNDLE_FILE)));
        assertEquals(List.of("m"), listing(tmp));
        ModelBundle.load(target);
    }

    @Test
    void missingDirectory() throws IOException {
        loadFails(tmp.resolve("nowhere"), "nowhere", "no such model directory");
        Path file = Files.writeString(tmp.resolve("file"), "x");
        loadFails(file, "it is a file");
    }

    @Test
    void missingBundleJson() throws IOException {
        Path b = copy();
        Files.delete(b.resolve(ModelBundle.BUNDLE_FILE));
        loadFails(b, "bundle.json", "missing", "not a complete StanceKit model bundle");
    }

    @Test
    void futureFormatVersionNamesFoundAndExpected() throws IOException {
        Path b = copy();
        Path bj = b.resolve(ModelBundle.BUNDLE_FILE);
        ObjectNode root = (ObjectNode) JSON.readTree(bj.toFile());
        root.put("format_version", 99);
        Files.writeString(bj, JSON.writeValueAsString(root));
        loadFails(b, "bundle.json", "version 99", "reads version " + ModelBundle.FORMAT_VERSION, "upgrade StanceKit");

        root.remove("format_version");
        Files.writeString(bj, JSON.writeValueAsString(root));
        loadFails(b, "version missing");
    }

    @Test
    void missingActors() throws IOException {
        Path b = copy();
        Files.delete(b.resolve(ModelBundle.ACTORS_FILE));
        loadFails(b, "actors.tsv", "missing from the model bundle");
    }

    @Test
    void brokenActorsNamesTheLexicon() throws IOException {
        Path b = copy();
        Files.writeString(b.resolve(ModelBundle.ACTORS_FILE), "no header here\n");
        loadFails(b, "model bundle lexicon", "actors.tsv", "header");
    }

    @Test
    void truncatedWeights() throws IOException {
        Path b = copy();
        Path w = b.resolve("stance").resolve(LinearModel.WEIGHTS_FILE);
        byte[] bytes = Files.readAllBytes(w);
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        Files.write(w, cut);
        loadFails(b, "weights.bin", "checksum does not match");

        replaceWithChecksum(b, "stance/" + LinearModel.WEIGHTS_FILE, cut);
        loadFails(b, "weights.bin", "truncated");

        replaceWithChecksum(b, "stance/" + LinearModel.WEIGHTS_FILE, new byte[0]);
        loadFails(b, "weights.bin", "truncated");
    }

    @Test
    void flippedByteFailsTheChecksum() throws IOException {
        Path b = copy();
        Path w = b.resolve("sentiment").resolve(LinearModel.WEIGHTS_FILE);
        byte[] bytes = Files.readAllBytes(w);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(w, bytes);
        loadFails(b, "sentiment", "weights.bin", "checksum does not match bundle.json", "retrain");
    }

    @Test
    void missingWeightsFile() throws IOException {
        Path b = copy();
        Files.delete(b.resolve("stance").resolve(LinearModel.WEIGHTS_FILE));
        loadFails(b, "weights.bin", "missing from the model bundle");
    }

    @Test
    void weightDimensionsMustMatchTheFeatures() throws IOException {
        Path b = copy();
        Path f = b.resolve("stance").resolve(LinearModel.FEATURES_FILE);
        List<String> names = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) names.add(line);
        }
        int p = names.size();
        assertTrue(p > 10, "features: " + p);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write((String.join("\n", names.subList(0, p - 1)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        replaceWithChecksum(b, "stance/" + LinearModel.FEATURES_FILE, gz.toByteArray());
        loadFails(b, "weights.bin", "weights for " + p + " features", "lists " + (p - 1));
    }

    @Test
    void invalidModelJson() throws IOException {
        Path b = copy();
        Path m = b.resolve("stance").resolve(ModelBundle.MODEL_FILE);
        Files.writeString(m, "{\n  \"backend\": \"linear\",\n  \"labels\": [\"favor\", \n");
        loadFails(b, "model.json", "invalid JSON at line");
    }

    @Test
    void unsupportedBackendAndTooFewLabels() throws IOException {
        Path b = copy();
        Path m = b.resolve("stance").resolve(ModelBundle.MODEL_FILE);
        ObjectNode model = (ObjectNode) JSON.readTree(m.toFile());
        model.put("backend", "transformer");
        Files.writeString(m, JSON.writeValueAsString(model));
        loadFails(b, "model.json", "backend 'transformer' is not supported");

        model.put("backend", "linear");
        model.putArray("labels").add("favor");
        Files.writeString(m, JSON.writeValueAsString(model));
        loadFails(b, "model.json", "at least two labels");
    }

    @Test
    void unknownTaskInBundleJson() throws IOException {
        Path b = copy();
        Path bj = b.resolve(ModelBundle.BUNDLE_FILE);
        ObjectNode root = (ObjectNode) JSON.readTree(bj.toFile());
        root.putArray("tasks").add("emotion");
        Files.writeString(bj, JSON.writeValueAsString(root));
        loadFails(b, "unknown task 'emotion'");
        root.putArray("tasks");
        Files.writeString(bj, JSON.writeValueAsString(root));
        loadFails(b, "lists no tasks");
    }

    /** Serializable object that records whether anything ever deserialized it. */
    static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;
        static volatile boolean deserialized;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            deserialized = true;
        }
    }

    @Test
    void javaSerializedWeightsAreRefusedNotDeserialized() throws IOException {
        Path b = copy();
        HashMap<String, Object> payload = new HashMap<>();
        payload.put("weights", new float[] {1f, 2f});
        payload.put("tripwire", new Tripwire());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(payload);
        }
        Tripwire.deserialized = false;
        replaceWithChecksum(b, "stance/" + LinearModel.WEIGHTS_FILE, bytes.toByteArray());
        loadFails(b, "weights.bin", "not a StanceKit weights file");
        assertFalse(Tripwire.deserialized, "the weights file was deserialized");
    }

    @Test
    void tamperedChecksumListIsRefused() throws IOException {
        Path b = copy();
        Path bj = b.resolve(ModelBundle.BUNDLE_FILE);
        ObjectNode root = (ObjectNode) JSON.readTree(bj.toFile());
        ObjectNode sums = (ObjectNode) root.get("checksums");
        List<String> keys = new ArrayList<>();
        sums.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) if (k.startsWith("stance/")) sums.remove(k);
        Files.writeString(bj, JSON.writeValueAsString(root));
        loadFails(b, "no checksums for task stance");
    }

    @Test
    void copiesOfABundleLoadAndPredictAlike() {
        Path b = copy();
        ModelBundle a = ModelBundle.load(TestModels.tinyBundle()), c = ModelBundle.load(b);
        StanceQuery q = new StanceQuery("Chile condemned the raid.", "Chile", List.of(), List.of());
        assertEquals(a.stance().orElseThrow().predict(q), c.stance().orElseThrow().predict(q));
    }
}
