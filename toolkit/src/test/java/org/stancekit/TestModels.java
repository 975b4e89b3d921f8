package org.stancekit;

import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.MentionMatcher;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.data.Columns;
import org.stancekit.data.LabelledData;
import org.stancekit.data.TrainingCsv;
import org.stancekit.model.Task;
import org.stancekit.model.neural.NeuralParams;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.Scorer;
import org.stancekit.train.Trainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Shared test fixture: a small model bundle trained once per JVM (lazily, thread-safe) from the project's own labelled
 * CSVs in {@code training-data/*.csv}, saved to a temporary directory that is deleted when the JVM exits; and helpers
 * for writing tiny files into a test's {@code @TempDir}.
 *
 * <p>The project root is the {@code stancekit.projectRoot} system property (Surefire sets it), else {@code ..} relative
 * to the working directory (the toolkit module).
 */
public final class TestModels {
    private static Path bundleDir;
    private static Trainer.Result trained;
    private static Scorer scorer;

    private TestModels() {}

    /** The repository root (the directory holding {@code training-data/} and {@code toolkit/}). */
    public static Path projectRoot() {
        return Path.of(System.getProperty("stancekit.projectRoot", "..")).toAbsolutePath().normalize();
    }

    /** The project's labelled CSVs, sorted by name. */
    public static List<Path> trainingCsvs() {
        Path dir = projectRoot().resolve("training-data");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> csvs = files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
            if (csvs.isEmpty()) throw new IllegalStateException("no training-data/*.csv under " + projectRoot());
            return csvs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * The directory of the tiny bundle (both tasks, default options, default lexicon), trained and saved on first use.
     * Callers must not modify it; copy it first ({@link #copyBundle}).
     */
    public static synchronized Path tinyBundle() {
        if (bundleDir == null) {
            ActorLexicon lexicon = ActorLexicon.loadDefault();
            TrainingCsv reader = new TrainingCsv(Columns.defaults(), new MentionMatcher(lexicon), null, w -> { });
            List<LabelledData> parts = new ArrayList<>();
            for (Path csv : trainingCsvs()) parts.add(reader.read(csv, EnumSet.allOf(Task.class)));
            Trainer.Result result = Trainer.train(LabelledData.concat(parts), null, lexicon,
                    Trainer.Options.defaults(EnumSet.allOf(Task.class)), msg -> { });
            try {
                Path root = Files.createTempDirectory("stancekit-test-model");
                deleteOnExit(root);
                Path dir = root.resolve("tiny");
                result.bundle().save(dir, false);
                trained = result;
                bundleDir = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundleDir;
    }

    private static final java.util.Map<Trainer.Backend, Trainer.Result> neuralResults = new java.util.EnumMap<>(
            Trainer.Backend.class);
    private static final java.util.Map<Trainer.Backend, Path> neuralDirs = new java.util.EnumMap<>(
            Trainer.Backend.class);

    /** Small, fast settings for the neural backend in tests (seconds per model). */
    public static NeuralParams tinyNeuralParams() {
        return new NeuralParams("cnn", 24, 8, 24, 3, 0.3, 3e-3, 1e-5, 32, 2, 1, 40, 2, true, 1, List.of());
    }

    /** The project's labelled CSVs as one data set, read with the default lexicon. */
    public static LabelledData projectData() {
        ActorLexicon lexicon = ActorLexicon.loadDefault();
        TrainingCsv reader = new TrainingCsv(Columns.defaults(), new MentionMatcher(lexicon), null, w -> { });
        List<LabelledData> parts = new ArrayList<>();
        for (Path csv : trainingCsvs()) parts.add(reader.read(csv, EnumSet.allOf(Task.class)));
        return LabelledData.concat(parts);
    }

    /** How many sentences (groups) {@link #neuralData()} keeps, whatever the size of the project's data. */
    static final int NEURAL_TEST_SENTENCES = 2_400;

    /**
     * A fixed-size part of {@link #projectData()}: the {@link #NEURAL_TEST_SENTENCES} sentences whose group ids hash
     * lowest (a sentence's rows stay together), for the tests that train networks. They check behaviour (determinism,
     * saving, loading, concurrency), not accuracy, and their time grew with every new data file (two thirds of 5,341
     * sentences made the suite 8.7 minutes on a fresh clone); a fixed size keeps it flat.
     */
    public static synchronized LabelledData neuralData() {
        if (neuralData == null) {
            LabelledData all = projectData();
            java.util.Set<String> groups = new java.util.TreeSet<>();
            all.stance().forEach(e -> groups.add(e.group()));
            all.sentiment().forEach(e -> groups.add(e.group()));
            java.util.Set<String> kept = new java.util.HashSet<>(groups.stream()
                    .sorted(java.util.Comparator.comparingInt(String::hashCode).thenComparing(g -> g))
                    .limit(NEURAL_TEST_SENTENCES).toList());
            neuralData = new LabelledData(all.stance().stream().filter(e -> kept.contains(e.group())).toList(),
                    all.sentiment().stream().filter(e -> kept.contains(e.group())).toList(), all.files());
        }
        return neuralData;
    }

    private static LabelledData neuralData;

    /** {@link #tinyNeuralParams()} with the BiLSTM encoder as `train` defaults it (unpadded, mean pooling). */
    public static NeuralParams tinyBiLstmParams() {
        return tinyNeuralParams().withEncoder("bilstm").withBiLstm(true, true, 0, 0);
    }

    /** A stance-only neural bundle trained on {@link #neuralData()} with these settings, in memory. */
    public static Trainer.Result trainNeuralStance(NeuralParams p) {
        return Trainer.train(neuralData(), null, ActorLexicon.loadDefault(),
                Trainer.Options.defaults(EnumSet.of(Task.STANCE)).withBackend(Trainer.Backend.NEURAL, p), m -> { });
    }

    /**
     * A tiny bundle of the neural or ensemble backend (both tasks, {@link #tinyNeuralParams()}), trained once per JVM
     * on the project's data, in memory.
     */
    public static synchronized Trainer.Result tinyNeuralResult(Trainer.Backend backend) {
        return neuralResults.computeIfAbsent(backend, b -> Trainer.train(neuralData(), null,
                ActorLexicon.loadDefault(), Trainer.Options.defaults(EnumSet.allOf(Task.class))
                        .withBackend(b, tinyNeuralParams()), msg -> { }));
    }

    /** {@link #tinyNeuralResult} saved to a temporary directory (callers must not modify it). */
    public static synchronized Path tinyNeuralBundle(Trainer.Backend backend) {
        Path dir = neuralDirs.get(backend);
        if (dir == null) {
            try {
                Path root = Files.createTempDirectory("stancekit-test-" + backend.key());
                deleteOnExit(root);
                dir = root.resolve(backend.key());
                tinyNeuralResult(backend).bundle().save(dir, false);
                neuralDirs.put(backend, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** The in-memory result of training the tiny bundle (the bundle as trained, before saving, and dev scores). */
    public static synchronized Trainer.Result tinyTrainingResult() {
        tinyBundle();
        return trained;
    }

    /** A scorer loaded from {@link #tinyBundle()}, shared (scorers are immutable and thread-safe). */
    public static synchronized Scorer tinyScorer() {
        if (scorer == null) scorer = Scorer.load(tinyBundle());
        return scorer;
    }

    /** A private copy of the tiny bundle at {@code target} (which must not exist), for tests that damage it. */
    public static Path copyBundle(Path target) {
        Path source = tinyBundle();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Writes {@code lines} (joined with LF, final LF) as UTF-8 to {@code dir/name} and returns the path. */
    public static Path tinyCsv(Path dir, String name, String... lines) {
        return write(dir, name, String.join("\n", lines) + "\n");
    }

    /** Writes {@code content} as UTF-8 to {@code dir/name} and returns the path. */
    public static Path write(Path dir, String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A small labelled CSV in the training format with enough rows for a 3-fold cross-validation and a dev split:
     * stance rows for one or two actors and a sentiment label on every row. Written from scratch for the tests.
     */
    public static Path smallTrainingCsv(Path dir, String name) {
        List<String> rows = new ArrayList<>();
        rows.add("id,text,actor,mention,stance,sentiment");
        String[][] favor = {
                {"France", "France", "praised France for"},
                {"Germany", "Germany", "thanked Germany for"},
                {"Japan", "Japan", "welcomed Japan's offer of"},
                {"Canada", "Canada", "applauded Canada for"},
                {"Brazil", "Brazil", "commended Brazil for"},
        };
        String[][] against = {
                {"Russia", "Russia", "condemned Russia for"},
                {"Iran", "Iran", "accused Iran of"},
                {"China", "China", "criticised China for"},
                {"Belarus", "Belarus", "denounced Belarus for"},
                {"Syria", "Syria", "blamed Syria for"},
        };
        String[] topics = {"the relief convoy", "its flood response", "the vaccine shipment", "the border talks",
                "the grain corridor", "the refugee plan"};
        int id = 0;
        for (String topic : topics) {
            for (String[] f : favor) {
                rows.add(String.format("t%03d,\"The mayor %s %s, calling it generous.\",%s,%s,favor,positive", ++id,
                        f[2], topic, f[0], f[1]));
            }
            for (String[] a : against) {
                rows.add(String.format("t%03d,\"The mayor %s %s, calling it reckless.\",%s,%s,against,negative", ++id,
                        a[2], topic, a[0], a[1]));
            }
            rows.add(String.format("t%03d,\"Delegates from Kenya met in Geneva to discuss %s.\",Kenya,Kenya,neutral,"
                    + "neutral", ++id, topic));
            rows.add(String.format("t%03d,\"A committee will review %s next week.\",,,,neutral", ++id, topic));
        }
        return tinyCsv(dir, name, rows.toArray(String[]::new));
    }

    private static void deleteOnExit(Path root) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temp directory is harmless
            }
        }));
    }

    /** The first {@code n} stance queries of the project's own labelled data. */
    public static List<org.stancekit.model.StanceQuery> projectQueries(int n) {
        return projectData().stance().stream().limit(n).map(org.stancekit.data.StanceExample::query).toList();
    }

    /**
     * {@code n} articles of four project sentences each, article i taking sentences {@code i·a + j·b} (mod the data
     * size) for j = 0..3, one per line.
     */
    public static List<String> projectArticles(int n, int a, int b) {
        List<org.stancekit.data.StanceExample> ex = projectData().stance();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < 4; j++) sb.append(ex.get((i * a + j * b) % ex.size()).query().text()).append('\n');
            texts.add(sb.toString());
        }
        return texts;
    }

    /**
     * Scores {@code inputs} on {@code threads} threads at once through one shared scorer, each thread starting at a
     * different place, and checks that every thread got exactly {@code expected} (the single-thread results).
     */
    public static <T> void assertConcurrentScoringMatches(Function<T, ArticleResult> score, List<T> inputs,
                                                          List<ArticleResult> expected, int threads, String label)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<ArticleResult>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * Math.max(1, inputs.size() / threads);
                futures.add(pool.submit(() -> {
                    start.await();
                    ArticleResult[] out = new ArticleResult[inputs.size()];
                    for (int i = 0; i < inputs.size(); i++) {
                        int k = (i + offset) % inputs.size();
                        out[k] = score.apply(inputs.get(k));
                    }
                    return List.of(out);
                }));
            }
            start.countDown();
            for (Future<List<ArticleResult>> f : futures) {
                List<ArticleResult> got = f.get(2, TimeUnit.MINUTES);
                for (int i = 0; i < expected.size(); i++) {
                    assertEquals(expected.get(i), got.get(i), label + " " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
