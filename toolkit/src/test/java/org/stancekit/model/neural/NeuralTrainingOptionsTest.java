package org.stancekit.model.neural;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attention pooling (BiLSTM), the embedding's learning-rate scale (0 = frozen) and the per-epoch learning-rate decay. */
class NeuralTrainingOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static NeuralParams bilstm() {
        return TestModels.tinyBiLstmParams();
    }

    private static Trainer.Result train(NeuralParams p) {
        return TestModels.trainNeuralStance(p);
    }

    @SuppressWarnings("unchecked")
    @Test
    void anAttentionPooledBiLstmWithScaledEmbeddingAndDecayIsRecordedAndReloadsIdentically(@TempDir Path tmp)
            throws IOException {
        ModelBundle bundle = train(bilstm().withTraining(true, 0.1, 0.5)).bundle();
        NeuralClassifier<?> trained = (NeuralClassifier<?>) bundle.stance().orElseThrow();
        assertTrue(trained.spec().attentionPool());
        assertNotNull(trained.networkCopy().getVertex("attention"));
        Path dir = tmp.resolve("attention");
        bundle.save(dir, false);
        JsonNode m = JSON.readTree(dir.resolve("stance/model.json").toFile());
        assertTrue(m.path("network").path("attention_pool").asBoolean(), m.toString());
        JsonNode t = m.path("neural_training");
        assertTrue(t.path("attention_pool").asBoolean(), t.toString());
        assertEquals(0.1, t.path("embedding_lr_scale").asDouble(), 1e-12);
        assertEquals(0.5, t.path("lr_decay").asDouble(), 1e-12);
        List<StanceQuery> qs = TestModels.projectQueries(60);
        List<Prediction> before = bundle.stance().orElseThrow().predictAll(qs);
        NeuralClassifier<?> loaded = (NeuralClassifier<?>) ModelBundle.load(dir).stance().orElseThrow();
        assertTrue(loaded.spec().attentionPool());
        assertEquals(before, ModelBundle.load(dir).stance().orElseThrow().predictAll(qs));
        // the copies that predict give what the saved network itself gives
        ComputationGraph restored = NeuralBackend.restore(dir.resolve("stance").resolve(NeuralClassifier.NETWORK_FILE),
                trained.labels().size());
        // the learning rate decayed once per epoch run: 0.5^epochs of the base rate; the embedding's is a tenth of it
        int epochs = t.path("members").get(0).path("epochs").size();
        assertTrue(epochs >= 1, t.toString());
        assertEquals(epochs, restored.getEpochCount());
        double lr = bilstm().learningRate();
        assertEquals(lr * Math.pow(0.5, epochs), restored.getLearningRate("output"), 1e-9);
        assertEquals(0.1 * lr * Math.pow(0.5, epochs), restored.getLearningRate("embedding"), 1e-9);
        double[][] direct = NeuralTrainer.predict(restored, qs.stream().map(TokenSequence::forStance).toList(),
                loaded.vocabulary(), loaded.spec());
        double[][] raw = ((NeuralClassifier<StanceQuery>) loaded).rawProbabilities(qs);
        for (int i = 0; i < raw.length; i++) {
            for (int k = 0; k < raw[i].length; k++) assertEquals(direct[i][k], raw[i][k], 1e-9);
        }
    }

    @Test
    void withoutTheNewSettingsNothingNewIsRecorded(@TempDir Path tmp) throws IOException {
        ModelBundle bundle = train(bilstm()).bundle();
        Path dir = tmp.resolve("plain");
        bundle.save(dir, false);
        JsonNode m = JSON.readTree(dir.resolve("stance/model.json").toFile());
        assertFalse(m.path("network").has("attention_pool"), m.path("network").toString());
        JsonNode t = m.path("neural_training");
        for (String k : new String[]{"attention_pool", "embedding_lr_scale", "lr_decay"}) assertFalse(t.has(k), k);
        NeuralClassifier<?> loaded = (NeuralClassifier<?>) ModelBundle.load(dir).stance().orElseThrow();
        assertFalse(loaded.spec().attentionPool());
        assertNull(loaded.networkCopy().getVertex("attention"));
        // the default configuration is the one built before these settings existed
        NeuralParams p = bilstm();
        NeuralClassifier.Spec spec = loaded.spec();
        NeuralParams old = new NeuralParams(p.encoder(), p.embeddingDim(), p.positionDim(), p.hidden(), p.kernel(),
                p.dropout(), p.learningRate(), p.l2(), p.batchSize(), p.maxEpochs(), p.patience(), p.maxLength(),
                p.minCount(), p.word2vec(), p.word2vecEpochs(), p.unlabelled(), p.bag(), p.unpadded(), p.meanPool(),
                p.inputDropout(), p.gradientClip());
        assertEquals(NeuralTrainer.configuration(spec, old, 3, new double[]{1, 1, 1}, 7).toJson(),
                NeuralTrainer.configuration(spec, p.withTraining(false, 1, 1), 3, new double[]{1, 1, 1}, 7).toJson());
    }

    /** One minibatch of a CNN: how far the embedding and the encoder moved. */
    private static double[] moved(double embeddingScale) {
        NeuralParams p = TestModels.tinyNeuralParams().withTraining(false, embeddingScale, 1);
        List<TokenSequence> seqs = TestModels.projectQueries(32).stream().map(TokenSequence::forStance).toList();
        Vocabulary vocab = Vocabulary.build(seqs.stream().map(TokenSequence::words).toList(), 1);
        NeuralClassifier.Spec spec = new NeuralClassifier.Spec("cnn", p.maxLength(), NeuralTrainer.POSITION_RADIUS,
                p.embeddingDim(), p.positionDim(), p.hidden(), p.kernel(), vocab.size());
        Nd4j.getRandom().setSeed(5);
        ComputationGraph net = new ComputationGraph(NeuralTrainer.configuration(spec, p, 3, new double[]{1, 1, 1}, 5));
        net.init();
        INDArray emb = net.getLayer("embedding").getParam("W").dup(), enc = net.getLayer("encoder").getParam("W").dup();
        float[] y = new float[seqs.size() * 3];
        for (int i = 0; i < seqs.size(); i++) y[i * 3 + i % 3] = 1;
        MultiDataSet batch = new MultiDataSet(NeuralClassifier.encode(seqs, vocab, spec),
                new INDArray[]{Nd4j.create(y, new long[]{seqs.size(), 3}, 'c')});
        for (int i = 0; i < 3; i++) net.fit(batch);
        return new double[]{net.getLayer("embedding").getParam("W").sub(emb).amaxNumber().doubleValue(),
                net.getLayer("encoder").getParam("W").sub(enc).amaxNumber().doubleValue()};
    }

    @Test
    void aFrozenEmbeddingStaysAndAScaledOneMovesLess() {
        double[] frozen = moved(0), slow = moved(0.1), full = moved(1);
        assertEquals(0, frozen[0], 0, "a frozen embedding moved");
        assertTrue(frozen[1] > 0 && slow[1] > 0 && full[1] > 0);
        assertTrue(slow[0] > 0 && slow[0] < 0.5 * full[0], slow[0] + " vs " + full[0]);
    }

    @Test
    void badValuesAreRefused() {
        NeuralParams p = TestModels.tinyNeuralParams();
        assertThrows(IllegalArgumentException.class, () -> p.withTraining(true, 1, 1)); // attention: BiLSTM only
        assertThrows(IllegalArgumentException.class, () -> p.withTraining(false, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> p.withTraining(false, 1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> p.withTraining(false, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> p.withTraining(false, 1, 1.1));
        assertEquals(0.5, p.withTraining(false, 0, 0.5).lrDecay());
    }
}
