package org.stancekit.model.neural;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * A network's forward pass in plain Java, for scoring ({@link CnnForward}, {@link LstmForward}): the same arithmetic
 * as the DL4J graph {@link NeuralTrainer} builds, up to float rounding, without ND4J. Implementations are immutable
 * and thread-safe. Each is trusted only after it {@link #agrees} with DL4J's own output on the {@link #probes}.
 */
interface Forward {
    /** Class probabilities for one encoded example. */
    double[] probabilities(NeuralClassifier.Encoded e);

    NeuralClassifier.Spec spec();

    /** The plain-Java pass for {@code net}, or null when the network is not one this class knows (attention pooling). */
    static Forward of(ComputationGraph net, NeuralClassifier.Spec spec) {
        if (CnnForward.knows(spec)) return CnnForward.of(net, spec);
        if (LstmForward.knows(spec)) return LstmForward.of(net, spec);
        return null;
    }

    static boolean knows(NeuralClassifier.Spec spec) {
        return CnnForward.knows(spec) || LstmForward.knows(spec);
    }

    /**
     * {@link #of}, checked against DL4J on the {@link #probes} before it is trusted: null, so that DL4J predicts, when
     * the two disagree by more than 1e-4 (another DL4J version could lay out its weights differently). {@code net} must
     * not be in use by another thread.
     */
    static Forward verified(ComputationGraph net, NeuralClassifier.Spec spec) {
        Forward fast = of(net, spec);
        if (fast == null) return null;
        return fast.agrees(dl4jProbes(net, spec)) ? fast : null;
    }

    /** The softmax of {@code logits}, in place (the output layer of both networks). */
    static double[] softmax(double[] logits) {
        double best = Double.NEGATIVE_INFINITY;
        for (double v : logits) best = Math.max(best, v);
        double total = 0;
        for (int j = 0; j < logits.length; j++) total += logits[j] = Math.exp(logits[j] - best);
        for (int j = 0; j < logits.length; j++) logits[j] /= total;
        return logits;
    }

    /** True when this pass gives {@code expected} (DL4J's output on the {@link #probes}) within 1e-4. */
    default boolean agrees(double[][] expected) {
        List<NeuralClassifier.Encoded> probes = probes(spec());
        if (expected.length != probes.size()) return false;
        for (int b = 0; b < expected.length; b++) {
            double[] p = probabilities(probes.get(b));
            if (expected[b].length != p.length) return false;
            for (int j = 0; j < p.length; j++) {
                if (!(Math.abs(p[j] - expected[b][j]) <= 1e-4)) return false;
            }
        }
        return true;
    }

    /** Probe inputs (short, full-length, with and without targets), the same for every network of a given spec. */
    static List<NeuralClassifier.Encoded> probes(NeuralClassifier.Spec spec) {
        int len = spec.maxLength(), v = spec.vocabularySize(), r = spec.positionRadius();
        List<NeuralClassifier.Encoded> probes = new ArrayList<>();
        for (int used : new int[]{1, Math.min(7, len), len}) {
            for (boolean target : new boolean[]{false, true}) {
                int[] words = new int[len], pos = new int[len];
                float[] w = new float[len];
                int t = used / 2;
                for (int i = 0; i < used; i++) {
                    words[i] = (int) ((i * 7919L + used) % Math.max(1, v - 1)) + 1;
                    pos[i] = target ? Math.max(-r, Math.min(r, i - t)) + r + 1 : 2 * r + 2;
                    if (!target) w[i] = 1f / used;
                }
                if (target) w[t] = 1f;
                probes.add(new NeuralClassifier.Encoded(words, pos, w, used));
            }
        }
        return probes;
    }

    /** DL4J's own output on the {@link #probes}: {@code [probe][class]}. */
    static double[][] dl4jProbes(ComputationGraph net, NeuralClassifier.Spec spec) {
        List<NeuralClassifier.Encoded> probes = probes(spec);
        if (!spec.unpadded()) {
            return net.output(false, NeuralClassifier.inputs(probes, spec))[0].castTo(DataType.DOUBLE).toDoubleMatrix();
        }
        double[][] out = new double[probes.size()][];
        NeuralClassifier.unpadded(net, probes, spec, out);
        return out;
    }
}
