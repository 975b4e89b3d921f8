package org.stancekit.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.ModelFormatException;
import org.stancekit.TestModels;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.Scorer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train --output DIR --force} over an existing bundle, killed with SIGKILL half-way in a separate JVM: DIR must
 * still hold the previous bundle, byte for byte, load and predict as before; what the killed run left beside it
 * ({@code .DIR.tmp-*}) is never taken for a model and is removed by the next save.
 */
class InterruptedTrainTest {
    static final List<String> PROBES = List.of(
            "The minister praised Japan for its quick help after the floods.",
            "Officials in Paris condemned Russia over the strikes on the port.",
            "Delegates from Kenya and Chile met in Geneva to discuss fishing quotas.");

    @TempDir
    Path dir;

    @Test
    void killedTrainLeavesThePreviousBundleIntact() throws Exception {
        Path model = TestModels.copyBundle(dir.resolve("model"));
        Map<String, byte[]> before = snapshot(model);
        List<ArticleResult> predictions = predict(model);
        Path data = repeatedTrainingData(dir.resolve("big.csv"), 4);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "org.stancekit.cli.Main", "train", "--data", data.toString(), "--output", model.toString(), "--force");
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("train.out").toFile()).start();
        CountDownLatch training = new CountDownLatch(1);
        StringBuilder stderr = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (stderr) {
                        stderr.append(line).append('\n');
                    }
                    if (line.contains("training on")) training.countDown();
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        long pid = p.pid();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                assertTrue(training.await(90, TimeUnit.SECONDS), () -> "training never started:\n" + stderr);
                Thread.sleep(700); // mid-way: the fits take several seconds on this data
                assertTrue(p.isAlive(), () -> "training finished before it could be killed; use more data:\n" + stderr);
                p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            });
        } finally {
            if (p.isAlive()) p.destroyForcibly();
        }
        assertTrue(p.exitValue() != 0, "killed, not finished");

        // the previous bundle, untouched
        assertEquals(before.keySet(), snapshot(model).keySet(), "same files");
        Map<String, byte[]> after = snapshot(model);
        before.forEach((f, bytes) -> assertArrayEquals(bytes, after.get(f), f + " unchanged"));
        assertEquals(predictions, predict(model), "same predictions");

        // whatever the killed run left is hidden, named as temporary, and not a model
        for (String left : siblings()) {
            if (left.equals("model") || left.equals("big.csv") || left.equals("train.out")) continue;
            assertTrue(left.startsWith(".model.tmp-" + pid + "-"),
                    "only the killed run's temporary directory: " + left);
            assertHalfWrittenIsNotAModel(dir.resolve(left));
        }

        // the next save removes the leftovers of processes that are gone: the killed one's, a fake half-written one
        // named after the (dead) killed process, and one without a process id from an older version; a live
        // process's temporary directory (a concurrent save) stays
        Path dead = Files.createDirectories(dir.resolve(".model.tmp-" + pid + "-" + UUID.randomUUID()));
        Files.writeString(dead.resolve(ModelBundle.ACTORS_FILE), "id\tkind\taliases\tdemonyms\tleaders\n");
        assertHalfWrittenIsNotAModel(dead);
        Path legacy = Files.createDirectories(dir.resolve(".model.tmp-" + UUID.randomUUID()));
        Files.setLastModifiedTime(legacy, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Path live = Files.createDirectories(dir.resolve(".model.tmp-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID()));
        Path small = TestModels.smallTrainingCsv(dir.resolve("small"), "small.csv");
        Cli.run("train", "--data", small.toString(), "--output", model.toString(), "--force").expectExit(0);
        ModelBundle.load(model);
        List<String> left = siblings().stream().filter(n -> n.startsWith(".model.")).toList();
        assertEquals(List.of(live.getFileName().toString()), left, "stale temporary directories removed");
    }

    /** A save killed between its two renames leaves no DIR: loading it says where the previous bundle is. */
    @Test
    void missingBundleNamesTheOneAnInterruptedSaveSetAside() throws IOException {
        Path old = TestModels.copyBundle(dir.resolve(".model.old-999999999-" + UUID.randomUUID()));
        Path model = dir.resolve("model");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelBundle.load(model));
        assertTrue(e.getMessage().contains("an interrupted save left the previous bundle in " + old), e.getMessage());
        String line = Cli.run("info", "--model", model.toString()).expectOneLineError();
        assertTrue(line.contains(old.toString()), line);
        // and a save into the empty place keeps that copy: it may be the only one
        TestModels.tinyTrainingResult().bundle().save(model, false);
        assertTrue(Files.isDirectory(old), "kept");
    }

    private static void assertHalfWrittenIsNotAModel(Path tmp) {
        if (Files.isRegularFile(tmp.resolve(ModelBundle.BUNDLE_FILE))) {
            ModelBundle.load(tmp); // written completely (bundle.json comes last): a whole bundle, never a half one
        } else {
            assertThrows(ModelFormatException.class, () -> ModelBundle.load(tmp));
        }
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static List<ArticleResult> predict(Path model) {
        Scorer scorer = Scorer.load(model);
        return PROBES.stream().map(scorer::score).toList();
    }

    static Map<String, byte[]> snapshot(Path bundle) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(bundle)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(bundle.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /** The project's labelled CSVs, every row {@code times} times, in one CSV (ids made unique). */
    static Path repeatedTrainingData(Path out, int times) throws IOException {
        List<CSVRecord> rows = new ArrayList<>();
        List<String> header = null;
        for (Path csv : TestModels.trainingCsvs()) {
            try (CSVParser p = CSVParser.parse(csv, StandardCharsets.UTF_8,
                    CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
                if (header == null) header = p.getHeaderNames();
                assertEquals(header, p.getHeaderNames(), csv + " has the same columns");
                rows.addAll(p.getRecords());
            }
        }
        int id = header.indexOf("id");
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (int t = 0; t < times; t++) {
                for (CSVRecord r : rows) {
                    List<String> values = new ArrayList<>(r.toList());
                    if (id >= 0) values.set(id, values.get(id) + "-" + t);
                    printer.printRecord(values);
                }
            }
        }
        assertFalse(rows.isEmpty());
        return out;
    }
}
