package org.stancekit.model.neural;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.factory.Nd4j;
import org.stancekit.ModelFormatException;
import org.stancekit.model.StanceQuery;
import org.stancekit.model.Task;
import org.stancekit.model.TokenSequence;

import java.io.IOException;
import java.io.ObjectInputFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Entry point from the bundle loader: loads a saved neural classifier safely; sets ND4J's threads. */
public final class NeuralBackend {
    /** The only entries a network file may hold (no updater state, no Java-serialized preprocessors). */
    static final Set<String> ALLOWED_ENTRIES = Set.of("configuration.json", "coefficients.bin");
    private static final ThreadLocal<Boolean> LOADING = ThreadLocal.withInitial(() -> false);
    private static volatile boolean threadsConfigured;

    private NeuralBackend() {}

    @SuppressWarnings("unchecked")
    static <I> Function<I, TokenSequence> view(Task task) {
        Function<?, TokenSequence> f = task == Task.STANCE
                ? (Function<StanceQuery, TokenSequence>) TokenSequence::forStance
                : (Function<String, TokenSequence>) TokenSequence::forSentence;
        return (Function<I, TokenSequence>) f;
    }

    /**
     * One native (OpenMP) thread unless OMP_NUM_THREADS says otherwise: ND4J's threads spin-wait when cores are busy
     * (PITFALLS.md); StanceKit parallelises across examples itself.
     */
    static void configureThreads() {
        if (threadsConfigured) return;
        synchronized (NeuralBackend.class) {
            if (threadsConfigured) return;
            try {
                if (System.getenv("OMP_NUM_THREADS") == null) {
                    Nd4j.getEnvironment().setMaxThreads(1);
                    Nd4j.getEnvironment().setMaxMasterThreads(1);
                }
            } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
                throw nativeFailure(e);
            }
            threadsConfigured = true;
        }
    }

    static ModelFormatException nativeFailure(Throwable e) {
        return new ModelFormatException("cannot start ND4J's native library, which the neural and ensemble backends"
                + " need (" + e + "). StanceKit ships ND4J's generic linux-x86_64 natives, which need no AVX; check"
                + " that this is 64-bit Linux on x86-64 with glibc and that ~/.javacpp/cache is writable. Bundles with"
                + " the linear backend work without it.", e);
    }

    /**
     * Loads the neural classifier stored in {@code taskDir}; {@code info} is its {@code model.json} section. A bag lists
     * its network files in {@code networks} ({@code network.zip}, {@code network-2.zip}, ...); without that key the
     * folder holds one network, {@code network.zip} (bundles written before bagging).
     */
    public static <I> NeuralClassifier<I> load(Path taskDir, Task task, JsonNode info) {
        List<String> labels = new ArrayList<>();
        info.path("labels").forEach(l -> labels.add(l.asText()));
        if (labels.size() < 2) throw new ModelFormatException(taskDir + ": neural model needs at least two labels");
        double temperature = info.path("temperature").asDouble(1.0);
        if (!(temperature > 0)) throw new ModelFormatException(taskDir + ": neural temperature must be positive");
        NeuralClassifier.Spec spec = spec(info.path("network"), taskDir);
        List<Path> files = networkFiles(taskDir, info.path("networks"));
        // a mixed bag (CNNs and BiLSTMs) gives each network's shape; otherwise all have the one above
        List<NeuralClassifier.Spec> specs = new ArrayList<>();
        JsonNode each = info.path(NeuralClassifier.NETWORK_SPECS);
        for (int i = 0; i < files.size(); i++) specs.add(each.isArray() ? spec(each.path(i), taskDir) : spec);
        if (each.isArray() && each.size() != files.size()) {
            throw new ModelFormatException(taskDir + ": model.json '" + NeuralClassifier.NETWORK_SPECS + "' lists "
                    + each.size() + " networks, 'networks' " + files.size());
        }
        Vocabulary vocab = Vocabulary.load(taskDir);
        if (vocab.size() != spec.vocabularySize()) {
            throw new ModelFormatException(taskDir.resolve(Vocabulary.FILE) + ": " + vocab.size()
                    + " words, model.json says " + spec.vocabularySize());
        }
        for (Path file : files) checkEntries(file);
        JsonNode layout = info.path(NeuralClassifier.COEFFICIENTS_LAYOUT), layouts =
                info.path(NeuralClassifier.COEFFICIENTS_LAYOUTS);
        if ((layout.isObject() || layouts.isArray()) && specs.stream().allMatch(Forward::knows)) {
            List<NeuralClassifier.Member> members = plainMembers(files, layouts.isArray() ? layouts : layout, specs,
                    labels.size());
            if (members != null) {
                return new NeuralClassifier<>(view(task), vocab, spec, labels, temperature, members,
                        layouts.isArray() ? layouts : layout);
            }
        }
        List<NeuralClassifier.Member> members = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            members.add(new NeuralClassifier.Member(restore(files.get(i), labels.size()), specs.get(i)));
        }
        try {
            return new NeuralClassifier<>(view(task), vocab, spec, labels, temperature, members, null);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(taskDir + ": " + e.getMessage());
        }
    }

    private static NeuralClassifier.Spec spec(JsonNode n, Path taskDir) {
        NeuralClassifier.Spec spec = new NeuralClassifier.Spec(n.path("encoder").asText(), n.path("max_length").asInt(),
                n.path("position_radius").asInt(), n.path("embedding_dim").asInt(), n.path("position_dim").asInt(),
                n.path("channels").asInt(), n.path("kernel").asInt(), n.path("vocabulary_size").asInt(),
                n.path("unpadded").asBoolean(false), n.path("mean_pool").asBoolean(false),
                n.path("attention_pool").asBoolean(false));
        if (spec.maxLength() < 1 || spec.channels() < 1 || spec.positionRadius() < 1) {
            throw new ModelFormatException(taskDir + ": model.json has no valid neural 'network' settings");
        }
        return spec;
    }

    /**
     * The bag's networks read without ND4J through the recorded coefficient layout, each checked against the output DL4J
     * gave on probe inputs when the bundle was saved; null when a file cannot be read that way or disagrees (then
     * DL4J loads the bag, and checks the plain-Java pass against itself).
     */
    private static List<NeuralClassifier.Member> plainMembers(List<Path> files, JsonNode layout,
                                                              List<NeuralClassifier.Spec> specs, int labels) {
        List<NeuralClassifier.Member> out = new ArrayList<>(files.size());
        if (layout.isArray() && layout.size() != files.size()) return null;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            // one layout for the whole bag (its probe outputs one row per network), or one layout per network
            JsonNode own = layout.isArray() ? layout.path(i) : layout;
            double[][] expected = Coefficients.probeOutputs(own, layout.isArray() ? 0 : i);
            if (expected == null) return null;
            NeuralClassifier.Spec spec = specs.get(i);
            try {
                Forward fast = Coefficients.forward(Coefficients.read(file), own, spec);
                // agrees() below checks the pass's output length against these recorded rows
                if (expected[0].length != labels) return null;
                // the recorded DL4J output is the check that DL4J itself would make at load
                if (!fast.agrees(expected)) return null;
                out.add(new NeuralClassifier.Member(file, fast, labels));
            } catch (IOException | IllegalArgumentException e) {
                return null;
            }
        }
        return out;
    }

    /** Restores one network with DL4J (starting ND4J), refusing anything but the graph StanceKit builds. */
    static ComputationGraph restore(Path file, int labels) {
        configureThreads();
        ComputationGraph net;
        LOADING.set(true);
        try {
            installSerialFilter();
            net = ModelSerializer.restoreComputationGraph(file.toFile(), false);
        } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
            throw nativeFailure(e);
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(file + ": cannot read the network (" + e.getMessage() + ")", e);
        } finally {
            LOADING.set(false);
        }
        if (net.getNumOutputArrays() != 1 || net.getNumInputArrays() != 3
                || net.getOutputLayer(0).getParam("b").length() != labels) {
            throw new ModelFormatException(file + ": the network does not match model.json (inputs, outputs or"
                    + " labels)");
        }
        return net;
    }

    /** The network files named by {@code networks} (absent: the single {@code network.zip}), in bag order. */
    private static List<Path> networkFiles(Path taskDir, JsonNode networks) {
        if (networks.isMissingNode() || networks.isNull()) return List.of(taskDir.resolve(NeuralClassifier.NETWORK_FILE));
        if (!networks.isArray() || networks.isEmpty() || networks.size() > NeuralParams.MAX_BAG) {
            throw new ModelFormatException(taskDir + ": model.json 'networks' must list 1 to " + NeuralParams.MAX_BAG
                    + " network files");
        }
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            String expected = NeuralClassifier.networkFile(i);
            if (!networks.get(i).asText().equals(expected)) {
                throw new ModelFormatException(taskDir + ": model.json 'networks' entry " + (i + 1) + " is '"
                        + networks.get(i).asText() + "', expected '" + expected + "'");
            }
            out.add(taskDir.resolve(expected));
        }
        return out;
    }

    /** Refuses network files with entries that DL4J would read with Java deserialization (or anything unexpected). */
    static void checkEntries(Path file) {
        if (!Files.isRegularFile(file)) throw new ModelFormatException(file + ": missing from the model bundle");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            for (String name : names) {
                if (!ALLOWED_ENTRIES.contains(name)) {
                    throw new ModelFormatException(file + ": unexpected entry '" + name + "' (a StanceKit network holds"
                            + " only " + ALLOWED_ENTRIES + "; updater state and serialized objects are refused)");
                }
            }
            if (!names.containsAll(ALLOWED_ENTRIES)) {
                throw new ModelFormatException(file + ": incomplete network file (needs " + ALLOWED_ENTRIES + ")");
            }
        } catch (IOException e) {
            throw new ModelFormatException(file + ": not a readable network zip (" + e.getMessage() + ")");
        }
    }

    private static volatile boolean filterInstalled;

    /**
     * Defence in depth: while this thread loads a network, any Java deserialization is limited to DL4J, ND4J and
     * java.* classes. Installed as a JVM-wide filter factory only if nobody installed one before; a factory set by the
     * application is left alone (the entry check above already keeps serialized objects out).
     */
    private static void installSerialFilter() {
        if (filterInstalled) return;
        synchronized (NeuralBackend.class) {
            if (filterInstalled) return;
            filterInstalled = true;
            ObjectInputFilter allow = ObjectInputFilter.Config.createFilter(
                    "org.deeplearning4j.**;org.nd4j.**;java.**;!*");
            BinaryOperator<ObjectInputFilter> factory = (current, requested) -> {
                ObjectInputFilter base = requested != null ? requested : current;
                if (!LOADING.get()) return base;
                return base == null ? allow : ObjectInputFilter.merge(allow, base);
            };
            try {
                ObjectInputFilter.Config.setSerialFilterFactory(factory);
            } catch (IllegalStateException | SecurityException e) {
                // a factory is already installed by the application: keep it
            }
        }
    }
}
