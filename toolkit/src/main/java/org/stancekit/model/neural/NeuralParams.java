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
 */
public record NeuralParams(String encoder, int embeddingDim, int positionDim, int hidden, int kernel, double dropout,
                           double learningRate, double l2, int batchSize, int maxEpochs, int patience, int maxLength,
                           int minCount, boolean word2vec, int word2vecEpochs, List<Path> unlabelled) {
    public NeuralParams {
        if (!encoder.equals("cnn") && !encoder.equals("bilstm")) {
            throw new IllegalArgumentException("encoder must be cnn or bilstm, got " + encoder);
        }
        unlabelled = List.copyOf(unlabelled);
    }

    public static NeuralParams defaults() {
        return new NeuralParams("cnn", 100, 16, 128, 3, 0.5, 1e-3, 1e-5, 32, 12, 2, 60, 2, true, 5, List.of());
    }

    public NeuralParams withEncoder(String e) {
        return new NeuralParams(e, embeddingDim, positionDim, hidden, kernel, dropout, learningRate, l2, batchSize,
                maxEpochs, patience, maxLength, minCount, word2vec, word2vecEpochs, unlabelled);
    }
}
