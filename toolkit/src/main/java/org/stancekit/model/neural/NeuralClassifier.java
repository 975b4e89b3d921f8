package org.stancekit.model.neural;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stancekit.model.BundleWritable;
import org.stancekit.model.Classifier;
import org.stancekit.model.EnsembleClassifier;
import org.stancekit.model.Prediction;
import org.stancekit.model.TokenSequence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;

/**
 * The neural backend's classifier: one network, or a bag of networks trained with different seeds whose softmax
 * outputs are averaged (then one temperature calibrates the average). Immutable from the outside and thread-safe: a
 * CNN or BiLSTM predicts through its plain-Java pass ({@link CnnForward}, {@link LstmForward}), thread-safe; a
 * network without that fast path (attention pooling, or a pass that disagreed with DL4J) is not thread-safe, so each call borrows a private copy of it from a pool (a new copy is made when all
 * are in use; there are never more copies than threads that predicted at the same time) and returns it afterwards.
 *
 * <p>Every example is encoded to exactly {@link Spec#maxLength()} positions (padded or windowed around the first target),
 * so an example's probabilities do not depend on which other examples share its batch.
 */
public final class NeuralClassifier<I> implements Classifier<I>, BundleWritable {
    public static final String NETWORK_FILE = "network.zip";
    static final int BATCH = 64;

    /** The shape of the network and its input encoding; recorded in {@code model.json}. */
    public record Spec(String encoder, int maxLength, int positionRadius, int embeddingDim, int positionDim,
                       int channels, int kernel, int vocabularySize, boolean unpadded, boolean meanPool,
                       boolean attentionPool) {
        /** A padded network without mean pooling (every bundle written before those settings). */
        public Spec(String encoder, int maxLength, int positionRadius, int embeddingDim, int positionDim, int channels,
                    int kernel, int vocabularySize) {
            this(encoder, maxLength, positionRadius, embeddingDim, positionDim, channels, kernel, vocabularySize, false,
                    false);
        }

        /** Without attention pooling (every bundle written before it). */
        public Spec(String encoder, int maxLength, int positionRadius, int embeddingDim, int positionDim, int channels,
                    int kernel, int vocabularySize, boolean unpadded, boolean meanPool) {
            this(encoder, maxLength, positionRadius, embeddingDim, positionDim, channels, kernel, vocabularySize,
                    unpadded, meanPool, false);
        }

        int positions() {
            return 2 * positionRadius + 3; // 0 pad, 1..2R+1 relative distance, 2R+2 no target
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("encoder", encoder);
            m.put("max_length", maxLength);
            m.put("position_radius", positionRadius);
            m.put("embedding_dim", embeddingDim);
            m.put("position_dim", positionDim);
            m.put("channels", channels);
            m.put("kernel", kernel);
            m.put("vocabulary_size", vocabularySize);
            // written only when set, so networks without them are described exactly as before
            if (unpadded) m.put("unpadded", true);
            if (meanPool) m.put("mean_pool", true);
            if (attentionPool) m.put("attention_pool", true);
            return m;
        }
    }

    private final Function<I, TokenSequence> view;
    private final Vocabulary vocab;
    private final Spec spec;
    private final List<String> labels;
    private final double temperature;
    private final List<Member> members;
    private final JsonNode layout;

    /**
     * One network of the bag. A CNN read without DL4J (see {@link Coefficients}) has no DL4J network until one is
     * asked for ({@link #copy}: tests, tools, saving a re-trained temperature); it is then restored from its file.
     */
    static final class Member {
        private ComputationGraph prototype; // only cloned, under this member's lock; never used to predict
        private final Path source; // the network file it was read from, or null (trained in this JVM)
        private final int labels;
        final Spec spec; // this network's shape (a mixed bag holds CNNs and BiLSTMs)
        final Forward fast; // the network in plain Java, or null (attention pooling): then copies of it predict
        final ConcurrentLinkedDeque<ComputationGraph> idle = new ConcurrentLinkedDeque<>();

        Member(ComputationGraph network, Spec spec) {
            this.prototype = network;
            this.source = null;
            this.labels = 0;
            this.spec = spec;
            this.fast = Forward.verified(network, spec);
        }

        /** A network whose weights were read from {@code source} without DL4J. */
        Member(Path source, Forward fast, int labels) {
            this.source = source;
            this.fast = fast;
            this.spec = fast.spec();
            this.labels = labels;
        }

        synchronized ComputationGraph prototype() {
            if (prototype == null) prototype = NeuralBackend.restore(source, labels);
            return prototype;
        }

        /** DL4J's output on {@link Forward#probes}, recorded so that a load without DL4J can check itself. */
        synchronized double[][] probeOutputs() {
            return Forward.dl4jProbes(prototype(), spec);
        }

        synchronized boolean restored() {
            return prototype != null;
        }

        synchronized ComputationGraph copy() {
            ComputationGraph p = prototype();
            if (p.getVertex("attention") == null) return p.clone();
            // DL4J's clone() of a trained graph rebuilds its updater, which fails for the attention vertex (its
            // configuration's clone drops the updater); a copy for predicting needs only the configuration and weights
            ComputationGraph c = new ComputationGraph(p.getConfiguration().clone());
            c.init(p.params().dup(), false);
            return c;
        }

        ComputationGraph borrow() {
            ComputationGraph net = idle.poll();
            return net != null ? net : copy();
        }

        /**
         * Writes the network to {@code file}: its original file's bytes when it was never restored; otherwise DL4J's
         * zip with every entry's time set to {@link ZipTimes#FIXED}, so that the same network always gives the same
         * bytes (a retraining that reproduces a network does not add a new file to the repository's history).
         */
        synchronized void write(Path file) throws IOException {
            if (prototype == null) {
                Files.copy(source, file);
            } else {
                Path raw = Files.createTempFile(file.toAbsolutePath().getParent(), ".dl4j-", ".zip");
                try {
                    ModelSerializer.writeModel(prototype, raw.toFile(), false);
                    ZipTimes.copyWithFixedTimes(raw, file);
                } finally {
                    Files.deleteIfExists(raw);
                }
            }
        }
    }

    NeuralClassifier(Function<I, TokenSequence> view, Vocabulary vocab, Spec spec, List<String> labels,
                     double temperature, List<ComputationGraph> networks) {
        this(view, vocab, spec, labels, temperature, networks.stream().map(n -> new Member(n, spec)).toList(), null);
    }

    /** @param layout where the CNN's weights lie in each network's coefficients (from model.json), or null */
    NeuralClassifier(Function<I, TokenSequence> view, Vocabulary vocab, Spec spec, List<String> labels,
                     double temperature, List<Member> members, JsonNode layout) {
        if (members.isEmpty()) throw new IllegalArgumentException("no network");
        for (Member m : members) {
            Spec o = m.spec;
            if (o.maxLength() != spec.maxLength() || o.positionRadius() != spec.positionRadius()
                    || o.vocabularySize() != spec.vocabularySize()) {
                throw new IllegalArgumentException("a bag's networks must read the same input: " + o + " vs " + spec);
            }
        }
        this.view = view;
        this.vocab = vocab;
        this.spec = spec;
        this.labels = List.copyOf(labels);
        this.temperature = temperature;
        this.members = List.copyOf(members);
        this.layout = layout;
    }

    public NeuralClassifier<I> withTemperature(double t) {
        return new NeuralClassifier<>(view, vocab, spec, labels, t, members, layout);
    }

    /**
     * A mixed bag: this bag's networks, then {@code other}'s (trained on the same vocabulary, with the same input
     * encoding and labels, e.g. CNNs and BiLSTMs), all averaged alike; temperature 1.
     */
    NeuralClassifier<I> mixedWith(NeuralClassifier<I> other) {
        if (!other.labels.equals(labels) || !other.vocab.sameWords(vocab)) {
            throw new IllegalArgumentException("a mixed bag needs the same labels and vocabulary");
        }
        List<Member> all = new ArrayList<>(members);
        all.addAll(other.members);
        return new NeuralClassifier<>(view, vocab, spec, labels, 1.0, all, null);
    }

    /** True when the bag holds networks of more than one shape (e.g. CNNs and BiLSTMs). */
    public boolean mixed() {
        return members.stream().anyMatch(m -> !m.spec.equals(spec));
    }

    /** Each network's shape, in bag order. */
    public List<Spec> specs() {
        return members.stream().map(m -> m.spec).toList();
    }

    /** Networks in the bag (1 for a single network). */
    public int bagSize() {
        return members.size();
    }

    /**
     * Networks that predict through the plain-Java forward pass (CNN and BiLSTM, checked against DL4J when they were
     * loaded); the others (attention pooling) predict through copies of the DL4J network.
     */
    public int fastPathNetworks() {
        return (int) members.stream().filter(m -> m.fast != null).count();
    }

    /** True when networks of this shape have a plain-Java forward pass (all but attention pooling). */
    public boolean hasPlainJavaPass() {
        return Forward.knows(spec);
    }

    /** Networks that exist as DL4J networks in this JVM (0 for a CNN bag loaded through its coefficient layout). */
    int dl4jNetworks() {
        return (int) members.stream().filter(Member::restored).count();
    }

    public double temperature() {
        return temperature;
    }

    public Spec spec() {
        return spec;
    }

    Vocabulary vocabulary() {
        return vocab;
    }

    /** A private copy of the (first) network (for tests and tools that want DL4J's own output). */
    ComputationGraph networkCopy() {
        return members.get(0).copy();
    }

    /** A private copy of network {@code i} of the bag. */
    ComputationGraph networkCopy(int i) {
        return members.get(i).copy();
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public Prediction predict(I input) {
        return predictAll(List.of(input)).get(0);
    }

    @Override
    public List<Prediction> predictAll(List<I> inputs) {
        double[][] p = rawProbabilities(inputs);
        List<Prediction> out = new ArrayList<>(p.length);
        for (double[] row : p) {
            out.add(Prediction.of(labels, temperature == 1.0 ? row : EnsembleClassifier.calibrate(row, temperature)));
        }
        return out;
    }

    /** The networks' softmax outputs, averaged over the bag, before temperature scaling. */
    public double[][] rawProbabilities(List<I> inputs) {
        List<TokenSequence> seqs = inputs.stream().map(view).toList();
        List<Encoded> encoded = encodeIfFast(seqs);
        double[][] out = new double[seqs.size()][];
        if (members.size() == 1) {
            member(members.get(0), seqs, encoded, out);
            return out;
        }
        double[][] one = new double[seqs.size()][];
        for (Member m : members) {
            member(m, seqs, encoded, one);
            for (int i = 0; i < out.length; i++) {
                if (out[i] == null) {
                    out[i] = one[i].clone();
                } else {
                    for (int k = 0; k < out[i].length; k++) out[i][k] += one[i][k];
                }
            }
        }
        double n = members.size();
        for (double[] row : out) for (int k = 0; k < row.length; k++) row[k] /= n;
        return out;
    }

    /** Each network's softmax outputs: {@code [network][example][label]} (for measuring bags of other sizes). */
    public double[][][] memberProbabilities(List<I> inputs) {
        List<TokenSequence> seqs = inputs.stream().map(view).toList();
        List<Encoded> encoded = encodeIfFast(seqs);
        double[][][] out = new double[members.size()][seqs.size()][];
        for (int m = 0; m < out.length; m++) member(members.get(m), seqs, encoded, out[m]);
        return out;
    }

    /** The examples encoded once for the plain-Java forward pass, or null when no network of the bag uses it. */
    private List<Encoded> encodeIfFast(List<TokenSequence> seqs) {
        if (members.stream().noneMatch(m -> m.fast != null)) return null;
        List<Encoded> out = new ArrayList<>(seqs.size());
        for (TokenSequence s : seqs) out.add(encode(s, vocab, spec));
        return out;
    }

    private void member(Member m, List<TokenSequence> seqs, List<Encoded> encoded, double[][] out) {
        if (m.fast != null) {
            for (int i = 0; i < out.length; i++) out[i] = m.fast.probabilities(encoded.get(i));
            return;
        }
        ComputationGraph net = m.borrow();
        try {
            if (m.spec.unpadded()) {
                unpadded(net, seqs, vocab, m.spec, out);
                return;
            }
            for (int from = 0; from < seqs.size(); from += BATCH) {
                List<TokenSequence> batch = seqs.subList(from, Math.min(seqs.size(), from + BATCH));
                INDArray probs = net.output(false, encode(batch, vocab, m.spec))[0];
                double[][] rows = probs.castTo(DataType.DOUBLE).toDoubleMatrix();
                System.arraycopy(rows, 0, out, from, rows.length);
            }
        } finally {
            m.idle.push(net);
        }
    }

    /**
     * One example as the network reads it: word ids and relative-position ids over exactly {@code maxLength} positions
     * (padding is id 0 of both), the target pooling weight of each position, and how many positions hold tokens.
     */
    record Encoded(int[] words, int[] positions, float[] weights, int used) {}

    static Encoded encode(TokenSequence s, Vocabulary vocab, Spec spec) {
        int len = spec.maxLength(), r = spec.positionRadius();
        int size = s.words().size();
        int from = 0;
        if (size > len) {
            int centre = s.targets().isEmpty() ? 0 : s.targets().get(0);
            from = Math.max(0, Math.min(centre - len / 2, size - len));
        }
        int used = Math.min(len, size - from);
        List<Integer> targets = new ArrayList<>();
        for (int t : s.targets()) if (t >= from && t < from + used) targets.add(t - from);
        int[] words = new int[len], pos = new int[len];
        float[] weight = new float[len];
        for (int i = 0; i < used; i++) {
            words[i] = vocab.id(s.words().get(from + i));
            if (targets.isEmpty()) {
                pos[i] = 2 * r + 2;
                weight[i] = 1f / used;
            } else {
                int best = Integer.MAX_VALUE;
                for (int t : targets) if (Math.abs(i - t) < Math.abs(best)) best = i - t;
                pos[i] = Math.max(-r, Math.min(r, best)) + r + 1;
            }
        }
        for (int t : targets) weight[t] = 1f / targets.size();
        return new Encoded(words, pos, weight, used);
    }

    /** The three network inputs for a batch: word ids, relative-position ids, target pooling weights. */
    static INDArray[] encode(List<TokenSequence> batch, Vocabulary vocab, Spec spec) {
        return inputs(batch.stream().map(s -> encode(s, vocab, spec)).toList(), spec);
    }

    static INDArray[] inputs(List<Encoded> batch, Spec spec) {
        return inputs(batch, spec, spec.maxLength());
    }

    /**
     * The inputs over the first {@code len} positions; {@code len} is below {@link Spec#maxLength()} only for an
     * {@link Spec#unpadded()} network, whose batches hold examples of exactly that length.
     */
    static INDArray[] inputs(List<Encoded> batch, Spec spec, int len) {
        int n = batch.size(), h = spec.channels(), full = spec.maxLength();
        float[] words = new float[n * len], pos = new float[n * len], tw = new float[n * h * len];
        for (int b = 0; b < n; b++) {
            Encoded e = batch.get(b);
            for (int i = 0; i < len; i++) {
                words[b * len + i] = e.words()[i];
                pos[b * len + i] = e.positions()[i];
            }
            for (int c = 0; c < h; c++) System.arraycopy(e.weights(), 0, tw, (b * h + c) * len, len);
        }
        assert len == full || spec.unpadded();
        return new INDArray[]{
                Nd4j.create(words, new long[]{n, 1, len}, 'c'),
                Nd4j.create(pos, new long[]{n, 1, len}, 'c'),
                Nd4j.create(tw, new long[]{n, h, len}, 'c')};
    }

    /** Tokens an example has for an {@link Spec#unpadded()} network: at least 1 (an empty text is one padding step). */
    static int length(Encoded e) {
        return Math.max(1, e.used());
    }

    /**
     * The probabilities of an {@link Spec#unpadded()} network: the examples grouped by length (in their order within a
     * length), each group in batches of up to {@link #BATCH} with no padding; {@code out} in the input order.
     */
    static void unpadded(ComputationGraph net, List<TokenSequence> seqs, Vocabulary vocab, Spec spec, double[][] out) {
        List<Encoded> enc = new ArrayList<>(seqs.size());
        for (TokenSequence s : seqs) enc.add(encode(s, vocab, spec));
        unpadded(net, enc, spec, out);
    }

    /** {@link #unpadded(ComputationGraph, List, Vocabulary, Spec, double[][])} for examples already encoded. */
    static void unpadded(ComputationGraph net, List<Encoded> enc, Spec spec, double[][] out) {
        Map<Integer, List<Integer>> byLength = new java.util.TreeMap<>();
        for (int i = 0; i < enc.size(); i++) byLength.computeIfAbsent(length(enc.get(i)), l -> new ArrayList<>()).add(i);
        for (Map.Entry<Integer, List<Integer>> g : byLength.entrySet()) {
            List<Integer> idx = g.getValue();
            for (int from = 0; from < idx.size(); from += BATCH) {
                List<Integer> part = idx.subList(from, Math.min(idx.size(), from + BATCH));
                INDArray probs = net.output(false, inputs(part.stream().map(enc::get).toList(), spec, g.getKey()))[0];
                double[][] rows = probs.castTo(DataType.DOUBLE).toDoubleMatrix();
                for (int r = 0; r < rows.length; r++) out[part.get(r)] = rows[r];
            }
        }
    }

    /** The file of network {@code i} (0-based) of a bag: {@code network.zip}, then {@code network-2.zip}... */
    static String networkFile(int i) {
        return i == 0 ? NETWORK_FILE : "network-" + (i + 1) + ".zip";
    }

    @Override
    public Map<String, Object> writeTo(Path taskDir) throws IOException {
        List<String> networks = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            members.get(i).write(taskDir.resolve(networkFile(i)));
            networks.add(networkFile(i));
        }
        JsonNode plain = plainLayout();
        vocab.save(taskDir);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("backend", "neural");
        info.put("labels", labels);
        info.put("temperature", temperature);
        info.put("network", spec.toMap());
        if (mixed()) info.put(NETWORK_SPECS, specs().stream().map(Spec::toMap).toList());
        List<String> files = new ArrayList<>(networks);
        files.add(Vocabulary.FILE);
        info.put("files", files);
        info.put("bag", networks.size());
        info.put("networks", networks);
        info.put("network_format", "DL4J ModelSerializer zip (configuration.json + coefficients.bin), no updater state"
                + (networks.size() > 1 ? "; the bag's softmax outputs are averaged, then scaled by the temperature"
                : ""));
        if (plain != null) info.put(plain.isArray() ? COEFFICIENTS_LAYOUTS : COEFFICIENTS_LAYOUT, plain);
        return info;
    }

    /** The key in model.json of a mixed bag's network shapes, one per network (absent: all are {@code network}). */
    static final String NETWORK_SPECS = "network_specs";
    /** The key in model.json of a mixed bag's coefficient layouts, one per network (each with its own probes). */
    static final String COEFFICIENTS_LAYOUTS = "coefficients_layouts";

    /** The key in model.json of where the CNN's weights lie in coefficients.bin ({@link Coefficients#layout}). */
    static final String COEFFICIENTS_LAYOUT = "coefficients_layout";

    /**
     * The coefficient layout to record: the one read with the bundle, or, for networks trained here, DL4J's layout of
     * the first network, kept only if it reads every network of the bag exactly as DL4J does (null otherwise, or for
     * a network without the plain-Java path: such bundles load through DL4J).
     */
    private JsonNode plainLayout() {
        if (layout != null) return layout;
        if (members.stream().anyMatch(m -> m.fast == null)) return null;
        if (mixed()) {
            // one layout per network, each verified on its own network and carrying its own probe outputs
            List<JsonNode> each = new ArrayList<>();
            for (Member m : members) {
                JsonNode one = layoutOf(List.of(m));
                if (one == null) return null;
                each.add(one);
            }
            return JSON.valueToTree(each);
        }
        return layoutOf(members);
    }

    /** The first network's layout with every network's probe outputs, or null unless it reads them all exactly. */
    private static JsonNode layoutOf(List<Member> members) {
        Map<String, Object> candidate = Coefficients.layout(members.get(0).prototype());
        JsonNode tree = JSON.valueToTree(candidate);
        List<double[][]> probes = new ArrayList<>();
        for (Member m : members) {
            if (!Coefficients.verify(m.prototype(), m.spec, tree)) return null;
            probes.add(m.probeOutputs());
        }
        candidate.put(Coefficients.PROBE_OUTPUTS, probes);
        return JSON.valueToTree(candidate);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
}
