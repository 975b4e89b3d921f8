package org.stancekit.model.neural;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.stancekit.TestModels;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.model.Prediction;
import org.stancekit.model.StanceQuery;
import org.stancekit.model.TokenSequence;
import org.stancekit.train.Trainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BiLSTM settings: batches without padding, mean pooling, input dropout, gradient clipping. */
class NeuralBiLstmTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static NeuralParams unpadded() {
        return TestModels.tinyNeuralParams().withEncoder("bilstm").withBiLstm(true, true, 0.2, 5.0);
    }

    private static Trainer.Result train(NeuralParams p) {
        return TestModels.trainNeuralStance(p);
    }

    @Test
    void anUnpaddedNetworkScoresEachExampleAtItsOwnLengthWhateverItsBatch() {
        NeuralClassifier<StanceQuery> c = (NeuralClassifier<StanceQuery>) train(unpadded()).bundle().stance()
                .orElseThrow();
        NeuralClassifier.Spec spec = c.spec();
        assertTrue(spec.unpadded() && spec.meanPool(), spec.toString());
        ComputationGraph net = c.networkCopy();
        List<StanceQuery> qs = TestModels.projectQueries(40);
        double[][] probs = c.rawProbabilities(qs);
        java.util.Set<Integer> lengths = new java.util.HashSet<>();
        double paddedDiff = 0;
        for (int i = 0; i < qs.size(); i++) {
            NeuralClassifier.Encoded e = NeuralClassifier.encode(TokenSequence.forStance(qs.get(i)), c.vocabulary(),
                    spec);
            lengths.add(NeuralClassifier.length(e));
            // the example alone, at its own length: what the classifier gave it among 40 examples of many lengths
            double[] alone = net.output(false, NeuralClassifier.inputs(List.of(e), spec, NeuralClassifier.length(e)))[0]
                    .castTo(DataType.DOUBLE).toDoubleVector();
            for (int k = 0; k < alone.length; k++) assertEquals(alone[k], probs[i][k], 1e-6, "example " + i);
            double[] padded = net.output(false, NeuralClassifier.inputs(List.of(e), spec, spec.maxLength()))[0]
                    .castTo(DataType.DOUBLE).toDoubleVector();
            for (int k = 0; k < alone.length; k++) paddedDiff = Math.max(paddedDiff, Math.abs(padded[k] - alone[k]));
        }
        assertTrue(lengths.size() > 5, "the test needs examples of several lengths: " + lengths);
        // the same network reading the padding would give other probabilities: the batching by length is what avoids it
        assertTrue(paddedDiff > 1e-4, "padding made no difference: " + paddedDiff);
        // batch composition does not matter: the examples in reverse order give the same rows
        List<StanceQuery> reversed = new java.util.ArrayList<>(qs);
        java.util.Collections.reverse(reversed);
        double[][] back = c.rawProbabilities(reversed);
        for (int i = 0; i < qs.size(); i++) {
            for (int k = 0; k < probs[i].length; k++) assertEquals(probs[i][k], back[qs.size() - 1 - i][k], 1e-6);
        }
    }

    @Test
    void theSettingsAreRecordedAndAnUnpaddedBundleReloadsIdentically(@TempDir Path tmp) throws IOException {
        ModelBundle bundle = train(unpadded()).bundle();
        Path dir = tmp.resolve("unpadded");
        bundle.save(dir, false);
        JsonNode m = JSON.readTree(dir.resolve("stance/model.json").toFile());
        assertTrue(m.path("network").path("unpadded").asBoolean(), m.toString());
        assertTrue(m.path("network").path("mean_pool").asBoolean(), m.toString());
        JsonNode h = m.path("neural_hyper_parameters");
        assertTrue(h.path("unpadded").asBoolean() && h.path("mean_pool").asBoolean(), h.toString());
        assertEquals(0.2, h.path("input_dropout").asDouble(), 1e-12);
        assertEquals(5.0, h.path("gradient_clip").asDouble(), 1e-12);
        List<StanceQuery> qs = TestModels.projectQueries(60);
        List<Prediction> before = bundle.stance().orElseThrow().predictAll(qs);
        NeuralClassifier<?> loaded = (NeuralClassifier<?>) ModelBundle.load(dir).stance().orElseThrow();
        assertEquals(bundle.stance().orElseThrow().labels(), loaded.labels());
        assertTrue(loaded.spec().unpadded() && loaded.spec().meanPool());
        assertEquals(before, ModelBundle.load(dir).stance().orElseThrow().predictAll(qs));
    }

    @Test
    void aPaddedBiLstmIsDescribedAsBefore(@TempDir Path tmp) throws IOException {
        ModelBundle bundle = train(TestModels.tinyNeuralParams().withEncoder("bilstm")).bundle();
        Path dir = tmp.resolve("plain");
        bundle.save(dir, false);
        JsonNode n = JSON.readTree(dir.resolve("stance/model.json").toFile()).path("network");
        assertFalse(n.has("unpadded") || n.has("mean_pool"), n.toString());
        NeuralClassifier<?> loaded = (NeuralClassifier<?>) ModelBundle.load(dir).stance().orElseThrow();
        assertFalse(loaded.spec().unpadded() || loaded.spec().meanPool());
    }

    @Test
    void sameSeedGivesTheSameUnpaddedModel() {
        List<StanceQuery> qs = TestModels.projectQueries(80);
        assertEquals(train(unpadded()).bundle().stance().orElseThrow().predictAll(qs),
                train(unpadded()).bundle().stance().orElseThrow().predictAll(qs));
    }

    @Test
    void theBiLstmSettingsAreRefusedForTheCnn() {
        NeuralParams cnn = TestModels.tinyNeuralParams();
        assertThrows(IllegalArgumentException.class, () -> cnn.withBiLstm(true, false, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> cnn.withBiLstm(false, true, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> cnn.withBiLstm(false, false, 0.2, 0));
        assertThrows(IllegalArgumentException.class, () -> cnn.withBiLstm(false, false, 0, -1));
        assertEquals(5.0, cnn.withBiLstm(false, false, 0, 5.0).gradientClip());
        assertThrows(IllegalArgumentException.class, () -> cnn.withEncoder("bilstm").withBiLstm(true, true, 1.0, 0));
    }
}
