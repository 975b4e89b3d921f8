package org.stancekit.model.neural;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

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
 * id when the pass is built; a word's projection through {@code W} is computed once for the {@link #CACHED_WORDS} most
 * frequent words, when first seen (2 × 4n floats each: at most 32 MB per network of 128 units per direction).
 * {@link LstmForwardTest} checks all of this against DL4J's own output.
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
    /** Words whose input projection is kept once computed: the most frequent (ids are by frequency; ~96% of tokens). */
    static final int CACHED_WORDS = 8192;
    private final AtomicReferenceArray<float[]> fwdWords, bwdWords; // [word id] -> embedding · W (4n)
    private final float[] gateScale, gateMul, gateAdd; // sigmoid(x) = 0.5 + 0.5 tanh(x / 2) on the three gates
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
        int cached = Math.min(CACHED_WORDS, spec.vocabularySize());
        fwdWords = new AtomicReferenceArray<>(cached);
        bwdWords = new AtomicReferenceArray<>(cached);
        gateScale = new float[4 * n];
        gateMul = new float[4 * n];
        gateAdd = new float[4 * n];
        for (int j = 0; j < 4 * n; j++) {
            boolean gate = j >= n; // block input (tanh) first, then forget, output and input gates (sigmoids)
            gateScale[j] = gate ? 0.5f : 1f;
            gateMul[j] = gate ? 0.5f : 1f;
            gateAdd[j] = gate ? 0.5f : 0f;
        }
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
        run(e, steps, fwdW, fwdRw, fwdPositions, fwdWords, false, states, 0);
        run(e, steps, bwdW, bwdRw, bwdPositions, bwdWords, true, states, n);
        float[] max = new float[c2], target = new float[c2], mean = new float[c2], row = new float[c2];
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        float[] tw = e.weights();
        for (int t = 0; t < steps; t++) {
            float w = tw[t];
            System.arraycopy(states, t * c2, row, 0, c2); // one array at offset 0: the loop below vectorizes
            for (int c = 0; c < c2; c++) {
                float v = row[c];
                max[c] = Math.max(max[c], v);
                target[c] += w * v;
                mean[c] += v;
            }
        }
        for (int c = 0; c < c2; c++) mean[c] /= steps;
        double[] z = new double[classes];
        for (int j = 0; j < classes; j++) {
            float s = outBias[j];
            for (int c = 0; c < c2; c++) {
                s += max[c] * outWeights[c * classes + j] + target[c] * outWeights[(c2 + c) * classes + j];
                if (pools == 3) s += mean[c] * outWeights[(2 * c2 + c) * classes + j];
            }
            z[j] = s;
        }
        return Forward.softmax(z);
    }

    /** A word's input projection {@code embedding · W} (the first {@code dim} rows of W), cached for frequent words. */
    private float[] projection(int word, float[][] w, AtomicReferenceArray<float[]> cache) {
        float[] p = word < cache.length() ? cache.get(word) : null;
        if (p != null) return p;
        p = new float[4 * n];
        int base = word * dim;
        for (int k = 0; k < dim; k++) {
            float x = embedding[base + k];
            if (x == 0) continue;
            float[] row = w[k];
            for (int j = 0; j < p.length; j++) p[j] += x * row[j];
        }
        if (word < cache.length()) cache.set(word, p);
        return p;
    }

    /**
     * One direction over {@code steps} positions; its states go to {@code states[t * 2n + offset ...]}. Every matrix is
     * held as rows of its own, so each inner loop is {@code a[j] += x * b[j]} over two arrays at the same index, which
     * the JIT vectorizes (one array at offsets {@code row + j} it would not: about four times slower); the activations
     * are a rational function, also vectorized ({@code Math.exp} and {@code Math.tanh} are not).
     */
    private void run(NeuralClassifier.Encoded e, int steps, float[][] w, float[][] rw, float[][] positionRows,
                     AtomicReferenceArray<float[]> cache, boolean reverse, float[] states, int offset) {
        int g = 4 * n, c2 = 2 * n;
        float[] h = new float[n], cell = new float[n], z = new float[g], y = new float[n];
        for (int s = 0; s < steps; s++) {
            int t = reverse ? steps - 1 - s : s;
            float[] pos = positionRows[e.positions()[t]], word = projection(e.words()[t], w, cache);
            for (int j = 0; j < g; j++) z[j] = pos[j] + word[j];
            if (s > 0) recur(z, h, rw);
            for (int j = 0; j < g; j++) z[j] = tanh(z[j] * gateScale[j]) * gateMul[j] + gateAdd[j];
            for (int i = 0; i < n; i++) cell[i] = z[n + i] * cell[i] + z[3 * n + i] * z[i];
            for (int i = 0; i < n; i++) y[i] = tanh(cell[i]);
            for (int i = 0; i < n; i++) h[i] = z[2 * n + i] * y[i];
            System.arraycopy(h, 0, states, t * c2 + offset, n);
        }
    }

    /**
     * {@code z += h · RW}, four rows of RW at a time (a quarter of the loads and stores of z; the JIT still vectorizes a
     * loop over five arrays at one index, not over nine: measured).
     */
    private void recur(float[] z, float[] h, float[][] rw) {
        int g = 4 * n, i = 0;
        for (; i + 3 < n; i += 4) {
            float h0 = h[i], h1 = h[i + 1], h2 = h[i + 2], h3 = h[i + 3];
            float[] r0 = rw[i], r1 = rw[i + 1], r2 = rw[i + 2], r3 = rw[i + 3];
            for (int j = 0; j < g; j++) z[j] += h0 * r0[j] + h1 * r1[j] + h2 * r2[j] + h3 * r3[j];
        }
        for (; i < n; i++) {
            float hi = h[i];
            float[] row = rw[i];
            for (int j = 0; j < g; j++) z[j] += hi * row[j];
        }
    }

    private static final float TANH_CLAMP = 7.90531110763549805f;

    /**
     * tanh as the rational function Eigen, XLA and ONNX Runtime use for float (odd degree-13 numerator, even degree-6
     * denominator, input clamped to ±7.905): within a few float ulps of {@code Math.tanh}; pure arithmetic, so loops
     * over it vectorize.
     */
    static float tanh(float v) {
        float x = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, v));
        float x2 = x * x;
        float p = x2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
        p = x2 * p + -8.60467152213735e-11f;
        p = x2 * p + 5.12229709037114e-08f;
        p = x2 * p + 1.48572235717979e-05f;
        p = x2 * p + 6.37261928875436e-04f;
        p = x2 * p + 4.89352455891786e-03f;
        float q = x2 * 1.19825839466702e-06f + 1.18534705686654e-04f;
        q = x2 * q + 2.26843463243900e-03f;
        q = x2 * q + 4.89352518554385e-03f;
        return x * p / q;
    }
}
