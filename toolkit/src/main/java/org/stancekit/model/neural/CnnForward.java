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
final class CnnForward implements Forward {
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

    @Override
    public NeuralClassifier.Spec spec() {
        return spec;
    }

    /** Row-major float copy of a matrix or tensor (c order, whatever the array's own order). */
    static float[] floats(INDArray a) {
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

    @Override
    public double[] probabilities(NeuralClassifier.Encoded e) {
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
        for (int j = 0; j < classes; j++) {
            float s = outBias[j];
            for (int c = 0; c < channels; c++) {
                s += max[c] * outWeights[c * classes + j] + sum[c] * outWeights[(channels + c) * classes + j];
            }
            z[j] = s;
        }
        return Forward.softmax(z);
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
