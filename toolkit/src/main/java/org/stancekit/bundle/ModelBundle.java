package org.stancekit.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stancekit.BadInputException;
import org.stancekit.ModelFormatException;
import org.stancekit.StanceKitException;
import org.stancekit.Version;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.data.TrainingCsv;
import org.stancekit.model.BundleWritable;
import org.stancekit.model.Classifier;
import org.stancekit.model.EnsembleClassifier;
import org.stancekit.model.FeatureConfig;
import org.stancekit.model.LinearClassifier;
import org.stancekit.model.LinearModel;
import org.stancekit.model.SentimentFeaturizer;
import org.stancekit.model.StanceFeaturizer;
import org.stancekit.model.StanceQuery;
import org.stancekit.model.Task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A model bundle: a directory with {@code bundle.json} (format version, toolkit version, tasks, SHA-256 of every weights
 * file), {@code actors.tsv} (the lexicon, editable) and one folder per task ({@code stance/}, {@code sentiment/}) holding
 * {@code model.json} (backend, labels, hyper-parameters, feature configuration, provenance, dev metrics) and the
 * weights. Immutable. Saved to a temporary sibling directory ({@code .NAME.tmp-PID-UUID}, {@code bundle.json} written
 * last) and moved into place, so a reader never sees half a bundle and an interrupted save leaves the previous bundle
 * intact; the next save removes the temporary directories of processes that are gone. Replacing a bundle takes two
 * renames (the old one aside to {@code .NAME.old-PID-UUID}, the new one in); a process killed between them leaves no
 * {@code NAME}, and {@link #load} then says where the previous bundle is. Loaded without Java deserialization: JSON
 * through Jackson's tree model, weights through our own binary format.
 */
public final class ModelBundle {
    public static final int FORMAT_VERSION = 1;
    public static final String BUNDLE_FILE = "bundle.json";
    public static final String ACTORS_FILE = "actors.tsv";
    public static final String MODEL_FILE = "model.json";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ActorLexicon lexicon;
    private final Map<Task, TaskModel> tasks;

    /** A trained model for one task and its {@code model.json} content. */
    public record TaskModel(Classifier<?> classifier, Map<String, Object> info) {
        public TaskModel {
            info = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(info));
        }
    }

    public ModelBundle(ActorLexicon lexicon, Map<Task, TaskModel> tasks) {
        this.lexicon = lexicon;
        this.tasks = java.util.Collections.unmodifiableMap(new EnumMap<>(tasks));
    }

    public ActorLexicon lexicon() {
        return lexicon;
    }

    public Map<Task, TaskModel> tasks() {
        return tasks;
    }

    /** The same models with another actor lexicon (the {@code --actors} option). */
    public ModelBundle withLexicon(ActorLexicon other) {
        return new ModelBundle(other, tasks);
    }

    @SuppressWarnings("unchecked")
    public Optional<Classifier<StanceQuery>> stance() {
        return Optional.ofNullable(tasks.get(Task.STANCE)).map(t -> (Classifier<StanceQuery>) t.classifier());
    }

    @SuppressWarnings("unchecked")
    public Optional<Classifier<String>> sentiment() {
        return Optional.ofNullable(tasks.get(Task.SENTIMENT)).map(t -> (Classifier<String>) t.classifier());
    }

    // ------------------------------------------------------------------------------------------------ saving

    /**
     * Writes the bundle to {@code dir} atomically. An existing {@code dir} is replaced only when {@code force} is true
     * (and then only once the new bundle is complete).
     */
    public void save(Path dir, boolean force) {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !force) {
            throw new BadInputException(dir + ": already exists; use --force to overwrite it");
        }
        Path parent = target.getParent();
        Path tmp = parent.resolve(siblingName(target, "tmp"));
        try {
            Files.createDirectories(parent);
            deleteStaleSiblings(target);
            Files.createDirectory(tmp);
            Files.writeString(tmp.resolve(ACTORS_FILE), lexicon.text(), StandardCharsets.UTF_8);
            Map<String, String> checksums = new LinkedHashMap<>();
            for (Map.Entry<Task, TaskModel> e : tasks.entrySet()) {
                Path taskDir = Files.createDirectory(tmp.resolve(e.getKey().key()));
                writeTask(taskDir, e.getValue());
                try (Stream<Path> files = Files.list(taskDir)) {
                    for (Path f : files.sorted().toList()) {
                        if (!f.getFileName().toString().equals(MODEL_FILE)) {
                            checksums.put(e.getKey().key() + "/" + f.getFileName(),
                                    TrainingCsv.sha256(Files.readAllBytes(f)));
                        }
                    }
                }
            }
            ObjectNode b = JSON.createObjectNode();
            b.put("format_version", FORMAT_VERSION);
            b.put("toolkit_version", Version.get());
            b.put("created", Instant.now().toString());
            b.putPOJO("tasks", tasks.keySet().stream().map(Task::key).toList());
            b.putPOJO("checksums", checksums);
            Files.writeString(tmp.resolve(BUNDLE_FILE), JSON.writeValueAsString(b) + "\n", StandardCharsets.UTF_8);
            moveIntoPlace(tmp, target, force);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new StanceKitException("cannot write model bundle " + dir + ": " + e.getMessage(),
                    StanceKitException.EXIT_FAILURE, e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static void writeTask(Path taskDir, TaskModel m) throws IOException {
        Map<String, Object> info = new LinkedHashMap<>(m.info());
        if (m.classifier() instanceof LinearClassifier<?> lc) {
            lc.model().save(taskDir);
            info.put("backend", "linear");
            info.put("labels", lc.labels());
            info.put("temperature", lc.model().temperature());
            info.put("feature_count", lc.model().featureCount());
        } else if (m.classifier() instanceof BundleWritable w) {
            info.putAll(w.writeTo(taskDir)); // neural and ensemble: network, vocabulary, settings
        } else {
            throw new IllegalArgumentException("cannot save a " + m.classifier().getClass().getSimpleName());
        }
        Files.writeString(taskDir.resolve(MODEL_FILE), JSON.writeValueAsString(info) + "\n", StandardCharsets.UTF_8);
    }

    private static void moveIntoPlace(Path tmp, Path target, boolean force) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            if (!force) throw new BadInputException(target + ": already exists; use --force to overwrite it");
            old = target.resolveSibling(siblingName(target, "old"));
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) { // any failure: put the previous bundle back where it was
            if (old != null) Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        if (old != null) deleteQuietly(old);
    }

    /**
     * {@code .NAME.tmp-PID-UUID} (a bundle being written) or {@code .NAME.old-PID-UUID} (the previous bundle, for the
     * instant between the two renames of {@link #moveIntoPlace}): hidden siblings of the target that name their
     * process.
     */
    static String siblingName(Path target, String kind) {
        return "." + target.getFileName() + "." + kind + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();
    }

    /**
     * Removes what an interrupted save (a killed process, a full disk) left beside {@code target}: {@code .NAME.tmp-*}
     * and {@code .NAME.old-*} directories whose process is no longer running (or, for names without a process id,
     * that are older than this JVM). An {@code .old-*} directory is kept while {@code target} is missing: it is then
     * the only copy of the previous bundle. Best effort; never fails a save.
     */
    static void deleteStaleSiblings(Path target) {
        Path parent = target.getParent();
        String name = "." + target.getFileName() + ".";
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(parent, p -> {
            String f = p.getFileName().toString();
            return f.startsWith(name + "tmp-") || f.startsWith(name + "old-");
        })) {
            for (Path p : ds) {
                String rest = p.getFileName().toString().substring(name.length() + 4);
                boolean old = p.getFileName().toString().startsWith(name + "old-");
                if (old && !Files.exists(target)) continue;
                if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                if (isStale(rest, p, jvmStart)) deleteQuietly(p);
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: a leftover is harmless, it is hidden and never loaded as a model
        }
    }

    private static boolean isStale(String suffix, Path p, long jvmStart) throws IOException {
        int dash = suffix.indexOf('-');
        if (dash > 0) {
            try {
                long pid = Long.parseLong(suffix.substring(0, dash));
                return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
            } catch (NumberFormatException e) {
                // a name without a process id (written by an earlier version): judged by its age below
            }
        }
        return Files.getLastModifiedTime(p).toMillis() < jvmStart;
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Iterator<Path> it = walk.sorted(Comparator.reverseOrder()).iterator(); it.hasNext(); ) {
                Files.deleteIfExists(it.next());
            }
        } catch (IOException ignored) {
            // best effort: a stray temp directory is harmless and named as such
        }
    }

    // ------------------------------------------------------------------------------------------------ loading

    /** Where a save killed between its two renames left the previous bundle, as advice; else "". */
    private static String previousBundleHint(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        if (target.getParent() == null || target.getFileName() == null) return "";
        String prefix = "." + target.getFileName() + ".old-";
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            return siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .map(p -> " (an interrupted save left the previous bundle in " + p + "; rename it to " + dir + ")")
                    .orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Loads a bundle, checking its format version and the checksum of every weights file. */
    public static ModelBundle load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ModelFormatException(dir + ": no such model directory"
                    + (Files.exists(dir) ? " (it is a file; give the bundle's directory)" : previousBundleHint(dir)));
        }
        JsonNode bundle = readJson(dir.resolve(BUNDLE_FILE));
        int version = bundle.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new ModelFormatException(dir.resolve(BUNDLE_FILE) + ": model format version "
                    + (version < 0 ? "missing" : version) + ", this StanceKit " + Version.get() + " reads version "
                    + FORMAT_VERSION + (version > FORMAT_VERSION ? "; upgrade StanceKit" : "; retrain the model"));
        }
        Path actors = dir.resolve(ACTORS_FILE);
        if (!Files.isRegularFile(actors)) {
            throw new ModelFormatException(actors + ": missing from the model bundle (every bundle has its lexicon)");
        }
        ActorLexicon lexicon;
        try {
            lexicon = ActorLexicon.load(actors);
        } catch (BadInputException e) {
            throw new ModelFormatException("model bundle lexicon: " + e.getMessage());
        }
        JsonNode checksums = bundle.path("checksums");
        Map<Task, TaskModel> tasks = new EnumMap<>(Task.class);
        JsonNode list = bundle.path("tasks");
        if (!list.isArray() || list.isEmpty()) {
            throw new ModelFormatException(dir.resolve(BUNDLE_FILE) + ": lists no tasks");
        }
        for (JsonNode t : list) {
            Task task;
            try {
                task = Task.parse(t.asText());
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(dir.resolve(BUNDLE_FILE) + ": unknown task '" + t.asText() + "'");
            }
            Path taskDir = dir.resolve(task.key());
            verifyChecksums(taskDir, task, checksums);
            tasks.put(task, loadTask(taskDir, task, lexicon));
        }
        return new ModelBundle(lexicon, tasks);
    }

    private static void verifyChecksums(Path taskDir, Task task, JsonNode checksums) {
        List<String> expected = new ArrayList<>();
        checksums.fieldNames().forEachRemaining(expected::add);
        boolean any = false;
        for (String rel : expected) {
            if (!rel.startsWith(task.key() + "/")) continue;
            any = true;
            Path f = taskDir.resolveSibling(rel);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (NoSuchFileException e) {
                throw new ModelFormatException(f + ": missing from the model bundle");
            } catch (IOException e) {
                throw new ModelFormatException(f + ": unreadable (" + e.getMessage() + ")");
            }
            if (!TrainingCsv.sha256(bytes).equals(checksums.get(rel).asText())) {
                throw new ModelFormatException(f + ": checksum does not match bundle.json; the file is corrupt or was"
                        + " changed after training; restore it or retrain");
            }
        }
        if (!any) throw new ModelFormatException(taskDir + ": bundle.json has no checksums for task " + task.key());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TaskModel loadTask(Path taskDir, Task task, ActorLexicon lexicon) {
        Path modelFile = taskDir.resolve(MODEL_FILE);
        JsonNode info = readJson(modelFile);
        String backend = info.path("backend").asText("");
        List<String> labels = labels(info, modelFile);
        double temperature = temperature(info, modelFile);
        Classifier<?> classifier;
        switch (backend) {
            case "linear" -> classifier = loadLinear(taskDir, task, info, labels, temperature, lexicon);
            // the neural package (and with it ND4J) is reached only from here: linear bundles never load it
            case "neural" -> classifier = org.stancekit.model.neural.NeuralBackend.load(taskDir, task, info);
            case "ensemble" -> {
                JsonNode lin = info.path("linear"), neu = info.path("neural");
                if (!lin.isObject() || !neu.isObject()) {
                    throw new ModelFormatException(modelFile + ": an ensemble needs 'linear' and 'neural' sections");
                }
                double w = info.path("linear_weight").asDouble(-1);
                if (!(w >= 0 && w <= 1)) throw new ModelFormatException(modelFile + ": linear_weight must be in [0, 1]");
                LinearClassifier<?> linear = loadLinear(taskDir, task, info, labels, temperature(lin, modelFile),
                        lexicon);
                Classifier<?> neural = org.stancekit.model.neural.NeuralBackend.load(taskDir, task, neu);
                if (!neural.labels().equals(labels)) {
                    throw new ModelFormatException(modelFile + ": the neural part's labels differ from the ensemble's");
                }
                classifier = new EnsembleClassifier(linear, neural, w, temperature);
            }
            default -> throw new ModelFormatException(modelFile + ": backend '" + backend + "' is not supported by"
                    + " this StanceKit " + Version.get() + " (it reads linear, neural and ensemble)");
        }
        Map<String, Object> map = JSON.convertValue(info, LinkedHashMap.class);
        return new TaskModel(classifier, map);
    }

    private static List<String> labels(JsonNode info, Path modelFile) {
        List<String> labels = new ArrayList<>();
        info.path("labels").forEach(l -> labels.add(l.asText()));
        if (labels.size() < 2) throw new ModelFormatException(modelFile + ": needs at least two labels");
        return labels;
    }

    private static double temperature(JsonNode info, Path modelFile) {
        double temperature = info.path("temperature").asDouble(1.0);
        if (!(temperature > 0)) throw new ModelFormatException(modelFile + ": temperature must be positive");
        return temperature;
    }

    /** {@code lexicon}: the bundle's own, which a stance model with {@code lexiconDomain} keys its feature copies on. */
    private static LinearClassifier<?> loadLinear(Path taskDir, Task task, JsonNode info, List<String> labels,
                                                  double temperature, ActorLexicon lexicon) {
        Path modelFile = taskDir.resolve(MODEL_FILE);
        FeatureConfig fc;
        try {
            fc = JSON.treeToValue(info.path("feature_config"), FeatureConfig.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ModelFormatException(modelFile + ": bad feature_config (" + e.getMessage() + ")");
        }
        if (fc == null) throw new ModelFormatException(modelFile + ": feature_config missing");
        LinearModel model = LinearModel.load(taskDir, labels, temperature);
        return task == Task.STANCE
                ? new LinearClassifier<>(new StanceFeaturizer(fc, lexicon::contains), model)
                : new LinearClassifier<>(new SentimentFeaturizer(fc), model);
    }

    private static JsonNode readJson(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) throw new ModelFormatException(file + ": not a JSON object");
            return node;
        } catch (java.io.FileNotFoundException | NoSuchFileException e) {
            throw new ModelFormatException(file + ": missing; " + file.getParent() + " is not a complete StanceKit model bundle");
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(file + ": invalid JSON at line " + e.getLocation().getLineNr() + " ("
                    + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new ModelFormatException(file + ": unreadable (" + e.getMessage() + ")");
        }
    }

    /** The {@code bundle.json} content of a saved bundle, for {@code info}. */
    public static Map<String, Object> readBundleInfo(Path dir) {
        return JSON.convertValue(readJson(dir.resolve(BUNDLE_FILE)), LinkedHashMap.class);
    }
}
