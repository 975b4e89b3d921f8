package org.stancekit.model.neural;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.TestModels;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.model.StanceQuery;
import org.stancekit.train.Trainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --encoder cnn+bilstm}: a bag of CNNs and BiLSTMs whose parts are exactly the bags each encoder gives alone,
 * averaged alike, saved with each network's shape and loaded without DL4J.
 */
class MixedBagTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aMixedBagIsBothBagsAveragedAndLoadsWithoutDl4j(@TempDir Path tmp) throws IOException {
        NeuralParams p = TestModels.tinyNeuralParams().withEncoder(NeuralParams.MIXED).withBiLstm(true, true, 0, 0)
                .withBag(1);
        Trainer.Result mixed = TestModels.trainNeuralStance(p);
        NeuralClassifier<StanceQuery> bag = NeuralBagTest.neuralStance(mixed.bundle());
        assertEquals(2, bag.bagSize());
        assertTrue(bag.mixed());
        assertEquals(List.of("cnn", "bilstm"), bag.specs().stream().map(NeuralClassifier.Spec::encoder).toList());
        assertEquals(2, bag.fastPathNetworks());

        // each part is what that encoder gives alone with the same seed
        NeuralClassifier<StanceQuery> cnn = NeuralBagTest.neuralStance(TestModels.trainNeuralStance(p.part("cnn"))
                .bundle());
        NeuralClassifier<StanceQuery> lstm = NeuralBagTest.neuralStance(TestModels.trainNeuralStance(
                p.part("bilstm")).bundle());
        List<StanceQuery> qs = TestModels.projectQueries(60);
        double[][][] members = bag.memberProbabilities(qs);
        double[][] a = cnn.rawProbabilities(qs), b = lstm.rawProbabilities(qs), avg = bag.rawProbabilities(qs);
        for (int i = 0; i < qs.size(); i++) {
            assertArrayEquals(a[i], members[0][i], 1e-12, "CNN, query " + i);
            assertArrayEquals(b[i], members[1][i], 1e-12, "BiLSTM, query " + i);
            for (int k = 0; k < a[i].length; k++) assertEquals((a[i][k] + b[i][k]) / 2, avg[i][k], 1e-12);
        }

        Path dir = tmp.resolve("mixed");
        mixed.bundle().save(dir, false);
        JsonNode m = JSON.readTree(dir.resolve("stance/model.json").toFile());
        assertEquals("cnn+bilstm", m.path("neural_training").path("encoder").asText(), m.toString());
        assertEquals("bilstm", m.path(NeuralClassifier.NETWORK_SPECS).path(1).path("encoder").asText());
        assertEquals("network-2.zip", m.path("neural_training").path("parts").path(1).path("members").path(0)
                .path("network").asText());
        assertEquals(2, m.path(NeuralClassifier.COEFFICIENTS_LAYOUTS).size());
        NeuralClassifier<StanceQuery> loaded = NeuralBagTest.neuralStance(ModelBundle.load(dir));
        assertEquals(0, loaded.dl4jNetworks(), "loaded without restoring a DL4J network");
        assertEquals(bag.specs(), loaded.specs());
        assertEquals(mixed.bundle().stance().orElseThrow().predictAll(qs), loaded.predictAll(qs));
    }

    @Test
    void aMixedBagNeedsBothBagsToFit() {
        NeuralParams p = TestModels.tinyNeuralParams();
        assertThrows(IllegalArgumentException.class, () -> p.withEncoder(NeuralParams.MIXED)
                .withBag(NeuralParams.MAX_BAG / 2 + 1));
        assertThrows(IllegalArgumentException.class, () -> p.withEncoder(NeuralParams.MIXED).withBag(3)
                .withBiLstmBag(NeuralParams.MAX_BAG - 2));
        assertThrows(IllegalArgumentException.class, () -> p.withBiLstmBag(1)); // a CNN bag has no BiLSTMs
        NeuralParams mixed = p.withEncoder(NeuralParams.MIXED).withBag(3).withBiLstmBag(1);
        assertEquals(3, mixed.part("cnn").bag());
        assertEquals(1, mixed.part("bilstm").bag());
        assertEquals(0, mixed.part("bilstm").bilstmBag());
        assertThrows(IllegalArgumentException.class, () -> p.withEncoder("lstm"));
    }
}
