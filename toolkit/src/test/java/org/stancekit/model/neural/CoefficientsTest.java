package org.stancekit.model.neural;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.stancekit.TestModels;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.model.StanceQuery;
import org.stancekit.train.Trainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CNN bundles load without DL4J: the weights are read from {@code coefficients.bin} through the layout recorded in
 * {@code model.json} and checked against the DL4J output recorded on probe inputs; anything else falls back to DL4J.
 */
class CoefficientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void coefficientsBinIsReadExactlyAsDl4jHoldsTheParameters() throws IOException {
        Path dir = TestModels.tinyNeuralBundle(Trainer.Backend.NEURAL);
        float[] plain = Coefficients.read(dir.resolve("stance/network.zip"));
        float[] dl4j = NeuralBackend.restore(dir.resolve("stance/network.zip"), 3).params().castTo(DataType.FLOAT)
                .dup('c').data().asFloat();
        assertTrue(plain.length > 1000, "a real parameter vector: " + plain.length);
        assertArrayEquals(dl4j, plain);
        assertThrows(IOException.class, () -> Coefficients.parse(new byte[]{0, 3, 'a', 'b', 'c'}));
    }

    @Test
    void aCnnBundleLoadsWithoutRestoringAnyDl4jNetworkAndScoresIdentically() throws IOException {
        for (Trainer.Backend backend : List.of(Trainer.Backend.NEURAL, Trainer.Backend.ENSEMBLE)) {
            Path dir = TestModels.tinyNeuralBundle(backend);
            JsonNode m = JSON.readTree(dir.resolve("stance/model.json").toFile());
            JsonNode neural = backend == Trainer.Backend.NEURAL ? m : m.path("neural");
            JsonNode layout = neural.path(NeuralClassifier.COEFFICIENTS_LAYOUT);
            assertTrue(layout.path("embedding/W").path("offset").isNumber(), layout.toString());
            assertEquals(1, layout.path(Coefficients.PROBE_OUTPUTS).size(), "one network, one row of probe outputs");
            List<StanceQuery> qs = TestModels.projectQueries(120);
            ModelBundle loaded = ModelBundle.load(dir);
            NeuralClassifier<StanceQuery> n = NeuralBagTest.neuralStance(loaded);
            assertEquals(loaded.stance().orElseThrow().predictAll(qs),
                    TestModels.tinyNeuralResult(backend).bundle().stance().orElseThrow().predictAll(qs), backend.key());
            assertEquals(1, n.fastPathNetworks());
            assertEquals(0, n.dl4jNetworks(), backend.key() + ": scored without restoring the DL4J network");
        }
    }

    @Test
    void aBundleWithoutOrWithABadLayoutLoadsThroughDl4jWithTheSameResults(@TempDir Path tmp) throws IOException {
        Path original = TestModels.tinyNeuralBundle(Trainer.Backend.NEURAL);
        List<StanceQuery> qs = TestModels.projectQueries(120);
        var expected = ModelBundle.load(original).stance().orElseThrow().predictAll(qs);
        List<Consumer<ObjectNode>> edits = List.of(
                layout -> { }, // marker: the whole layout removed (bundles saved before it existed)
                layout -> ((ObjectNode) layout.path("output/W")).put("offset", 0),
                layout -> ((ArrayNode) layout.path(Coefficients.PROBE_OUTPUTS).path(0).path(0)).set(0,
                        JSON.getNodeFactory().numberNode(0.999)),
                layout -> layout.put("length", 7));
        for (int i = 0; i < edits.size(); i++) {
            Path dir = tmp.resolve("edit" + i);
            NeuralBagTest.copy(original, dir);
            Path modelJson = dir.resolve("stance/model.json");
            ObjectNode m = (ObjectNode) JSON.readTree(modelJson.toFile());
            if (i == 0) {
                m.remove(NeuralClassifier.COEFFICIENTS_LAYOUT);
            } else {
                edits.get(i).accept((ObjectNode) m.path(NeuralClassifier.COEFFICIENTS_LAYOUT));
            }
            Files.writeString(modelJson, JSON.writeValueAsString(m));
            NeuralClassifier<StanceQuery> n = NeuralBagTest.neuralStance(ModelBundle.load(dir));
            assertEquals(1, n.dl4jNetworks(), "edit " + i + " falls back to DL4J");
            assertEquals(1, n.fastPathNetworks(), "edit " + i + ": DL4J still verifies the plain-Java pass");
            assertEquals(expected, n.predictAll(qs), "edit " + i);
        }
    }

    @Test
    void resavingABundleLoadedWithoutDl4jKeepsItsNetworkFilesAndLayout(@TempDir Path tmp) throws IOException {
        Path original = TestModels.tinyNeuralBundle(Trainer.Backend.ENSEMBLE);
        ModelBundle loaded = ModelBundle.load(original);
        Path again = tmp.resolve("again");
        loaded.save(again, false);
        assertArrayEquals(Files.readAllBytes(original.resolve("stance/network.zip")),
                Files.readAllBytes(again.resolve("stance/network.zip")));
        assertEquals(JSON.readTree(original.resolve("stance/model.json").toFile()).path("neural")
                        .path(NeuralClassifier.COEFFICIENTS_LAYOUT),
                JSON.readTree(again.resolve("stance/model.json").toFile()).path("neural")
                        .path(NeuralClassifier.COEFFICIENTS_LAYOUT));
        ModelBundle reloaded = ModelBundle.load(again);
        assertEquals(0, NeuralBagTest.neuralStance(reloaded).dl4jNetworks());
        List<StanceQuery> qs = TestModels.projectQueries(60);
        assertEquals(loaded.stance().orElseThrow().predictAll(qs), reloaded.stance().orElseThrow().predictAll(qs));
    }
}
