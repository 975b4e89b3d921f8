package org.stancekit.model.neural;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The CNN's forward pass in plain Java, for scoring: the same arithmetic as the DL4J graph {@link NeuralTrainer} builds
 * (word and position embeddings, a "same" 1-D convolution with ReLU, max pooling over all positions, target-weighted
 * sum pooling, softmax), up to float rounding, without ND4J calls, batching or per-thread copies of the network.
 *
 * <p>Two things make it fast. The convolution is linear in each input token, so for every word (on first use) and every
 * position id its contribution to each kernel tap is computed once: a position's output is then six vector additions
 * instead of a 116×128×3 product. And positions whose window holds only padding all give one vector, computed once;
 * only the real tokens, their neighbours and the last position are computed per sentence. Immutable and thread-safe
 * (word projections are published through an {@link AtomicReferenceArray}).
 */
final class CnnForward {
    private final NeuralClassifier.Spec spec;
    private final int dim, posDim, channels, kernel, classes;
    private final float[] embedding; // [vocabulary][dim]
    // DL4J 1.0.0-M2.1 reports the Conv1D weights as [channels, in, kernel, 1] but lays out the buffer as
    // [kernel][in][channels]; CnnForwardTest checks this against DL4J's own output
    private final float[] conv; // [kernel][dim + posDim][channel]
    private final float[] convBias;
    private final float[][] positionTaps; // [position id][kernel * channels]
    private final AtomicReferenceArray<float[]> wordTaps; // [word id] -> [kernel * channels]
    private final float[] outWeights; // [2 * channels][classes]
    private final float[] outBias;

    /**
     * The arrays the forward pass reads, row-major: word embeddings {@code [vocabulary][dim]}, position embeddings
     * {@code [positions][posDim]}, convolution weights (DL4J's buffer order, see {@link #conv}) and bias, output weights
     * {@code [2 * channels][classes]} and bias.
     */
    record Weights(float[] embedding, float[] positions, float[] conv, float[] convBias, float[] outWeights,
                   float[] outBias) {
        boolean sameAs(Weights o) {
            return java.util.Arrays.equals(embedding, o.embedding) && java.util.Arrays.equals(positions, o.positions)
                    && java.util.Arrays.equals(conv, o.conv) && java.util.Arrays.equals(convBias, o.convBias)
                    && java.util.Arrays.equals(outWeights, o.outWeights) && java.util.Arrays.equals(outBias, o.outBias);
        }
    }

    private CnnForward(NeuralClassifier.Spec spec, Weights w) {
        this.spec = spec;
        dim = spec.embeddingDim();
        posDim = spec.positionDim();
        channels = spec.channels();
        kernel = spec.kernel();
        int in = dim + posDim;
        classes = w.outBias().length;
        if (w.embedding().length != spec.vocabularySize() * dim || w.positions().length != spec.positions() * posDim
                || w.conv().length != kernel * in * channels || w.convBias().length != channels
                || w.outWeights().length != 2 * channels * classes || classes < 2) {
            throw new IllegalArgumentException("the CNN's weights do not match its settings " + spec);
        }
        embedding = w.embedding();
        conv = w.conv();
        convBias = w.convBias();
        outWeights = w.outWeights();
        outBias = w.outBias();
        float[] positions = w.positions();
        int nPos = positions.length / posDim;
        positionTaps = new float[nPos][];
        for (int p = 0; p < nPos; p++) positionTaps[p] = taps(positions, p * posDim, posDim, dim);
        wordTaps = new AtomicReferenceArray<>(embedding.length / dim);
    }

    /** The arrays of a DL4J network built by {@link NeuralTrainer} for the CNN. */
    static Weights weightsOf(ComputationGraph net, NeuralClassifier.Spec spec) {
        INDArray w = net.getLayer("encoder").getParam("W");
        if (w.rank() != 4 || w.size(0) != spec.channels() || w.size(1) != spec.embeddingDim() + spec.positionDim()
                || w.size(2) != spec.kernel()) {
            throw new IllegalArgumentException("unexpected convolution weights " + java.util.Arrays.toString(w.shape()));
        }
        return new Weights(floats(net.getLayer("embedding").getParam("W")),
                floats(net.getLayer("position_embedding").getParam("W")), floats(w),
                floats(net.getLayer("encoder").getParam("b")), floats(net.getLayer("output").getParam("W")),
                floats(net.getLayer("output").getParam("b")));
    }

    /** A fast forward pass for {@code net}, or null when the network is not the CNN this class knows. */
    static CnnForward of(ComputationGraph net, NeuralClassifier.Spec spec) {
        if (!knows(spec)) return null;
        return new CnnForward(spec, weightsOf(net, spec));
    }

    /** A forward pass from weights read without DL4J (see {@link Coefficients}); they were checked when saved. */
    static CnnForward of(Weights w, NeuralClassifier.Spec spec) {
        if (!knows(spec)) throw new IllegalArgumentException("not a CNN with an odd kernel: " + spec);
        return new CnnForward(spec, w);
    }

    static boolean knows(NeuralClassifier.Spec spec) {
        return spec.encoder().equals("cnn") && spec.kernel() % 2 == 1;
    }

    /**
     * {@link #of}, checked against DL4J on probe inputs (short, full-length, with and without targets) before it is
     * trusted: null, so that DL4J predicts, when the two disagree by more than 1e-4 (another DL4J version could lay out
     * its weights differently). {@code net} must not be in use by another thread.
     */
    static CnnForward verified(ComputationGraph net, NeuralClassifier.Spec spec) {
        CnnForward fast = of(net, spec);
        if (fast == null) return null;
        return fast.agrees(dl4jProbes(net, spec)) ? fast : null;
    }

    /** Probe inputs (short, full-length, with and without targets), the same for every network of a given spec. */
    static java.util.List<NeuralClassifier.Encoded> probes(NeuralClassifier.Spec spec) {
        int len = spec.maxLength(), v = spec.vocabularySize(), r = spec.positionRadius();
        java.util.List<NeuralClassifier.Encoded> probes = new java.util.ArrayList<>();
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
        INDArray out = net.output(false, NeuralClassifier.inputs(probes(spec), spec))[0].castTo(DataType.DOUBLE);
        return out.toDoubleMatrix();
    }

    /** True when this pass gives {@code expected} (DL4J's output on the {@link #probes}) within 1e-4. */
    boolean agrees(double[][] expected) {
        java.util.List<NeuralClassifier.Encoded> probes = probes(spec);
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

    /** Row-major float copy of a matrix or tensor (c order, whatever the array's own order). */
    private static float[] floats(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    /** For an input vector {@code x[off, off+n)} at feature offset {@code featureOff}: its contribution per tap. */
    private float[] taps(float[] x, int off, int n, int featureOff) {
        int in = dim + posDim;
        float[] out = new float[kernel * channels];
        for (int k = 0; k < kernel; k++) {
            for (int d = 0; d < n; d++) {
                float v = x[off + d];
                int base = (k * in + featureOff + d) * channels;
                for (int c = 0; c < channels; c++) out[k * channels + c] += conv[base + c] * v;
            }
        }
        return out;
    }

    private float[] word(int id) {
        float[] t = wordTaps.get(id);
        if (t == null) {
            t = taps(embedding, id * dim, dim, 0);
            wordTaps.set(id, t);
        }
        return t;
    }

    /** Class probabilities for one encoded example. */
    double[] probabilities(NeuralClassifier.Encoded e) {
        int len = e.words().length, used = e.used(), half = kernel / 2;
        float[] max = new float[channels], sum = new float[channels], y = new float[channels];
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        // positions whose whole window is padding (words and positions id 0) share one output
        int padFrom = used + half, padTo = len - half; // [padFrom, padTo)
        boolean padRun = padFrom < padTo;
        for (int i = 0; i < len; i++) {
            if (padRun && i == padFrom) {
                position(e, padFrom, y);
                for (int c = 0; c < channels; c++) max[c] = Math.max(max[c], y[c]);
                i = padTo - 1;
                continue;
            }
            position(e, i, y);
            float tw = e.weights()[i];
            for (int c = 0; c < channels; c++) {
                max[c] = Math.max(max[c], y[c]);
                if (tw != 0) sum[c] += tw * y[c];
            }
        }
        double[] z = new double[classes];
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < classes; j++) {
            float s = outBias[j];
            for (int c = 0; c < channels; c++) {
                s += max[c] * outWeights[c * classes + j] + sum[c] * outWeights[(channels + c) * classes + j];
            }
            z[j] = s;
            best = Math.max(best, s);
        }
        double total = 0;
        for (int j = 0; j < classes; j++) total += z[j] = Math.exp(z[j] - best);
        for (int j = 0; j < classes; j++) z[j] /= total;
        return z;
    }

    /** The convolution's output at position {@code i} (zero beyond both ends, as "same" padding), after ReLU. */
    private void position(NeuralClassifier.Encoded e, int i, float[] y) {
        System.arraycopy(convBias, 0, y, 0, channels);
        int half = kernel / 2, len = e.words().length;
        for (int k = 0; k < kernel; k++) {
            int j = i + k - half;
            if (j < 0 || j >= len) continue;
            float[] wt = word(e.words()[j]), pt = positionTaps[e.positions()[j]];
            int off = k * channels;
            for (int c = 0; c < channels; c++) y[c] += wt[off + c] + pt[off + c];
        }
        for (int c = 0; c < channels; c++) if (y[c] < 0) y[c] = 0;
    }
}
