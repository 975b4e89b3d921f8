package org.stancekit.model.neural;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * The BiLSTM's forward pass in plain Java, for scoring: the same arithmetic as the DL4J graph {@link NeuralTrainer}
 * builds for {@code --encoder bilstm} (word and position embeddings, a bidirectional LSTM whose two directions' states
 * are concatenated, max pooling over all steps, target-weighted sum pooling, optional mean pooling, softmax), up to
 * float rounding, without ND4J, batching or per-thread copies of the network. Attention pooling is not covered (such
 * networks predict through DL4J).
 *
 * <p>DL4J's LSTM (1.0.0-M2.1, no peepholes) computes per step {@code z = x·W + h·RW + b} with the four gate blocks in
 * the order block input (tanh), forget, output, input gate (sigmoids); {@code c = f∘c + i∘a}, {@code h = o∘tanh(c)}.
 * The backward direction reads the steps in reverse. An unpadded network runs over the example's own tokens (at least
 * one step); a padded one over all {@link NeuralClassifier.Spec#maxLength()} positions, padding included, as DL4J
 * does. The position embedding, the bias and the position rows of {@code W} are folded into one vector per position
 * id when the pass is built. {@link LstmForwardTest} checks all of this against DL4J's own output.
 */
final class LstmForward implements Forward {
    /** One direction's arrays, row-major: input weights {@code [dim + posDim][4n]}, recurrent {@code [n][4n]}, bias. */
    record Direction(float[] w, float[] rw, float[] b) {
        boolean sameAs(Direction o) {
            return Arrays.equals(w, o.w) && Arrays.equals(rw, o.rw) && Arrays.equals(b, o.b);
        }
    }

    /**
     * The arrays the pass reads, row-major: word embeddings {@code [vocabulary][dim]}, position embeddings
     * {@code [positions][posDim]}, both directions, output weights {@code [pools * 2n][classes]} and bias.
     */
    record Weights(float[] embedding, float[] positions, Direction forward, Direction backward, float[] outWeights,
                   float[] outBias) {
        boolean sameAs(Weights o) {
            return Arrays.equals(embedding, o.embedding) && Arrays.equals(positions, o.positions)
                    && forward.sameAs(o.forward) && backward.sameAs(o.backward)
                    && Arrays.equals(outWeights, o.outWeights) && Arrays.equals(outBias, o.outBias);
        }
    }

    private final NeuralClassifier.Spec spec;
    private final int dim, n, classes, pools;
    private final float[] embedding;
    private final float[][] fwdW, fwdRw, bwdW, bwdRw; // the directions' W and RW as rows of 4n (see run)
    private final float[][] fwdPositions, bwdPositions; // [position id][4n]: bias + position embedding · W
    private final float[] outWeights, outBias;

    private LstmForward(NeuralClassifier.Spec spec, Weights w) {
        this.spec = spec;
        dim = spec.embeddingDim();
        int posDim = spec.positionDim(), in = dim + posDim;
        n = spec.channels() / 2;
        pools = spec.meanPool() ? 3 : 2;
        classes = w.outBias().length;
        for (Direction d : new Direction[]{w.forward(), w.backward()}) {
            if (d.w().length != in * 4 * n || d.rw().length != n * 4 * n || d.b().length != 4 * n) {
                throw new IllegalArgumentException("the BiLSTM's weights do not match its settings " + spec);
            }
        }
        if (spec.channels() % 2 != 0 || w.embedding().length != spec.vocabularySize() * dim
                || w.positions().length != spec.positions() * posDim
                || w.outWeights().length != pools * 2 * n * classes || classes < 2) {
            throw new IllegalArgumentException("the BiLSTM's weights do not match its settings " + spec);
        }
        embedding = w.embedding();
        outWeights = w.outWeights();
        outBias = w.outBias();
        fwdPositions = positionRows(w.positions(), w.forward(), posDim);
        bwdPositions = positionRows(w.positions(), w.backward(), posDim);
        fwdW = rows(w.forward().w(), dim);
        fwdRw = rows(w.forward().rw(), n);
        bwdW = rows(w.backward().w(), dim);
        bwdRw = rows(w.backward().rw(), n);
    }

    static boolean knows(NeuralClassifier.Spec spec) {
        return spec.encoder().equals("bilstm") && !spec.attentionPool() && spec.channels() % 2 == 0;
    }

    /** The arrays of a DL4J network built by {@link NeuralTrainer} for the BiLSTM. */
    static Weights weightsOf(ComputationGraph net, NeuralClassifier.Spec spec) {
        var enc = net.getLayer("encoder");
        INDArray fw = enc.getParam("fW");
        int n = spec.channels() / 2;
        if (fw == null || fw.rank() != 2 || fw.size(0) != spec.embeddingDim() + spec.positionDim()
                || fw.size(1) != 4L * n) {
            throw new IllegalArgumentException("unexpected LSTM weights "
                    + (fw == null ? "(none)" : Arrays.toString(fw.shape())));
        }
        return new Weights(CnnForward.floats(net.getLayer("embedding").getParam("W")),
                CnnForward.floats(net.getLayer("position_embedding").getParam("W")),
                new Direction(CnnForward.floats(fw), CnnForward.floats(enc.getParam("fRW")),
                        CnnForward.floats(enc.getParam("fb"))),
                new Direction(CnnForward.floats(enc.getParam("bW")), CnnForward.floats(enc.getParam("bRW")),
                        CnnForward.floats(enc.getParam("bb"))),
                CnnForward.floats(net.getLayer("output").getParam("W")),
                CnnForward.floats(net.getLayer("output").getParam("b")));
    }

    /** A forward pass for {@code net}, or null when the network is not a BiLSTM this class knows. */
    static LstmForward of(ComputationGraph net, NeuralClassifier.Spec spec) {
        if (!knows(spec)) return null;
        return new LstmForward(spec, weightsOf(net, spec));
    }

    /** A forward pass from weights read without DL4J (see {@link Coefficients}). */
    static LstmForward of(Weights w, NeuralClassifier.Spec spec) {
        if (!knows(spec)) throw new IllegalArgumentException("not a BiLSTM this pass knows: " + spec);
        return new LstmForward(spec, w);
    }

    @Override
    public NeuralClassifier.Spec spec() {
        return spec;
    }

    /** The first {@code count} rows of a row-major matrix with 4n columns, each its own array. */
    private float[][] rows(float[] m, int count) {
        int g = 4 * n;
        float[][] out = new float[count][];
        for (int r = 0; r < count; r++) out[r] = Arrays.copyOfRange(m, r * g, (r + 1) * g);
        return out;
    }

    private float[][] positionRows(float[] positions, Direction d, int posDim) {
        int g = 4 * n, nPos = positions.length / posDim;
        float[][] out = new float[nPos][];
        for (int p = 0; p < nPos; p++) {
            float[] z = d.b().clone();
            for (int k = 0; k < posDim; k++) {
                float v = positions[p * posDim + k];
                int row = (dim + k) * g;
                for (int j = 0; j < g; j++) z[j] += v * d.w()[row + j];
            }
            out[p] = z;
        }
        return out;
    }

    @Override
    public double[] probabilities(NeuralClassifier.Encoded e) {
        int steps = spec.unpadded() ? NeuralClassifier.length(e) : e.words().length, c2 = 2 * n;
        float[] states = new float[steps * c2]; // [step][forward n | backward n]
        run(e, steps, fwdW, fwdRw, fwdPositions, false, states, 0);
        run(e, steps, bwdW, bwdRw, bwdPositions, true, states, n);
        float[] max = new float[c2], target = new float[c2], mean = new float[c2];
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        float[] tw = e.weights();
        for (int t = 0; t < steps; t++) {
            float w = tw[t];
            for (int c = 0; c < c2; c++) {
                float v = states[t * c2 + c];
                if (v > max[c]) max[c] = v;
                target[c] += w * v;
                mean[c] += v;
            }
        }
        double[] z = new double[classes];
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < classes; j++) {
            float s = outBias[j];
            for (int c = 0; c < c2; c++) {
                s += max[c] * outWeights[c * classes + j] + target[c] * outWeights[(c2 + c) * classes + j];
                if (pools == 3) s += mean[c] / steps * outWeights[(2 * c2 + c) * classes + j];
            }
            z[j] = s;
            best = Math.max(best, s);
        }
        double total = 0;
        for (int j = 0; j < classes; j++) total += z[j] = Math.exp(z[j] - best);
        for (int j = 0; j < classes; j++) z[j] /= total;
        return z;
    }

    /**
     * One direction over {@code steps} positions; its states go to {@code states[t * 2n + offset ...]}. The input
     * projections of all steps come first (each row of {@code W} read once for the whole sequence), then the
     * recurrence. Every matrix is held as rows of its own, so each inner loop is {@code a[j] += x * b[j]} over two
     * arrays at the same index, which the JIT vectorizes (one array at offsets {@code row + j} it would not: about four
     * times slower).
     */
    private void run(NeuralClassifier.Encoded e, int steps, float[][] w, float[][] rw, float[][] positionRows,
                     boolean reverse, float[] states, int offset) {
        int g = 4 * n, c2 = 2 * n;
        float[][] in = new float[steps][];
        for (int t = 0; t < steps; t++) in[t] = positionRows[e.positions()[t]].clone();
        int[] words = e.words();
        for (int k = 0; k < dim; k++) {
            float[] row = w[k];
            for (int t = 0; t < steps; t++) {
                float x = embedding[words[t] * dim + k];
                if (x == 0) continue;
                float[] zt = in[t];
                for (int j = 0; j < g; j++) zt[j] += x * row[j];
            }
        }
        float[] h = new float[n], cell = new float[n];
        for (int s = 0; s < steps; s++) {
            int t = reverse ? steps - 1 - s : s;
            float[] z = in[t];
            for (int i = 0; i < n; i++) {
                float hi = h[i];
                if (hi == 0) continue;
                float[] row = rw[i];
                for (int j = 0; j < g; j++) z[j] += hi * row[j];
            }
            for (int i = 0; i < n; i++) {
                float a = tanh(z[i]);
                float f = sigmoid(z[n + i]), o = sigmoid(z[2 * n + i]), ig = sigmoid(z[3 * n + i]);
                cell[i] = f * cell[i] + ig * a;
                h[i] = o * tanh(cell[i]);
                states[t * c2 + offset + i] = h[i];
            }
        }
    }

    /** tanh through {@code Math.exp}, which the JIT compiles to a fast intrinsic ({@code Math.tanh} is not one). */
    private static float tanh(float x) {
        if (x > 20) return 1;
        if (x < -20) return -1;
        return (float) (1 - 2 / (Math.exp(2.0 * x) + 1));
    }

    private static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }
}
