package org.stancekit.model.neural;

import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.AttentionVertex;
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
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Trains the neural backend from scratch: vocabulary from the training text, optional Word2Vec initialisation of the
 * embeddings, then Adam on class-weighted cross-entropy with early stopping on dev macro-F1 (the best epoch's weights
 * are kept). With {@link NeuralParams#bag()} above 1 it trains that many networks on the same data, vocabulary and
 * Word2Vec vectors, differing only in their seed (initial weights, dropout masks, shuffle order); the classifier
 * averages their probabilities. Deterministic for a seed: configuration seed, ND4J's random seed, a seeded shuffle and
 * one native thread; the first network of a bag is the network a single-network training with that seed gives.
 */
public final class NeuralTrainer {
    static final int POSITION_RADIUS = 10;

    private NeuralTrainer() {}

    /** The trained classifier (temperature 1) and what the training report records. */
    public record Result<I>(NeuralClassifier<I> classifier, Map<String, Object> report) {}

    /** The seed of network {@code i} (0-based) of a bag trained with {@code seed}: the first one uses the seed itself. */
    public static long memberSeed(long seed, int i) {
        return i == 0 ? seed : seed + 0x9E3779B97F4A7C15L * i;
    }

    public static <I> Result<I> train(Task task, List<I> trainInputs, List<String> gold, List<String> labels,
                                      List<I> devInputs, List<String> devGold, NeuralParams p, long seed,
                                      Consumer<String> progress) {
        if (p.encoder().equals(NeuralParams.MIXED)) {
            return trainMixed(task, trainInputs, gold, labels, devInputs, devGold, p, seed, progress);
        }
        return train(task, trainInputs, gold, labels, devInputs, devGold, p, seed, progress, new Shared());
    }

    /**
     * Pretrained vectors read once for every network of a mixed bag. (Word2Vec runs once per part: it draws from ND4J's
     * random generator between a network's initialisation and its training, so sharing it would change the dropout
     * masks of the second part.)
     */
    private static final class Shared {
        Map<Integer, float[]> pretrained; // --embeddings rows
        Map<String, Object> pretrainedReport;
    }

    /**
     * A mixed bag: {@link NeuralParams#bag()} CNNs, then {@link NeuralParams#mixedBiLstms()} BiLSTMs, on one
     * vocabulary; each part is the bag a training with that encoder alone gives (same seeds). The report has each
     * part's.
     */
    private static <I> Result<I> trainMixed(Task task, List<I> trainInputs, List<String> gold, List<String> labels,
                                            List<I> devInputs, List<String> devGold, NeuralParams p, long seed,
                                            Consumer<String> progress) {
        long t0 = System.nanoTime();
        Shared shared = new Shared();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("encoder", NeuralParams.MIXED);
        List<Map<String, Object>> parts = new ArrayList<>();
        NeuralClassifier<I> bag = null;
        for (String encoder : List.of("cnn", "bilstm")) {
            Result<I> r = train(task, trainInputs, gold, labels, devInputs, devGold, p.part(encoder), seed,
                    m -> progress.accept(m.replace(task.key() + " neural", task.key() + " neural " + encoder)), shared);
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("encoder", encoder);
            part.putAll(r.report());
            part.remove("pretrained_embeddings");
            if (bag != null && part.get("members") instanceof List<?> members) {
                // the part's networks follow the CNNs in the bundle
                for (int i = 0; i < members.size(); i++) {
                    if (members.get(i) instanceof Map<?, ?> m) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> member = (Map<String, Object>) m;
                        member.put("network", NeuralClassifier.networkFile(bag.bagSize() + i));
                    }
                }
            }
            parts.add(part);
            bag = bag == null ? r.classifier() : bag.mixedWith(r.classifier());
        }
        if (shared.pretrainedReport != null) report.put("pretrained_embeddings", shared.pretrainedReport);
        report.put("bag", bag.bagSize());
        report.put("parts", parts);
        if (!devInputs.isEmpty()) {
            double f1 = macroF1(bag.rawProbabilities(devInputs), devGold, labels);
            report.put("dev_macro_f1", f1);
            progress.accept(String.format(Locale.ROOT, "%s neural: dev macro-F1 of the mixed bag (%d networks) %.4f",
                    task.key(), bag.bagSize(), f1));
        }
        report.put("training_seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        return new Result<>(bag, report);
    }

    private static <I> Result<I> train(Task task, List<I> trainInputs, List<String> gold, List<String> labels,
                                       List<I> devInputs, List<String> devGold, NeuralParams p, long seed,
                                       Consumer<String> progress, Shared shared) {
        NeuralBackend.configureThreads();
        long t0 = System.nanoTime();
        Function<I, TokenSequence> view = NeuralBackend.view(task);
        List<TokenSequence> train = trainInputs.stream().map(view).toList();
        List<TokenSequence> dev = devInputs.stream().map(view).toList();
        Vocabulary vocab = Vocabulary.build(train.stream().map(TokenSequence::words).toList(), p.minCount());
        int k = labels.size();
        int channels = p.encoder().equals("cnn") ? p.hidden() : 2 * p.hidden();
        NeuralClassifier.Spec spec = new NeuralClassifier.Spec(p.encoder(), p.maxLength(), POSITION_RADIUS,
                p.embeddingDim(), p.positionDim(), channels, p.kernel(), vocab.size(), p.unpadded(), p.meanPool(),
                p.attentionPool());
        int[] y = new int[gold.size()];
        int[] counts = new int[k];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.indexOf(gold.get(i));
            counts[y[i]]++;
        }
        double[] classWeights = new double[k];
        for (int c = 0; c < k; c++) classWeights[c] = counts[c] == 0 ? 0 : (double) y.length / (k * counts[c]);

        Map<String, Object> report = new LinkedHashMap<>();
        // settings added later, recorded only when they differ from the behaviour before them
        if (p.attentionPool()) report.put("attention_pool", true);
        if (p.embeddingLrScale() != 1) report.put("embedding_lr_scale", p.embeddingLrScale());
        if (p.lrDecay() != 1) report.put("lr_decay", p.lrDecay());
        if (p.wordDropout() != 0) report.put("word_dropout", p.wordDropout());
        List<ComputationGraph> nets = new ArrayList<>();
        List<Map<String, Object>> members = new ArrayList<>();
        Map<Integer, INDArray> vectors = null; // Word2Vec rows of the embedding, trained once for the whole bag
        Map<Integer, float[]> pretrained = shared.pretrained; // --embeddings rows, read once for the whole bag
        for (int m = 0; m < p.bag(); m++) {
            long memberSeed = memberSeed(seed, m);
            String name = p.bag() == 1 ? task.key() + " neural" : String.format(Locale.ROOT, "%s neural [%d/%d]",
                    task.key(), m + 1, p.bag());
            Nd4j.getRandom().setSeed(memberSeed);
            ComputationGraph net = new ComputationGraph(configuration(spec, p, k, classWeights, memberSeed));
            net.init();
            if (p.word2vec()) {
                if (vectors == null) {
                    long w0 = System.nanoTime();
                    int[] texts = new int[1];
                    vectors = word2vec(vocab, train, p, seed, texts);
                    double s = (System.nanoTime() - w0) / 1e9;
                    progress.accept(String.format(Locale.ROOT, "%s neural: Word2Vec on %d texts, %d of %d words"
                            + " initialised, %.1f s", task.key(), texts[0], vectors.size(), vocab.size(), s));
                    Map<String, Object> w2v = new LinkedHashMap<>(); // in this order in model.json
                    w2v.put("texts", texts[0]);
                    w2v.put("initialised_words", vectors.size());
                    w2v.put("epochs", p.word2vecEpochs());
                    w2v.put("seconds", Math.round(s * 10) / 10.0);
                    report.put("word2vec", w2v);
                }
                INDArray w = net.getLayer("embedding").getParam("W");
                for (Map.Entry<Integer, INDArray> e : vectors.entrySet()) {
                    w.putRow(e.getKey(), e.getValue().castTo(w.dataType()));
                }
            }
            if (p.embeddings() != null) {
                if (pretrained == null) {
                    long w0 = System.nanoTime();
                    PretrainedVectors.Loaded loaded = PretrainedVectors.read(p.embeddings(), vocab, p.embeddingDim());
                    pretrained = loaded.vectors();
                    double s = (System.nanoTime() - w0) / 1e9;
                    progress.accept(String.format(Locale.ROOT, "%s neural: pretrained vectors for %d of %d words"
                            + " from %s, %.1f s", task.key(), pretrained.size(), vocab.size(),
                            p.embeddings().getFileName(), s));
                    Map<String, Object> used = new LinkedHashMap<>(); // in this order in model.json
                    used.put("file", String.valueOf(p.embeddings().getFileName()));
                    used.put("sha256", loaded.sha256());
                    used.put("initialised_words", pretrained.size());
                    report.put("pretrained_embeddings", used);
                    shared.pretrained = pretrained;
                    shared.pretrainedReport = used;
                }
                INDArray w = net.getLayer("embedding").getParam("W");
                for (Map.Entry<Integer, float[]> e : pretrained.entrySet()) {
                    w.putRow(e.getKey(), Nd4j.createFromArray(e.getValue()).castTo(w.dataType()));
                }
            }
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("network", NeuralClassifier.networkFile(m));
            member.put("seed", memberSeed);
            member.putAll(fit(net, name, train, y, dev, devGold, labels, vocab, spec, p, memberSeed, progress));
            nets.add(net);
            members.add(member);
        }
        report.put("class_weights", classWeights);
        report.put("bag", p.bag());
        report.put("members", members);
        if (p.bag() > 1 && !dev.isEmpty()) {
            // the bag's dev macro-F1 when only its first n networks are averaged, n = 1..bag: how much each one adds
            double[][][] probs = new double[nets.size()][][];
            for (int m = 0; m < nets.size(); m++) probs[m] = predict(nets.get(m), dev, vocab, spec);
            List<Double> bySize = new ArrayList<>();
            double[][] sum = new double[dev.size()][k];
            for (int m = 0; m < nets.size(); m++) {
                double[][] mean = new double[dev.size()][k];
                for (int i = 0; i < sum.length; i++) {
                    for (int c = 0; c < k; c++) mean[i][c] = (sum[i][c] += probs[m][i][c]) / (m + 1);
                }
                bySize.add(macroF1(mean, devGold, labels));
            }
            report.put("dev_macro_f1_by_bag_size", bySize);
            progress.accept(String.format(Locale.ROOT, "%s neural: dev macro-F1 of the first 1..%d networks"
                    + " averaged: %s", task.key(), nets.size(), bySize.stream()
                    .map(f -> String.format(Locale.ROOT, "%.4f", f)).toList()));
        }
        report.put("training_seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        return new Result<>(new NeuralClassifier<>(view, vocab, spec, labels, 1.0, nets), report);
    }

    /**
     * Trains one network (already initialised) with early stopping on dev macro-F1 and leaves the best epoch's weights
     * in it; returns its report: epochs, best epoch, that epoch's dev macro-F1, seconds.
     */
    private static Map<String, Object> fit(ComputationGraph net, String name, List<TokenSequence> train, int[] y,
                                           List<TokenSequence> dev, List<String> devGold, List<String> labels,
                                           Vocabulary vocab, NeuralClassifier.Spec spec, NeuralParams p, long seed,
                                           Consumer<String> progress) {
        long t0 = System.nanoTime();
        int k = labels.size();
        Random rnd = new Random(seed);
        // word dropout draws from its own generator, so the shuffle (and a run without it) stays as before
        Random dropRnd = new Random(~seed);
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        double best = -1;
        int bestEpoch = 0;
        INDArray bestParams = null;
        List<Map<String, Object>> epochs = new ArrayList<>();
        int[] lengths = null; // unpadded: each example's length
        for (int epoch = 1; epoch <= p.maxEpochs(); epoch++) {
            long e0 = System.nanoTime();
            for (int i = order.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1), tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            double loss = 0;
            if (spec.unpadded()) {
                // minibatches of one length each (in shuffled order within a length), visited in a shuffled order
                if (lengths == null) {
                    lengths = new int[train.size()];
                    for (int i = 0; i < lengths.length; i++) {
                        lengths[i] = NeuralClassifier.length(NeuralClassifier.encode(train.get(i), vocab, spec));
                    }
                }
                Map<Integer, List<Integer>> byLength = new TreeMap<>();
                for (int i : order) byLength.computeIfAbsent(lengths[i], l -> new ArrayList<>()).add(i);
                List<List<Integer>> batches = new ArrayList<>();
                for (List<Integer> g : byLength.values()) {
                    for (int from = 0; from < g.size(); from += p.batchSize()) {
                        batches.add(g.subList(from, Math.min(g.size(), from + p.batchSize())));
                    }
                }
                Collections.shuffle(batches, rnd);
                for (List<Integer> b : batches) {
                    loss += fitBatch(net, b, train, y, k, vocab, spec, p.wordDropout(), dropRnd) * b.size();
                }
            } else {
                for (int from = 0; from < order.length; from += p.batchSize()) {
                    int n = Math.min(p.batchSize(), order.length - from);
                    List<TokenSequence> batch = new ArrayList<>(n);
                    float[] onehot = new float[n * k];
                    for (int b = 0; b < n; b++) {
                        batch.add(dropWords(train.get(order[from + b]), p.wordDropout(), dropRnd));
                        onehot[b * k + y[order[from + b]]] = 1;
                    }
                    net.fit(new MultiDataSet(NeuralClassifier.encode(batch, vocab, spec),
                            new INDArray[]{Nd4j.create(onehot, new long[]{n, k}, 'c')}));
                    loss += net.score() * n;
                }
            }
            loss /= order.length;
            double f1 = Double.NaN;
            if (!dev.isEmpty()) f1 = macroF1(predict(net, dev, vocab, spec), devGold, labels);
            double secs = (System.nanoTime() - e0) / 1e9;
            progress.accept(String.format(Locale.ROOT, "%s: epoch %d/%d loss %.4f dev macro-F1 %.4f %.1f s",
                    name, epoch, p.maxEpochs(), loss, f1, secs));
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("epoch", epoch);
            e.put("loss", loss);
            e.put("dev_macro_f1", Double.isNaN(f1) ? null : f1);
            e.put("seconds", Math.round(secs * 10) / 10.0);
            epochs.add(e);
            if (dev.isEmpty()) continue;
            if (p.lrDecay() != 1) net.incrementEpochCount(); // the learning-rate schedule counts epochs
            if (f1 > best + 1e-9) {
                best = f1;
                bestEpoch = epoch;
                bestParams = net.params().dup();
            } else if (epoch - bestEpoch >= p.patience()) {
                break;
            }
        }
        if (bestParams != null) net.setParams(bestParams);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("best_epoch", dev.isEmpty() ? epochs.size() : bestEpoch);
        report.put("dev_macro_f1", dev.isEmpty() ? null : best);
        report.put("epochs", epochs);
        report.put("training_seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        return report;
    }

    /** One minibatch of an unpadded network (examples of one length, no padding); returns its mean loss. */
    private static double fitBatch(ComputationGraph net, List<Integer> batch, List<TokenSequence> train, int[] y, int k,
                                   Vocabulary vocab, NeuralClassifier.Spec spec, double wordDropout, Random dropRnd) {
        List<NeuralClassifier.Encoded> enc = new ArrayList<>(batch.size());
        float[] onehot = new float[batch.size() * k];
        for (int b = 0; b < batch.size(); b++) {
            enc.add(NeuralClassifier.encode(dropWords(train.get(batch.get(b)), wordDropout, dropRnd), vocab, spec));
            onehot[b * k + y[batch.get(b)]] = 1;
        }
        net.fit(new MultiDataSet(NeuralClassifier.inputs(enc, spec, NeuralClassifier.length(enc.get(0))),
                new INDArray[]{Nd4j.create(onehot, new long[]{batch.size(), k}, 'c')}));
        return net.score();
    }

    /**
     * Word dropout: every token that is neither a target nor another actor's mention becomes the unknown word with
     * probability {@code p} (the sequence itself when {@code p} is 0; its length and mention positions never change).
     */
    static TokenSequence dropWords(TokenSequence s, double p, Random rnd) {
        if (p == 0) return s;
        List<String> words = new ArrayList<>(s.words());
        for (int i = 0; i < words.size(); i++) {
            if (s.targets().contains(i) || s.others().contains(i)) continue;
            if (rnd.nextDouble() < p) words.set(i, Vocabulary.UNK);
        }
        return new TokenSequence(words, s.targets(), s.others());
    }

    static ComputationGraphConfiguration configuration(NeuralClassifier.Spec spec, NeuralParams p, int k,
                                                       double[] classWeights, long seed) {
        Layer encoder;
        if (spec.encoder().equals("cnn")) {
            encoder = new Convolution1DLayer.Builder().kernelSize(spec.kernel()).convolutionMode(ConvolutionMode.Same)
                    .nOut(spec.channels()).activation(Activation.RELU).build();
        } else {
            LSTM.Builder lstm = new LSTM.Builder().nOut(p.hidden()).activation(Activation.TANH);
            if (p.inputDropout() > 0) lstm.dropOut(new Dropout(1 - p.inputDropout()));
            encoder = new Bidirectional(Bidirectional.Mode.CONCAT, lstm.build());
        }
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder();
        if (p.gradientClip() > 0) {
            builder.gradientNormalization(GradientNormalization.ClipL2PerLayer)
                    .gradientNormalizationThreshold(p.gradientClip());
        }
        ComputationGraphConfiguration.GraphBuilder graph = builder
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(adam(p, 1))
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
                .addLayer("embedding", embedding(spec, p), "words")
                .addLayer("position_embedding", new EmbeddingSequenceLayer.Builder().nIn(spec.positions())
                        .nOut(spec.positionDim()).inputLength(spec.maxLength()).build(), "positions")
                .addVertex("tokens", new MergeVertex(), "embedding", "position_embedding")
                .addLayer("encoder", encoder, "tokens")
                .addLayer("max_pool", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "encoder")
                .addVertex("at_target", new ElementWiseVertex(ElementWiseVertex.Op.Product), "encoder",
                        "target_weights")
                .addLayer("target_pool", new GlobalPoolingLayer.Builder(PoolingType.SUM).build(), "at_target");
        List<String> pools = new ArrayList<>(List.of("max_pool", "target_pool"));
        if (spec.meanPool()) {
            graph.addLayer("mean_pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "encoder");
            pools.add("mean_pool");
        }
        if (spec.attentionPool()) {
            // the target's state (a sequence of one step) is the query; the encoder states are keys and values
            int c = spec.channels();
            graph.addLayer("target_query", new GlobalPoolingLayer.Builder(PoolingType.SUM).collapseDimensions(false)
                            .build(), "at_target")
                    .addVertex("attention", new AttentionVertex.Builder().nInQueries(c).nInKeys(c).nInValues(c)
                            .nOut(c).nHeads(1).headSize(Math.max(1, c / 2)).projectInput(true).build(),
                            "target_query", "encoder", "encoder")
                    .addLayer("attention_pool", new GlobalPoolingLayer.Builder(PoolingType.SUM).build(), "attention");
            pools.add("attention_pool");
        }
        graph.addVertex("pooled", new MergeVertex(), pools.toArray(String[]::new));
        return graph
                .addLayer("output", new OutputLayer.Builder()
                        .lossFunction(new LossMCXENT(Nd4j.create(classWeights).castTo(DataType.FLOAT)))
                        .activation(Activation.SOFTMAX).nOut(k).dropOut(new Dropout(1 - p.dropout())).build(),
                        "pooled")
                .setOutputs("output")
                .build();
    }

    /** Adam at {@code scale} times the learning rate, decaying by {@link NeuralParams#lrDecay()} per epoch. */
    private static IUpdater adam(NeuralParams p, double scale) {
        double lr = p.learningRate() * scale;
        return p.lrDecay() == 1 ? new Adam(lr) : new Adam(new ExponentialSchedule(ScheduleType.EPOCH, lr, p.lrDecay()));
    }

    /** The word embedding: with its own updater when its learning rate is scaled (none at all when frozen). */
    private static EmbeddingSequenceLayer embedding(NeuralClassifier.Spec spec, NeuralParams p) {
        EmbeddingSequenceLayer.Builder b = new EmbeddingSequenceLayer.Builder().nIn(spec.vocabularySize())
                .nOut(spec.embeddingDim()).inputLength(spec.maxLength());
        if (p.embeddingLrScale() == 0) {
            b.updater(new Sgd(0)).l2(0); // an update of 0 x the gradient: the Word2Vec vectors stay
        } else if (p.embeddingLrScale() != 1) {
            b.updater(adam(p, p.embeddingLrScale()));
        }
        return b.build();
    }

    static double[][] predict(ComputationGraph net, List<TokenSequence> seqs, Vocabulary vocab,
                              NeuralClassifier.Spec spec) {
        double[][] out = new double[seqs.size()][];
        if (spec.unpadded()) {
            NeuralClassifier.unpadded(net, seqs, vocab, spec, out);
            return out;
        }
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

    /**
     * Word2Vec on the training text plus the unlabelled files: the vector of every vocabulary word it learnt, by
     * embedding row; {@code texts[0]} is set to the number of texts it read.
     */
    private static Map<Integer, INDArray> word2vec(Vocabulary vocab, List<TokenSequence> train, NeuralParams p,
                                                   long seed, int[] texts) {
        List<String> lines = new ArrayList<>();
        for (TokenSequence s : train) lines.add(String.join(" ", s.words()));
        for (Path f : p.unlabelled()) {
            try {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) lines.add(String.join(" ", TokenSequence.forSentence(line).words()));
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
                .iterate(new CollectionSentenceIterator(lines))
                .tokenizerFactory(new DefaultTokenizerFactory())
                .build();
        w2v.fit();
        Map<Integer, INDArray> out = new LinkedHashMap<>();
        for (int i = 2; i < vocab.size(); i++) {
            String word = vocab.word(i);
            if (w2v.hasWord(word)) out.put(i, w2v.getWordVectorMatrix(word).reshape(1, p.embeddingDim()).dup());
        }
        texts[0] = lines.size();
        return out;
    }
}
