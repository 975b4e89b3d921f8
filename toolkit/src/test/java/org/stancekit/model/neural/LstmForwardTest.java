package org.stancekit.model.neural;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.stancekit.TestModels;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.model.StanceQuery;
import org.stancekit.train.Trainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plain-Java BiLSTM forward pass agrees with DL4J's (unpadded and padded, with and without mean pooling, with
 * saturating weights), and a BiLSTM bundle loads and scores without restoring any DL4J network.
 */
class LstmForwardTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A randomly initialised BiLSTM graph with its weights scaled up, so that gates saturate as well as not. */
    private static ComputationGraph network(NeuralClassifier.Spec spec, NeuralParams p, long seed) {
        ComputationGraph net = new ComputationGraph(NeuralTrainer.configuration(spec, p, 3, new double[]{1, 1, 1},
                seed));
        net.init();
        net.setParams(net.params().mul(4));
        return net;
    }

    private static List<NeuralClassifier.Encoded> examples(NeuralClassifier.Spec spec, Random rnd) {
        List<NeuralClassifier.Encoded> out = new ArrayList<>();
        int len = spec.maxLength(), r = spec.positionRadius();
        for (int used : new int[]{0, 1, 2, 5, 13, len - 1, len}) {
            for (boolean target : new boolean[]{false, true}) {
                int[] words = new int[len], pos = new int[len];
                float[] w = new float[len];
                int t = used == 0 ? 0 : rnd.nextInt(used);
                for (int i = 0; i < used; i++) {
                    words[i] = 1 + rnd.nextInt(spec.vocabularySize() - 1);
                    pos[i] = target ? Math.max(-r, Math.min(r, i - t)) + r + 1 : 2 * r + 2;
                    if (!target) w[i] = 1f / used;
                }
                if (target && used > 0) w[t] = 1f;
                out.add(new NeuralClassifier.Encoded(words, pos, w, used));
            }
        }
        return out;
    }

    @Test
    void agreesWithDl4jUnpaddedAndPaddedWithAndWithoutMeanPooling() {
        Random rnd = new Random(11);
        for (boolean unpadded : new boolean[]{true, false}) {
            for (boolean mean : new boolean[]{true, false}) {
                NeuralParams p = TestModels.tinyNeuralParams().withEncoder("bilstm").withBiLstm(unpadded, mean, 0, 0);
                NeuralClassifier.Spec spec = new NeuralClassifier.Spec("bilstm", 20, 4, p.embeddingDim(),
                        p.positionDim(), 2 * p.hidden(), p.kernel(), 50, unpadded, mean, false);
                ComputationGraph net = network(spec, p, 5);
                LstmForward fast = LstmForward.of(net, spec);
                assertNotNull(fast);
                String what = (unpadded ? "unpadded" : "padded") + (mean ? " with mean pooling" : "");
                List<NeuralClassifier.Encoded> examples = examples(spec, rnd);
                double[][] dl4j = new double[examples.size()][];
                if (unpadded) {
                    NeuralClassifier.unpadded(net, examples, spec, dl4j);
                } else {
                    dl4j = net.output(false, NeuralClassifier.inputs(examples, spec))[0].castTo(DataType.DOUBLE)
                            .toDoubleMatrix();
                }
                double spread = 0;
                for (int b = 0; b < examples.size(); b++) {
                    double[] p1 = fast.probabilities(examples.get(b));
                    for (int j = 0; j < p1.length; j++) {
                        assertEquals(dl4j[b][j], p1[j], 1e-5, what + ": example " + b + " (" + examples.get(b).used()
                                + " tokens), class " + j);
                        spread = Math.max(spread, Math.abs(dl4j[b][j] - dl4j[0][j]));
                    }
                }
                assertTrue(spread > 0.05, what + ": the examples must give different outputs, spread " + spread);
                assertNotNull(Forward.verified(net, spec), what + ": the pass passes its own check");
                assertTrue(Coefficients.verify(net, spec, JSON.valueToTree(Coefficients.layout(net))), what
                        + ": the recorded layout reads DL4J's parameters exactly");
            }
        }
    }

    @Test
    void agreesWithDl4jOnTheShippedBiLstms() {
        NeuralClassifier<?> neural = (NeuralClassifier<?>) ((org.stancekit.model.EnsembleClassifier<?>) ModelBundle
                .load(TestModels.projectRoot().resolve("models/default")).stance().orElseThrow()).neural();
        Random rnd = new Random(3);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < neural.vocabulary().size(); i++) words.add(neural.vocabulary().word(i));
        List<org.stancekit.model.TokenSequence> seqs = new ArrayList<>();
        for (int n : new int[]{1, 2, 9, 31, 59, 60, 61, 90}) {
            List<String> ws = new ArrayList<>();
            for (int i = 0; i < n; i++) ws.add(words.get(rnd.nextInt(words.size())));
            seqs.add(new org.stancekit.model.TokenSequence(ws, n > 4 ? List.of(n / 3, n - 2) : List.of(), List.of()));
        }
        int checked = 0;
        for (int m = 0; m < neural.bagSize(); m++) {
            NeuralClassifier.Spec spec = neural.specs().get(m);
            if (!spec.encoder().equals("bilstm")) continue;
            checked++;
            ComputationGraph net = neural.networkCopy(m);
            LstmForward fast = LstmForward.of(net, spec);
            double[][] dl4j = new double[seqs.size()][];
            NeuralClassifier.unpadded(net, seqs, neural.vocabulary(), spec, dl4j);
            for (int b = 0; b < seqs.size(); b++) {
                double[] p = fast.probabilities(NeuralClassifier.encode(seqs.get(b), neural.vocabulary(), spec));
                for (int j = 0; j < p.length; j++) {
                    assertEquals(dl4j[b][j], p[j], 1e-5, "network " + (m + 1) + ", example " + b + ", class " + j);
                }
            }
        }
        assertTrue(checked >= 1, "the shipped default holds BiLSTMs");
    }

    @Test
    void attentionPoolingHasNoPlainJavaPass() {
        NeuralClassifier.Spec spec = new NeuralClassifier.Spec("bilstm", 20, 4, 8, 4, 16, 3, 50, true, true, true);
        assertTrue(!Forward.knows(spec) && Forward.of(network(spec, TestModels.tinyNeuralParams().withEncoder("bilstm")
                .withBiLstm(true, true, 0, 0).withTraining(true, 1, 1), 3), spec) == null);
    }

    @Test
    void aBiLstmBundleLoadsWithoutDl4jAndScoresAsTrained(@TempDir Path tmp) throws IOException {
        NeuralParams p = TestModels.tinyNeuralParams().withEncoder("bilstm").withBiLstm(true, true, 0, 0).withBag(2);
        Trainer.Result trained = TestModels.trainNeuralStance(p);
        NeuralClassifier<StanceQuery> before = NeuralBagTest.neuralStance(trained.bundle());
        assertEquals(2, before.fastPathNetworks(), "both trained networks pass the check against DL4J");
        Path dir = tmp.resolve("bilstm");
        trained.bundle().save(dir, false);
        JsonNode layout = JSON.readTree(dir.resolve("stance/model.json").toFile())
                .path(NeuralClassifier.COEFFICIENTS_LAYOUT);
        assertTrue(layout.path("encoder/fRW").path("offset").isNumber(), layout.toString());
        assertEquals(2, layout.path(Coefficients.PROBE_OUTPUTS).size());
        NeuralClassifier<StanceQuery> loaded = NeuralBagTest.neuralStance(ModelBundle.load(dir));
        assertEquals(0, loaded.dl4jNetworks(), "scored without restoring a DL4J network");
        assertEquals(2, loaded.fastPathNetworks());
        List<StanceQuery> qs = TestModels.projectQueries(80);
        double[][] a = before.rawProbabilities(qs), b = loaded.rawProbabilities(qs);
        for (int i = 0; i < qs.size(); i++) {
            for (int k = 0; k < a[i].length; k++) assertEquals(a[i][k], b[i][k], 1e-12, "query " + i);
        }
        // and DL4J itself, restored from the file, gives the same (to float rounding)
        ComputationGraph net = loaded.networkCopy(1);
        double[][] dl4j = new double[qs.size()][];
        NeuralClassifier.unpadded(net, qs.stream().map(org.stancekit.model.TokenSequence::forStance).toList(),
                loaded.vocabulary(), loaded.spec(), dl4j);
        double[][] second = loaded.memberProbabilities(qs)[1];
        for (int i = 0; i < qs.size(); i++) {
            for (int k = 0; k < dl4j[i].length; k++) assertEquals(dl4j[i][k], second[i][k], 1e-5, "query " + i);
        }
    }
}
