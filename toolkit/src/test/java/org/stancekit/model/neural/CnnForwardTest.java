package org.stancekit.model.neural;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.model.EnsembleClassifier;
import org.stancekit.model.TokenSequence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The plain-Java CNN forward pass agrees with DL4J's on the shipped stance network, for short and long inputs. */
class CnnForwardTest {
    @Test
    void agreesWithDl4jOnTheShippedNetwork() throws Exception {
        ModelBundle bundle = ModelBundle.load(Path.of("..", "models", "default"));
        NeuralClassifier<?> neural = (NeuralClassifier<?>) ((EnsembleClassifier<?>) bundle.stance().orElseThrow())
                .neural();
        ComputationGraph net = neural.networkCopy();
        Vocabulary vocab = neural.vocabulary();
        NeuralClassifier.Spec spec = neural.spec();
        assertNotNull(Forward.verified(net, spec), "the fast path passes its own check on load");
        CnnForward fast = CnnForward.of(net, spec);
        Random rnd = new Random(7);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < vocab.size(); i++) words.add(vocab.word(i));
        List<TokenSequence> seqs = new ArrayList<>();
        for (int n : new int[]{1, 2, 3, 5, 20, 57, 58, 59, 60, 61, 90}) {
            List<String> ws = new ArrayList<>();
            for (int i = 0; i < n; i++) ws.add(words.get(rnd.nextInt(words.size())));
            List<Integer> targets = n > 4 ? List.of(n / 2, n - 2) : List.of();
            seqs.add(new TokenSequence(ws, targets, List.of()));
        }
        INDArray out = net.output(false, NeuralClassifier.encode(seqs, vocab, spec))[0].castTo(DataType.DOUBLE);
        for (int b = 0; b < seqs.size(); b++) {
            double[] p = fast.probabilities(NeuralClassifier.encode(seqs.get(b), vocab, spec));
            for (int j = 0; j < p.length; j++) {
                assertEquals(out.getDouble(b, j), p[j], 1e-5, "example " + b + " (" + seqs.get(b).words().size()
                        + " words), class " + j);
            }
        }
    }
}
