package org.stancekit.model.neural;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.stancekit.BadInputException;
import org.stancekit.TestModels;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.model.Prediction;
import org.stancekit.model.StanceQuery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --embeddings FILE}: the formats read, the errors named, and a network that starts from the vectors. */
class PretrainedVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Vocabulary vocab(String... sentences) {
        return Vocabulary.build(java.util.Arrays.stream(sentences).map(s -> List.of(s.split(" "))).toList(), 1);
    }

    @Test
    void textVectorsAreReadForTheVocabularysWordsOnly(@TempDir Path tmp) throws IOException {
        Vocabulary v = vocab("sanctions hurt the economy", "the talks failed");
        String text = "4 3\nthe 0.1 0.2 0.3\nsanctions -1 0.5 2e-1\nzebra 9 9 9\nthe 7 7 7\n\ntalks 1 2 3\n";
        Path plain = TestModels.write(tmp, "v.txt", text);
        Map<Integer, float[]> got = PretrainedVectors.read(plain, v, 3).vectors();
        assertEquals(3, got.size(), "the, sanctions, talks; not zebra (not in the vocabulary)");
        assertArrayEquals(new float[]{0.1f, 0.2f, 0.3f}, got.get(v.id("the")), "the file's first vector of a word wins");
        assertArrayEquals(new float[]{-1f, 0.5f, 0.2f}, got.get(v.id("sanctions")));
        assertArrayEquals(new float[]{1f, 2f, 3f}, got.get(v.id("talks")));
        Path gz = tmp.resolve("v.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Map<Integer, float[]> fromGz = PretrainedVectors.read(gz, v, 3).vectors();
        assertEquals(got.keySet(), fromGz.keySet());
        for (int id : got.keySet()) assertArrayEquals(got.get(id), fromGz.get(id));
    }

    @Test
    void theWinkJsonIsReadAndItsExtraNumbersIgnored(@TempDir Path tmp) {
        Vocabulary v = vocab("nato allies met", "allies agreed");
        Path json = TestModels.write(tmp, "wink.json", "{\"precision\":8,\"dimensions\":2,\"words\":[\"allies\",\"nato\"],"
                + "\"vectors\":{\"allies\":[0.5,-0.25,0.56,0],\"nato\":[1,2,2.24,1],\"other\":[3,3,4.2,2]},"
                + "\"unkVector\":[0,0]}");
        Map<Integer, float[]> got = PretrainedVectors.read(json, v, 2).vectors();
        assertEquals(2, got.size());
        assertArrayEquals(new float[]{0.5f, -0.25f}, got.get(v.id("allies")));
        assertArrayEquals(new float[]{1f, 2f}, got.get(v.id("nato")));
    }

    @Test
    void badFilesAreNamedWithTheirLine(@TempDir Path tmp) {
        Vocabulary v = vocab("the talks failed");
        BadInputException size = assertThrows(BadInputException.class, () -> PretrainedVectors.read(
                TestModels.write(tmp, "short.txt", "the 1 2 3\ntalks 1 2\n"), v, 3));
        assertTrue(size.getMessage().contains("short.txt, line 2") && size.getMessage().contains("2 numbers, expected 3"),
                size.getMessage());
        BadInputException nan = assertThrows(BadInputException.class, () -> PretrainedVectors.read(
                TestModels.write(tmp, "nan.txt", "the 1 x 3\n"), v, 3));
        assertTrue(nan.getMessage().contains("nan.txt, line 1") && nan.getMessage().contains("field 3"),
                nan.getMessage());
        BadInputException dims = assertThrows(BadInputException.class, () -> PretrainedVectors.read(
                TestModels.write(tmp, "d.json", "{\"dimensions\":5,\"vectors\":{}}"), v, 3));
        assertTrue(dims.getMessage().contains("5 dimensions, expected 3"), dims.getMessage());
        BadInputException broken = assertThrows(BadInputException.class, () -> PretrainedVectors.read(
                TestModels.write(tmp, "b.json", "{\"vectors\":{\"the\":[1,2,"), v, 3));
        assertTrue(broken.getMessage().contains("b.json"), broken.getMessage());
        assertThrows(BadInputException.class, () -> PretrainedVectors.read(tmp.resolve("missing.txt"), v, 3));
        assertThrows(BadInputException.class, () -> PretrainedVectors.read(TestModels.write(tmp, "e.txt", "\n"), v, 3));
    }

    @Test
    void theProbeChecksTheSizeFromTheStartOfTheFile(@TempDir Path tmp) {
        PretrainedVectors.probe(TestModels.write(tmp, "ok.txt", "2 3\nthe 1 2 3\nof 1 2\n"), 3); // only the first
        PretrainedVectors.probe(TestModels.write(tmp, "ok.json", "{\"precision\":8,\"dimensions\":3,\"vectors\":{}}"), 3);
        BadInputException text = assertThrows(BadInputException.class, () -> PretrainedVectors.probe(
                TestModels.write(tmp, "four.txt", "\nthe 1 2 3 4\n"), 3));
        assertTrue(text.getMessage().contains("four.txt, line 2") && text.getMessage().contains("4 numbers, expected 3"),
                text.getMessage());
        BadInputException json = assertThrows(BadInputException.class, () -> PretrainedVectors.probe(
                TestModels.write(tmp, "d.json", "{\"dimensions\":100,\"vectors\":{}}"), 3));
        assertTrue(json.getMessage().contains("100 dimensions, expected 3"), json.getMessage());
        assertThrows(BadInputException.class, () -> PretrainedVectors.probe(
                TestModels.write(tmp, "none.json", "{\"words\":[]}"), 3));
        assertThrows(BadInputException.class, () -> PretrainedVectors.probe(
                TestModels.write(tmp, "header-only.txt", "10 3\n"), 3));
    }

    @Test
    void aNetworkStartsFromTheVectorsOverWord2VecAndKeepsThemWhenFrozen(@TempDir Path tmp) throws Exception {
        NeuralParams base = TestModels.tinyNeuralParams();
        // vectors for a handful of words every news sentence has, made up for the test
        String[] words = {"the", "of", "and", "to", "said", "sanctions"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            text.append(words[i]);
            for (int j = 0; j < base.embeddingDim(); j++) text.append(' ').append((i + 1) * 0.01f * (j % 7 - 3));
            text.append('\n');
        }
        Path file = TestModels.write(tmp, "vectors.txt", text.toString());
        NeuralParams p = base.withTraining(false, 0, 1).withEmbeddings(file); // frozen: the rows must stay
        ModelBundle bundle = TestModels.trainNeuralStance(p).bundle();
        NeuralClassifier<?> trained = (NeuralClassifier<?>) bundle.stance().orElseThrow();
        INDArray w = trained.networkCopy().getLayer("embedding").getParam("W");
        Vocabulary vocab = trained.vocabulary();
        int found = 0;
        for (int i = 0; i < words.length; i++) {
            int id = vocab.id(words[i]);
            if (id == Vocabulary.UNK_ID) continue;
            found++;
            for (int j = 0; j < base.embeddingDim(); j++) {
                assertEquals((i + 1) * 0.01f * (j % 7 - 3), w.getFloat(id, j), 1e-6, words[i] + "[" + j + "]");
            }
        }
        assertTrue(found >= 5, "the project's sentences have these words: " + found);
        Path dir = tmp.resolve("bundle");
        bundle.save(dir, false);
        JsonNode t = JSON.readTree(dir.resolve("stance/model.json").toFile()).path("neural_training");
        assertEquals(found, t.path("pretrained_embeddings").path("initialised_words").asInt(), t.toString());
        assertEquals("vectors.txt", t.path("pretrained_embeddings").path("file").asText());
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file))), t.path("pretrained_embeddings").path("sha256").asText());
        List<StanceQuery> qs = TestModels.projectQueries(40);
        List<Prediction> before = bundle.stance().orElseThrow().predictAll(qs);
        assertEquals(before, ModelBundle.load(dir).stance().orElseThrow().predictAll(qs));
        // without the vectors the same seed starts elsewhere
        INDArray plain = ((NeuralClassifier<?>) TestModels.trainNeuralStance(base.withTraining(false, 0, 1)).bundle()
                .stance().orElseThrow()).networkCopy().getLayer("embedding").getParam("W");
        assertTrue(plain.getRow(vocab.id("the")).sub(w.getRow(vocab.id("the"))).amaxNumber().doubleValue() > 1e-3);
    }
}
