/**
 * The neural backend on Deeplearning4j/ND4J: a target-aware network (word and relative-position embeddings, a 1-D CNN
 * or BiLSTM encoder, max pooling plus pooling over the target positions (a BiLSTM: optionally the mean too, and batches
 * of one length so that it never reads padding), dropout, softmax), optionally a bag of such
 * networks trained with different seeds whose probabilities are averaged. Only this package touches DL4J or ND4J, and
 * it is reached from {@code bundle.ModelBundle} only for bundles whose backend is {@code neural} or {@code ensemble},
 * so the linear path never loads ND4J's native libraries.
 */
package org.stancekit.model.neural;
