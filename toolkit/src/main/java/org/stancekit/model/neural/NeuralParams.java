package org.stancekit.model.neural;

import java.nio.file.Path;
import java.util.List;

/**
 * Hyper-parameters of the neural backend (and the neural part of the ensemble).
 *
 * @param encoder       {@code cnn} (1-D convolution) or {@code bilstm}
 * @param embeddingDim  word embedding size
 * @param positionDim   size of the embedding of the relative position to the target
 * @param hidden        encoder channels (CNN filters; BiLSTM: units per direction)
 * @param kernel        CNN kernel width
 * @param dropout       dropout probability before the output layer
 * @param learningRate  Adam's learning rate
 * @param l2            L2 weight decay
 * @param batchSize     examples per minibatch
 * @param maxEpochs     upper bound on epochs
 * @param patience      stop after this many epochs without a better dev macro-F1
 * @param maxLength     tokens per example (longer ones: a window around the target)
 * @param minCount      words seen fewer times share the unknown-word vector
 * @param word2vec      initialise the embeddings with Word2Vec trained on the training (and unlabelled) text
 * @param word2vecEpochs Word2Vec epochs
 * @param unlabelled    plain-text files (one text per line) added to Word2Vec's training text
 * @param bag           networks trained with different seeds (same data, vocabulary and Word2Vec vectors) whose
 *                      probabilities are averaged (seed bagging); 1 = a single network
 * @param unpadded      BiLSTM only: the network never reads padding: examples are batched by length (training: each
 *                      minibatch holds examples of one length; scoring: groups of equal length), so the backward LSTM
 *                      starts at the last token and pooling sees tokens only; false = every example is padded to
 *                      {@code maxLength} and the encoder reads the padding like tokens (bundles written before)
 * @param meanPool      BiLSTM only: the mean of the encoder states over the sentence is pooled too (next to the
 *                      max and the states at the target)
 * @param inputDropout  BiLSTM only: dropout on the encoder's input (word and position embeddings); 0 = none
 * @param gradientClip  clip each layer's gradient to this L2 norm; 0 = no clipping
 * @param attentionPool BiLSTM only: also pool the encoder states by attention whose query is the state at the target
 *                      (one head of scaled dot-product attention over learned projections); false = none (before)
 * @param embeddingLrScale the word embedding's learning rate as a fraction of {@link #learningRate}: 1 = the same
 *                      (before), 0 = frozen at its initialisation (Word2Vec, or random without it)
 * @param lrDecay       the learning rate (of every layer) is multiplied by this after each epoch; 1 = constant (before)
 * @param wordDropout   training only: each token that is not a target or other-actor mention is read as the
 *                      unknown word with this probability, drawn afresh for every example in every epoch (never when
 *                      scoring or on dev); 0 = none (before)
 * @param embeddings    pretrained word vectors ({@link PretrainedVectors}' formats) that the embedding rows of the
 *                      words they cover start from, after Word2Vec's (which then keeps the words they lack); null = none
 * @param bilstmBag     {@value #MIXED} only: how many BiLSTMs follow the {@link #bag()} CNNs (0 = as many)
 */
public record NeuralParams(String encoder, int embeddingDim, int positionDim, int hidden, int kernel, double dropout,
                           double learningRate, double l2, int batchSize, int maxEpochs, int patience, int maxLength,
                           int minCount, boolean word2vec, int word2vecEpochs, List<Path> unlabelled, int bag,
                           boolean unpadded, boolean meanPool, double inputDropout, double gradientClip,
                           boolean attentionPool, double embeddingLrScale, double lrDecay, double wordDropout,
                           Path embeddings, int bilstmBag) {
    /** The default {@link #bag}: chosen on the NewsMTSC dev split (see the README). */
    public static final int DEFAULT_BAG = 3;
    /**
     * The defaults of {@code train --encoder bilstm} for {@link #unpadded}, {@link #meanPool} and {@link #inputDropout}
     * (NewsMTSC dev: as accurate as the padded BiLSTM, 30-45% less time per epoch; input dropout did not help; README).
     * The constructors without these settings keep the behaviour from before them.
     */
    public static final boolean BILSTM_UNPADDED = true, BILSTM_MEAN_POOL = true;
    public static final double BILSTM_INPUT_DROPOUT = 0;
    /**
     * The mixed bag's encoder: {@link #bag()} CNNs and as many BiLSTMs, trained on the same vocabulary and vectors, all
     * averaged alike (the BiLSTM settings apply to the BiLSTMs).
     */
    public static final String MIXED = "cnn+bilstm";
    /** Most networks in a bag. */
    public static final int MAX_BAG = 16;

    public NeuralParams {
        if (!encoder.equals("cnn") && !encoder.equals("bilstm") && !encoder.equals(MIXED)) {
            throw new IllegalArgumentException("encoder must be cnn, bilstm or " + MIXED + ", got " + encoder);
        }
        if (bag < 1 || bag > MAX_BAG) throw new IllegalArgumentException("bag must be in [1, " + MAX_BAG + "], got " + bag);
        if (bilstmBag < 0 || (bilstmBag > 0 && !encoder.equals(MIXED))) {
            throw new IllegalArgumentException("a BiLSTM count of its own is for mixed bags (" + MIXED + ") only");
        }
        if (encoder.equals(MIXED) && bag + (bilstmBag == 0 ? bag : bilstmBag) > MAX_BAG) {
            throw new IllegalArgumentException("a mixed bag holds at most " + MAX_BAG + " networks");
        }
        if (encoder.equals("cnn") && (unpadded || meanPool || inputDropout != 0 || attentionPool)) {
            throw new IllegalArgumentException("unpadded batches, mean and attention pooling and input dropout are"
                    + " BiLSTM settings");
        }
        if (!(embeddingLrScale >= 0 && embeddingLrScale <= 1)) {
            throw new IllegalArgumentException("embedding learning-rate scale must be in [0, 1], got " + embeddingLrScale);
        }
        if (!(lrDecay > 0 && lrDecay <= 1)) {
            throw new IllegalArgumentException("learning-rate decay must be in (0, 1], got " + lrDecay);
        }
        if (!(wordDropout >= 0 && wordDropout < 1)) {
            throw new IllegalArgumentException("word dropout must be in [0, 1), got " + wordDropout);
        }
        if (!(l2 >= 0 && Double.isFinite(l2))) throw new IllegalArgumentException("l2 must be >= 0, got " + l2);
        if (!(inputDropout >= 0 && inputDropout < 1)) {
            throw new IllegalArgumentException("input dropout must be in [0, 1), got " + inputDropout);
        }
        if (!(gradientClip >= 0 && Double.isFinite(gradientClip))) {
            throw new IllegalArgumentException("gradient clip must be >= 0, got " + gradientClip);
        }
        unlabelled = List.copyOf(unlabelled);
    }

    /** The pretrained-vectors constructor before the mixed bag's BiLSTM count: as many BiLSTMs as CNNs. */
    public NeuralParams(String encoder, int embeddingDim, int positionDim, int hidden, int kernel, double dropout,
                        double learningRate, double l2, int batchSize, int maxEpochs, int patience, int maxLength,
                        int minCount, boolean word2vec, int word2vecEpochs, List<Path> unlabelled, int bag,
                        boolean unpadded, boolean meanPool, double inputDropout, double gradientClip,
                        boolean attentionPool, double embeddingLrScale, double lrDecay, double wordDropout,
                        Path embeddings) {
        this(encoder, embeddingDim, positionDim, hidden, kernel, dropout, learningRate, l2, batchSize, maxEpochs,
                patience, maxLength, minCount, word2vec, word2vecEpochs, unlabelled, bag, unpadded, meanPool,
                inputDropout, gradientClip, attentionPool, embeddingLrScale, lrDecay, wordDropout, embeddings, 0);
    }

    /** A mixed bag's BiLSTMs ({@link #bag()} CNNs first): {@code bilstmBag}, or as many as CNNs when it is 0. */
    public int mixedBiLstms() {
        return bilstmBag == 0 ? bag : bilstmBag;
    }

    /** The same with the mixed bag's BiLSTM count (0 = as many as {@link #bag()}). */
    public NeuralParams withBiLstmBag(int n) {
        return new NeuralParams(encoder, embeddingDim, positionDim, hidden, kernel, dropout, learningRate, l2,
                batchSize, maxEpochs, patience, maxLength, minCount, word2vec, word2vecEpochs, unlabelled, bag, unpadded,
                meanPool, inputDropout, gradientClip, attentionPool, embeddingLrScale, lrDecay, wordDropout, embeddings,
                n);
    }

    /** True for the BiLSTM and the mixed bag (which holds BiLSTMs). */
    public boolean usesBiLstm() {
        return !encoder.equals("cnn");
    }

    /**
     * A mixed bag's part: the same settings for {@code e} (cnn or bilstm) alone; for the CNN without the BiLSTM-only
     * settings.
     */
    public NeuralParams part(String e) {
        NeuralParams p = withBiLstmBag(0);
        return e.equals("cnn") ? p.withBiLstm(false, false, 0, gradientClip).withTraining(false, embeddingLrScale,
                lrDecay).withEncoder(e) : p.withEncoder(e).withBag(mixedBiLstms());
    }

    /** Without pretrained vectors (the behaviour before them). */
    public NeuralParams(String encoder, int embeddingDim, int positionDim, int hidden, int kernel, double dropout,
                        double learningRate, double l2, int batchSize, int maxEpochs, int patience, int maxLength,
                        int minCount, boolean word2vec, int word2vecEpochs, List<Path> unlabelled, int bag,
                        boolean unpadded, boolean meanPool, double inputDropout, double gradientClip,
                        boolean attentionPool, double embeddingLrScale, double lrDecay, double wordDropout) {
        this(encoder, embeddingDim, positionDim, hidden, kernel, dropout, learningRate, l2, batchSize, maxEpochs,
                patience, maxLength, minCount, word2vec, word2vecEpochs, unlabelled, bag, unpadded, meanPool,
                inputDropout, gradientClip, attentionPool, embeddingLrScale, lrDecay, wordDropout, null);
    }

    /** Without word dropout (the behaviour before it). */
    public NeuralParams(String encoder, int embeddingDim, int positionDim, int hidden, int kernel, double dropout,
                        double learningRate, double l2, int batchSize, int maxEpochs, int patience, int maxLength,
                        int minCount, boolean word2vec, int word2vecEpochs, List<Path> unlabelled, int bag,
                        boolean unpadded, boolean meanPool, double inputDropout, double gradientClip,
                        boolean attentionPool, double embeddingLrScale, double lrDecay) {
        this(encoder, embeddingDim, positionDim, hidden, kernel, dropout, learningRate, l2, batchSize, maxEpochs,
                patience, maxLength, minCount, word2vec, word2vecEpochs, unlabelled, bag, unpadded, meanPool,
                inputDropout, gradientClip, attentionPool, embeddingLrScale, lrDecay, 0);
    }

    /** Without attention pooling, embedding learning-rate scale and decay (the behaviour before them). */
    public NeuralParams(String encoder, int embeddingDim, int positionDim, int hidden, int kernel, double dropout,
                        double learningRate, double l2, int batchSize, int maxEpochs, int patience, int maxLength,
                        int minCount, boolean word2vec, int word2vecEpochs, List<Path> unlabelled, int bag,
                        boolean unpadded, boolean meanPool, double inputDropout, double gradientClip) {
        this(encoder, embeddingDim, positionDim, hidden, kernel, dropout, learningRate, l2, batchSize, maxEpochs,
                patience, maxLength, minCount, word2vec, word2vecEpochs, unlabelled, bag, unpadded, meanPool,
                inputDropout, gradientClip, false, 1, 1);
    }

    /** Without the BiLSTM settings: padded, no mean pooling, no input dropout, no clipping (the behaviour before). */
    public NeuralParams(String encoder, int embeddingDim, int positionDim, int hidden, int kernel, double dropout,
                        double learningRate, double l2, int batchSize, int maxEpochs, int patience, int maxLength,
                        int minCount, boolean word2vec, int word2vecEpochs, List<Path> unlabelled, int bag) {
        this(encoder, embeddingDim, positionDim, hidden, kernel, dropout, learningRate, l2, batchSize, maxEpochs,
                patience, maxLength, minCount, word2vec, word2vecEpochs, unlabelled, bag, false, false, 0, 0);
    }

    /** A single network (bag 1). */
    public NeuralParams(String encoder, int embeddingDim, int positionDim, int hidden, int kernel, double dropout,
                        double learningRate, double l2, int batchSize, int maxEpochs, int patience, int maxLength,
                        int minCount, boolean word2vec, int word2vecEpochs, List<Path> unlabelled) {
        this(encoder, embeddingDim, positionDim, hidden, kernel, dropout, learningRate, l2, batchSize, maxEpochs,
                patience, maxLength, minCount, word2vec, word2vecEpochs, unlabelled, 1);
    }

    public static NeuralParams defaults() {
        return new NeuralParams("cnn", 100, 16, 128, 3, 0.5, 1e-3, 1e-5, 32, 12, 2, 60, 2, true, 5, List.of(),
                DEFAULT_BAG);
    }

    /** Another encoder; the BiLSTM settings are kept (switching to the CNN needs them off). */
    public NeuralParams withEncoder(String e) {
        return new NeuralParams(e, embeddingDim, positionDim, hidden, kernel, dropout, learningRate, l2, batchSize,
                maxEpochs, patience, maxLength, minCount, word2vec, word2vecEpochs, unlabelled, bag, unpadded, meanPool,
                inputDropout, gradientClip, attentionPool, embeddingLrScale, lrDecay, wordDropout, embeddings,
                bilstmBag);
    }

    public NeuralParams withBag(int n) {
        return new NeuralParams(encoder, embeddingDim, positionDim, hidden, kernel, dropout, learningRate, l2,
                batchSize, maxEpochs, patience, maxLength, minCount, word2vec, word2vecEpochs, unlabelled, n, unpadded,
                meanPool, inputDropout, gradientClip, attentionPool, embeddingLrScale, lrDecay, wordDropout,
                embeddings, bilstmBag);
    }

    /** The same with the BiLSTM settings (and gradient clipping) replaced. */
    public NeuralParams withBiLstm(boolean unpad, boolean mean, double inDropout, double clip) {
        return new NeuralParams(encoder, embeddingDim, positionDim, hidden, kernel, dropout, learningRate, l2,
                batchSize, maxEpochs, patience, maxLength, minCount, word2vec, word2vecEpochs, unlabelled, bag, unpad,
                mean, inDropout, clip, attentionPool, embeddingLrScale, lrDecay, wordDropout, embeddings, bilstmBag);
    }

    /** The same with attention pooling (BiLSTM), the embedding's learning-rate scale and the decay replaced. */
    public NeuralParams withTraining(boolean attention, double embeddingScale, double decay) {
        return new NeuralParams(encoder, embeddingDim, positionDim, hidden, kernel, dropout, learningRate, l2,
                batchSize, maxEpochs, patience, maxLength, minCount, word2vec, word2vecEpochs, unlabelled, bag, unpadded,
                meanPool, inputDropout, gradientClip, attention, embeddingScale, decay, wordDropout, embeddings,
                bilstmBag);
    }

    /** The same with word dropout and the L2 penalty replaced. */
    public NeuralParams withRegularisation(double wordDrop, double l2Penalty) {
        return new NeuralParams(encoder, embeddingDim, positionDim, hidden, kernel, dropout, learningRate, l2Penalty,
                batchSize, maxEpochs, patience, maxLength, minCount, word2vec, word2vecEpochs, unlabelled, bag, unpadded,
                meanPool, inputDropout, gradientClip, attentionPool, embeddingLrScale, lrDecay, wordDrop, embeddings,
                bilstmBag);
    }

    /** The same with pretrained word vectors (null = none). */
    public NeuralParams withEmbeddings(Path file) {
        return new NeuralParams(encoder, embeddingDim, positionDim, hidden, kernel, dropout, learningRate, l2,
                batchSize, maxEpochs, patience, maxLength, minCount, word2vec, word2vecEpochs, unlabelled, bag, unpadded,
                meanPool, inputDropout, gradientClip, attentionPool, embeddingLrScale, lrDecay, wordDropout, file,
                bilstmBag);
    }
}
