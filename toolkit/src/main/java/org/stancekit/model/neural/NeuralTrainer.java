package org.stancekit.model.neural;

import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.text.sentenceiterator.CollectionSentenceIterator;
import org.deeplearning4j.text.tokenization.tokenizerfactory.DefaultTokenizerFactory;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.stancekit.BadInputException;
import org.stancekit.model.TokenSequence;
import org.stancekit.model.Task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Trains the neural backend from scratch: vocabulary from the training text, optional Word2Vec initialisation of the
 * embeddings, then Adam on class-weighted cross-entropy with early stopping on dev macro-F1 (the best epoch's weights
 * are kept). Deterministic for a seed: configuration seed, ND4J's random seed, a seeded shuffle and one native thread.
 */
public final class NeuralTrainer {
    static final int POSITION_RADIUS = 10;

    private NeuralTrainer() {}

    /** The trained classifier (temperature 1) and what the training report records. */
    public record Result<I>(NeuralClassifier<I> classifier, Map<String, Object> report) {}

    public static <I> Result<I> train(Task task, List<I> trainInputs, List<String> gold, List<String> labels,
                                      List<I> devInputs, List<String> devGold, NeuralParams p, long seed,
                                      Consumer<String> progress) {
        NeuralBackend.configureThreads();
        long t0 = System.nanoTime();
        Function<I, TokenSequence> view = NeuralBackend.view(task);
        List<TokenSequence> train = trainInputs.stream().map(view).toList();
        List<TokenSequence> dev = devInputs.stream().map(view).toList();
        Vocabulary vocab = Vocabulary.build(train.stream().map(TokenSequence::words).toList(), p.minCount());
        int k = labels.size();
        int channels = p.encoder().equals("cnn") ? p.hidden() : 2 * p.hidden();
        NeuralClassifier.Spec spec = new NeuralClassifier.Spec(p.encoder(), p.maxLength(), POSITION_RADIUS,
                p.embeddingDim(), p.positionDim(), channels, p.kernel(), vocab.size());
        int[] y = new int[gold.size()];
        int[] counts = new int[k];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.indexOf(gold.get(i));
            counts[y[i]]++;
        }
        double[] classWeights = new double[k];
        for (int c = 0; c < k; c++) classWeights[c] = counts[c] == 0 ? 0 : (double) y.length / (k * counts[c]);

        Nd4j.getRandom().setSeed(seed);
        ComputationGraph net = new ComputationGraph(configuration(spec, p, k, classWeights, seed));
        net.init();
        Map<String, Object> report = new LinkedHashMap<>();
        if (p.word2vec()) {
            long w0 = System.nanoTime();
            int[] found = initialiseEmbeddings(net, vocab, train, p, seed);
            double s = (System.nanoTime() - w0) / 1e9;
            progress.accept(String.format(Locale.ROOT, "%s neural: Word2Vec on %d texts, %d of %d words initialised,"
                    + " %.1f s", task.key(), found[1], found[0], vocab.size(), s));
            report.put("word2vec", Map.of("texts", found[1], "initialised_words", found[0], "epochs",
                    p.word2vecEpochs(), "seconds", Math.round(s * 10) / 10.0));
        }
        Random rnd = new Random(seed);
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        double best = -1;
        int bestEpoch = 0;
        INDArray bestParams = null;
        List<Map<String, Object>> epochs = new ArrayList<>();
        for (int epoch = 1; epoch <= p.maxEpochs(); epoch++) {
            long e0 = System.nanoTime();
            for (int i = order.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1), tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            double loss = 0;
            for (int from = 0; from < order.length; from += p.batchSize()) {
                int n = Math.min(p.batchSize(), order.length - from);
                List<TokenSequence> batch = new ArrayList<>(n);
                float[] onehot = new float[n * k];
                for (int b = 0; b < n; b++) {
                    batch.add(train.get(order[from + b]));
                    onehot[b * k + y[order[from + b]]] = 1;
                }
                net.fit(new MultiDataSet(NeuralClassifier.encode(batch, vocab, spec),
                        new INDArray[]{Nd4j.create(onehot, new long[]{n, k}, 'c')}));
                loss += net.score() * n;
            }
            loss /= order.length;
            double f1 = Double.NaN;
            if (!dev.isEmpty()) f1 = macroF1(predict(net, dev, vocab, spec), devGold, labels);
            double secs = (System.nanoTime() - e0) / 1e9;
            progress.accept(String.format(Locale.ROOT, "%s neural: epoch %d/%d loss %.4f dev macro-F1 %.4f %.1f s",
                    task.key(), epoch, p.maxEpochs(), loss, f1, secs));
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("epoch", epoch);
            e.put("loss", loss);
            e.put("dev_macro_f1", Double.isNaN(f1) ? null : f1);
            e.put("seconds", Math.round(secs * 10) / 10.0);
            epochs.add(e);
            if (dev.isEmpty()) continue;
            if (f1 > best + 1e-9) {
                best = f1;
                bestEpoch = epoch;
                bestParams = net.params().dup();
            } else if (epoch - bestEpoch >= p.patience()) {
                break;
            }
        }
        if (bestParams != null) net.setParams(bestParams);
        report.put("epochs", epochs);
        report.put("best_epoch", dev.isEmpty() ? epochs.size() : bestEpoch);
        report.put("class_weights", classWeights);
        report.put("training_seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        return new Result<>(new NeuralClassifier<>(view, vocab, spec, labels, 1.0, net), report);
    }

    static ComputationGraphConfiguration configuration(NeuralClassifier.Spec spec, NeuralParams p, int k,
                                                       double[] classWeights, long seed) {
        Layer encoder = spec.encoder().equals("cnn")
                ? new Convolution1DLayer.Builder().kernelSize(spec.kernel()).convolutionMode(ConvolutionMode.Same)
                .nOut(spec.channels()).activation(Activation.RELU).build()
                : new Bidirectional(Bidirectional.Mode.CONCAT, new LSTM.Builder().nOut(p.hidden())
                .activation(Activation.TANH).build());
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(p.learningRate()))
                .l2(p.l2())
                .weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder()
                .addInputs("words", "positions", "target_weights")
                // recurrent(vocabulary size), not recurrent(1): PITFALLS.md (EmbeddingSequenceLayer nIn)
                .setInputTypes(InputType.recurrent(spec.vocabularySize(), spec.maxLength()),
                        InputType.recurrent(spec.positions(), spec.maxLength()),
                        InputType.recurrent(spec.channels(), spec.maxLength()))
                .addLayer("embedding", new EmbeddingSequenceLayer.Builder().nIn(spec.vocabularySize())
                        .nOut(spec.embeddingDim()).inputLength(spec.maxLength()).build(), "words")
                .addLayer("position_embedding", new EmbeddingSequenceLayer.Builder().nIn(spec.positions())
                        .nOut(spec.positionDim()).inputLength(spec.maxLength()).build(), "positions")
                .addVertex("tokens", new MergeVertex(), "embedding", "position_embedding")
                .addLayer("encoder", encoder, "tokens")
                .addLayer("max_pool", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "encoder")
                .addVertex("at_target", new ElementWiseVertex(ElementWiseVertex.Op.Product), "encoder",
                        "target_weights")
                .addLayer("target_pool", new GlobalPoolingLayer.Builder(PoolingType.SUM).build(), "at_target")
                .addVertex("pooled", new MergeVertex(), "max_pool", "target_pool")
                .addLayer("output", new OutputLayer.Builder()
                        .lossFunction(new LossMCXENT(Nd4j.create(classWeights).castTo(DataType.FLOAT)))
                        .activation(Activation.SOFTMAX).nOut(k).dropOut(new Dropout(1 - p.dropout())).build(),
                        "pooled")
                .setOutputs("output")
                .build();
    }

    static double[][] predict(ComputationGraph net, List<TokenSequence> seqs, Vocabulary vocab,
                              NeuralClassifier.Spec spec) {
        double[][] out = new double[seqs.size()][];
        for (int from = 0; from < seqs.size(); from += NeuralClassifier.BATCH) {
            List<TokenSequence> batch = seqs.subList(from, Math.min(seqs.size(), from + NeuralClassifier.BATCH));
            double[][] rows = net.output(false, NeuralClassifier.encode(batch, vocab, spec))[0]
                    .castTo(DataType.DOUBLE).toDoubleMatrix();
            System.arraycopy(rows, 0, out, from, rows.length);
        }
        return out;
    }

    static double macroF1(double[][] probs, List<String> gold, List<String> labels) {
        int k = labels.size();
        int[] tp = new int[k], predicted = new int[k], support = new int[k];
        for (int i = 0; i < probs.length; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) if (probs[i][c] > probs[i][best]) best = c;
            int g = labels.indexOf(gold.get(i));
            predicted[best]++;
            if (g >= 0) support[g]++;
            if (best == g) tp[best]++;
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            double pr = predicted[c] == 0 ? 0 : (double) tp[c] / predicted[c];
            double rc = support[c] == 0 ? 0 : (double) tp[c] / support[c];
            sum += pr + rc == 0 ? 0 : 2 * pr * rc / (pr + rc);
        }
        return sum / k;
    }

    /** Word2Vec on the training text plus the unlabelled files; returns {words initialised, texts}. */
    private static int[] initialiseEmbeddings(ComputationGraph net, Vocabulary vocab, List<TokenSequence> train,
                                              NeuralParams p, long seed) {
        List<String> texts = new ArrayList<>();
        for (TokenSequence s : train) texts.add(String.join(" ", s.words()));
        for (Path f : p.unlabelled()) {
            try {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) texts.add(String.join(" ", TokenSequence.forSentence(line).words()));
                }
            } catch (IOException e) {
                throw new BadInputException("--unlabelled " + f + ": cannot read (" + e.getMessage() + ")");
            } catch (UncheckedIOException e) {
                throw new BadInputException("--unlabelled " + f + ": not UTF-8 text (" + e.getMessage() + ")");
            }
        }
        Word2Vec w2v = new Word2Vec.Builder()
                .minWordFrequency(Math.max(1, p.minCount()))
                .layerSize(p.embeddingDim())
                .windowSize(5)
                .seed(seed)
                .epochs(p.word2vecEpochs())
                .iterations(1)
                .workers(1)
                .allowParallelTokenization(false)
                .iterate(new CollectionSentenceIterator(texts))
                .tokenizerFactory(new DefaultTokenizerFactory())
                .build();
        w2v.fit();
        INDArray w = net.getLayer("embedding").getParam("W");
        int found = 0;
        for (int i = 2; i < vocab.size(); i++) {
            String word = vocab.word(i);
            if (w2v.hasWord(word)) {
                w.putRow(i, w2v.getWordVectorMatrix(word).reshape(1, p.embeddingDim()).castTo(w.dataType()));
                found++;
            }
        }
        return new int[]{found, texts.size()};
    }
}
