package org.stancekit.model.neural;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.TestModels;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.model.Prediction;
import org.stancekit.model.StanceQuery;
import org.stancekit.model.TokenSequence;
import org.stancekit.train.Trainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Word dropout (training only) and the L2 penalty of the neural backend. */
class NeuralRegularisationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static NeuralParams bilstm() {
        return TestModels.tinyBiLstmParams();
    }

    private static Trainer.Result train(NeuralParams p) {
        return TestModels.trainNeuralStance(p);
    }

    @Test
    void wordDropoutReplacesOnlyWordsThatAreNotMentionsAndKeepsTheShape() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 400; i++) words.add(i == 3 ? "<t>" : i == 7 ? "<o>" : "w" + i);
        TokenSequence s = new TokenSequence(words, List.of(3), List.of(7));
        assertSame(s, NeuralTrainer.dropWords(s, 0, new Random(1)));
        TokenSequence d = NeuralTrainer.dropWords(s, 0.25, new Random(1));
        assertEquals(s.words().size(), d.words().size());
        assertEquals(s.targets(), d.targets());
        assertEquals(s.others(), d.others());
        assertEquals("<t>", d.words().get(3));
        assertEquals("<o>", d.words().get(7));
        int dropped = 0;
        for (int i = 0; i < words.size(); i++) {
            if (!d.words().get(i).equals(words.get(i))) {
                assertEquals(Vocabulary.UNK, d.words().get(i));
                dropped++;
            }
        }
        assertTrue(dropped > 60 && dropped < 140, "dropped " + dropped + " of 398 at p = 0.25");
        // the unknown-word placeholder is the unknown word's row, not a word of its own
        Vocabulary vocab = Vocabulary.build(List.of(words), 1);
        assertEquals(Vocabulary.UNK_ID, vocab.id(Vocabulary.UNK));
        // seeded: the same draws again; a generator that has moved on draws others (a new mask every epoch)
        Random rnd = new Random(1);
        TokenSequence first = NeuralTrainer.dropWords(s, 0.25, rnd);
        assertEquals(d, first);
        assertNotEquals(first, NeuralTrainer.dropWords(s, 0.25, rnd));
    }

    @SuppressWarnings("unchecked")
    @Test
    void withWordDropoutAndL2ABiLstmIsRecordedDeterministicAndReloadsIdentically(@TempDir Path tmp)
            throws IOException {
        NeuralParams p = bilstm().withRegularisation(0.25, 1e-4);
        Trainer.Result result = train(p);
        ModelBundle bundle = result.bundle();
        Path dir = tmp.resolve("regularised");
        bundle.save(dir, false);
        JsonNode m = JSON.readTree(dir.resolve("stance/model.json").toFile());
        JsonNode h = m.path("neural_hyper_parameters");
        assertEquals(0.25, h.path("word_dropout").asDouble(), 1e-12, h.toString());
        assertEquals(1e-4, h.path("l2").asDouble(), 1e-15, h.toString());
        assertEquals(0.25, m.path("neural_training").path("word_dropout").asDouble(), 1e-12);
        List<StanceQuery> qs = TestModels.projectQueries(60);
        List<Prediction> before = bundle.stance().orElseThrow().predictAll(qs);
        assertEquals(before, ModelBundle.load(dir).stance().orElseThrow().predictAll(qs));
        // the same seed gives the same model
        assertEquals(before, train(p).bundle().stance().orElseThrow().predictAll(qs));
        // without the two settings: nothing new in model.json, the L2 penalty of before, and another model
        ModelBundle plain = train(bilstm()).bundle();
        Path plainDir = tmp.resolve("plain");
        plain.save(plainDir, false);
        JsonNode pm = JSON.readTree(plainDir.resolve("stance/model.json").toFile());
        assertFalse(pm.path("neural_hyper_parameters").has("word_dropout"), pm.toString());
        assertFalse(pm.path("neural_training").has("word_dropout"), pm.toString());
        assertEquals(1e-5, pm.path("neural_hyper_parameters").path("l2").asDouble(), 1e-15);
        assertEquals(0, bilstm().wordDropout());
        assertEquals(1e-5, bilstm().l2());
        double[][] with = ((NeuralClassifier<StanceQuery>) bundle.stance().orElseThrow()).rawProbabilities(qs);
        double[][] without = ((NeuralClassifier<StanceQuery>) plain.stance().orElseThrow()).rawProbabilities(qs);
        double diff = 0;
        for (int i = 0; i < with.length; i++) {
            for (int k = 0; k < with[i].length; k++) diff = Math.max(diff, Math.abs(with[i][k] - without[i][k]));
        }
        assertTrue(diff > 1e-4, "the settings changed nothing: " + diff);
    }

    @Test
    void badValuesAreRefused() {
        NeuralParams p = TestModels.tinyNeuralParams();
        assertThrows(IllegalArgumentException.class, () -> p.withRegularisation(-0.1, 1e-5));
        assertThrows(IllegalArgumentException.class, () -> p.withRegularisation(1, 1e-5));
        assertThrows(IllegalArgumentException.class, () -> p.withRegularisation(0.1, -1));
        assertThrows(IllegalArgumentException.class, () -> p.withRegularisation(0.1, Double.NaN));
        assertEquals(0.1, p.withRegularisation(0.1, 0).wordDropout()); // the CNN takes word dropout too
    }
}
