package org.stancekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stancekit.TestModels;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.io.TextDecoding;
import org.stancekit.score.Article;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.Scorer;
import org.stancekit.score.SentenceResult;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/}, files written for these tests; the big ones are
 * generated into a temporary directory) run through {@code score}, {@code train}, {@code evaluate} and {@code import}
 * in-process. Every run must end within a generous time limit in one of three ways: exit 0 with a correct result;
 * exit 2 with exactly one {@code stancekit: } line on stderr naming the file (and row, line or column where there is
 * one); or, for an input of several articles of which some are bad, exit 3 with one {@code warning: skipped: } line
 * per bad article naming the file and line. Never a stack trace or an exception name on stderr, and never an output
 * file or a temporary file left behind by a failed run.
 */
class BadInputCorpusTest {
    static final Duration LIMIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    enum Expect { OK, BAD, PARTIAL }

    @TempDir
    Path dir;

    static Path corpus() {
        try {
            return Path.of(BadInputCorpusTest.class.getResource("/bad-input/empty.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One run: the command, the corpus file, the outcome, and what the error must name besides the file (a row, line or
     * column), or for a good run a string the decoded input must hold.
     */
    record Case(String command, String file, Expect expect, String detail) {
        @Override
        public String toString() {
            return command + " " + file + " -> " + expect;
        }
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        // score: .txt is one article, .jsonl one per line
        c.add(new Case("score", "empty.txt", Expect.BAD, "no text"));
        c.add(new Case("score", "binary.txt", Expect.BAD, "binary"));
        c.add(new Case("score", "nul-bytes.txt", Expect.BAD, "binary"));
        c.add(new Case("score", "latin1.txt", Expect.OK, "Le ministre français praised Germany in Zürich."));
        c.add(new Case("score", "utf16-bom.txt", Expect.OK, "Japan welcomed the treaty."));
        c.add(new Case("score", "utf8-bom.txt", Expect.OK, "Egypt opened the hearing."));
        c.add(new Case("score", "emoji-rtl.txt", Expect.OK, "\u05d9\u05e9\u05e8\u05d0\u05dc"));
        c.add(new Case("score", "empty.jsonl", Expect.BAD, "no articles"));
        c.add(new Case("score", "binary.jsonl", Expect.BAD, "binary"));
        c.add(new Case("score", "nul-bytes.jsonl", Expect.BAD, "binary"));
        c.add(new Case("score", "utf16-bom.jsonl", Expect.OK, "Norway signed the accord."));
        c.add(new Case("score", "utf8-bom.jsonl", Expect.OK, "Chile hosted the talks."));
        c.add(new Case("score", "emoji-rtl.jsonl", Expect.OK, "\uD83D\uDE4F"));
        c.add(new Case("score", "missing-text.jsonl", Expect.PARTIAL, "line 2: missing string field 'text'"));
        c.add(new Case("score", "object-id.jsonl", Expect.PARTIAL,
                "line 3: field 'id' must be a string or an integer"));
        // train: labelled CSVs
        for (String cmd : List.of("train", "evaluate")) {
            c.add(new Case(cmd, "empty.csv", Expect.BAD, "empty file"));
            c.add(new Case(cmd, "header-only.csv", Expect.BAD, "only a header"));
            c.add(new Case(cmd, "missing-column.csv", Expect.BAD, "row 1, column 'actor': missing required column"));
            c.add(new Case(cmd, "duplicate-header.csv", Expect.BAD, "row 1, column 'actor': duplicate column"));
            c.add(new Case(cmd, "ragged-rows.csv", Expect.BAD, "row 4: has 5 fields but the header has 4"));
            c.add(new Case(cmd, "unterminated-quote.csv", Expect.BAD, "row 4: a quoted field is not closed properly"));
            c.add(new Case(cmd, "nul-bytes.csv", Expect.BAD, "binary"));
            c.add(new Case(cmd, "binary.csv", Expect.BAD, "binary"));
            c.add(new Case(cmd, "latin1.csv", Expect.OK, "Le ministre français à Paris"));
            c.add(new Case(cmd, "utf16-bom.csv", Expect.OK, "Berlin thanked Germany"));
            c.add(new Case(cmd, "utf8-bom.csv", Expect.OK, "Berlin thanked Germany"));
            c.add(new Case(cmd, "emoji-rtl.csv", Expect.OK, "\uD83D\uDD4A"));
            c.add(new Case(cmd, "good-small.csv", Expect.OK, "Inspectors accused Iran"));
        }
        c.add(new Case("train", "singleton-label.csv", Expect.OK, "mixed"));
        c.add(new Case("train", "one-label.csv", Expect.BAD, "at least two labels"));
        c.add(new Case("evaluate", "one-label.csv", Expect.OK, "welcomed the plan"));
        c.add(new Case("evaluate", "unknown-label.csv", Expect.BAD,
                "row 4, column 'stance': unknown label 'supportive'"));
        c.add(new Case("evaluate", "singleton-label.csv", Expect.BAD,
                "row 6, column 'sentiment': unknown label 'mixed'"));
        // import: each format's reader on the files of its kind
        for (String f : List.of("empty.csv", "header-only.csv", "binary.csv", "nul-bytes.csv", "utf16-bom.csv",
                "latin1.csv", "duplicate-header.csv")) {
            c.add(new Case("import pstance", f, Expect.BAD, f.startsWith("empty") ? "empty file"
                    : f.startsWith("binary") || f.startsWith("nul") ? "binary" : "line 1: missing column 'Tweet'"));
        }
        c.add(new Case("import pstance", "pstance-ragged.csv", Expect.BAD,
                "line 3: expected 3 comma-separated columns, found 4"));
        c.add(new Case("import pstance", "pstance-unterminated-quote.csv", Expect.BAD,
                "line 3: a quoted field is never closed"));
        c.add(new Case("import fpb", "fpb-latin1.txt", Expect.OK, "The café chain"));
        c.add(new Case("import fpb", "empty.txt", Expect.BAD, "no records"));
        c.add(new Case("import fpb", "binary.txt", Expect.BAD, "line 1"));
        c.add(new Case("import fpb", "latin1.txt", Expect.BAD, "line 1: no '@'"));
        c.add(new Case("import newsmtsc", "empty.jsonl", Expect.BAD, "no records"));
        c.add(new Case("import newsmtsc", "binary.jsonl", Expect.BAD, "binary"));
        c.add(new Case("import newsmtsc", "nul-bytes.jsonl", Expect.BAD, "binary"));
        c.add(new Case("import newsmtsc", "utf16-bom.jsonl", Expect.BAD, "line 1, field 'sentence_normalized'"));
        c.add(new Case("import newsmtsc", "missing-text.jsonl", Expect.BAD, "line 1, field 'sentence_normalized'"));
        c.add(new Case("import newsmtsc", "newsmtsc-missing-text.jsonl", Expect.BAD,
                "line 2, field 'sentence_normalized'"));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corpusFile(Case c) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in")).resolve(c.file());
        Files.copy(corpus().resolve(c.file()), in);
        run(c.command(), List.of(in), c.expect(), c.detail());
    }

    // ------------------------------------------------------------------------------------------- generated inputs

    /** A 10 MB line without a full stop: one sentence, scored on a window and flagged truncated. */
    @Test
    void tenMegabyteLine() throws IOException {
        String line = words(10 * 1024 * 1024, new Random(1));
        Path txt = write("ten-mb.txt", line + "\n");
        run("score", List.of(txt), Expect.OK, null);
        List<String> result = lines(dir.resolve("out/result.jsonl"));
        assertEquals(1, result.size(), "one sentence");
        JsonNode s = JSON.readTree(result.get(0));
        assertTrue(s.get("truncated").asBoolean(), "a 10 MB sentence is truncated");
        assertEquals(line.length(), s.get("end").asInt());

        Path jsonl = write("ten-mb.jsonl", JSON.writeValueAsString(Map.of("id", "big", "text", line)) + "\n"
                + "{\"id\": \"small\", \"text\": \"Chile hosted the talks.\"}\n");
        clean(dir.resolve("out"));
        run("score", List.of(jsonl), Expect.OK, null);
        assertEquals(2, lines(dir.resolve("out/result.jsonl")).size());

        Path fpb = write("ten-mb-fpb.txt", line + "@positive\nThe bank's profit rose .@positive\n");
        clean(dir.resolve("out"));
        run("import fpb", List.of(fpb), Expect.OK, null);

        // a training row is one sentence: ten megabytes is refused, naming the row and column (it used to hang the
        // featurizer, whose cost grows with the square of the sentence length)
        Path csv = write("ten-mb.csv", "text,actor,stance,sentiment\n\"" + line + "\",France,favor,positive\n"
                + String.join("\n", Files.readAllLines(corpus().resolve("good-small.csv")).subList(1, 37)) + "\n");
        clean(dir.resolve("out"));
        run("train", List.of(csv), Expect.BAD, "row 2, column 'text': more than 10,000 words");
        run("evaluate", List.of(csv), Expect.BAD, "row 2, column 'text': more than 10,000 words");
    }

    /** One sentence of 5,000 tokens: scored on a window and flagged truncated; trained and evaluated on as it is. */
    @Test
    void sentenceOfFiveThousandTokens() throws IOException {
        StringBuilder sb = new StringBuilder("France");
        Random random = new Random(2);
        for (int i = 1; i < 5000; i++) sb.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        String sentence = sb.append('.').toString();
        assertEquals(5000, sentence.split(" ").length);
        Path txt = write("long.txt", "Chile hosted the talks. " + sentence + "\n");
        run("score", List.of(txt), Expect.OK, null);
        List<String> out = lines(dir.resolve("out/result.jsonl"));
        assertEquals(2, out.size());
        assertFalse(JSON.readTree(out.get(0)).get("truncated").asBoolean());
        JsonNode s = JSON.readTree(out.get(1));
        assertTrue(s.get("truncated").asBoolean(), "5,000 tokens > Scorer.MAX_TOKENS");
        assertEquals(sentence, s.get("text").asText());

        List<String> rows = new ArrayList<>(Files.readAllLines(corpus().resolve("good-small.csv")));
        rows.add("long1,\"" + sentence + "\",France,favor,positive");
        Path csv = write("long.csv", String.join("\n", rows) + "\n");
        clean(dir.resolve("out"));
        run("train", List.of(csv), Expect.OK, null);
        run("evaluate", List.of(csv), Expect.OK, null);
    }

    /** Several inputs of which one is bad: the good ones are scored, the bad one reported; exit 3. */
    @Test
    void partlyBadMultiArticleInput() throws IOException {
        Path good = write("good.txt", "Chile hosted the talks. Peru objected.\n");
        Path empty = write("blank.txt", "  \n");
        Path jsonl = Files.copy(corpus().resolve("object-id.jsonl"), dir.resolve("in/object-id.jsonl"));
        Cli r = run("score", List.of(good, empty, jsonl), Expect.PARTIAL, null);
        List<String> skipped = r.errLines().stream().filter(l -> l.startsWith("warning: skipped: ")).toList();
        assertEquals(2, skipped.size(), r.err());
        assertTrue(skipped.get(0).contains(empty.toString()) && skipped.get(0).contains("no text"), skipped.get(0));
        assertTrue(skipped.get(1).contains(jsonl + ", line 3"), skipped.get(1));
        assertTrue(r.err().contains("3 article(s) scored, 2 input(s) skipped"), r.err());
        assertEquals(List.of("good", "o1", "o2"), lines(dir.resolve("out/result.jsonl")).stream()
                .map(l -> read(l).get("article_id").asText()).distinct().toList());
    }

    /** A directory holding a file we may not read: that file is reported, the others scored (not as root). */
    @Test
    void directoryWithAnUnreadableFile() throws IOException {
        Path d = Files.createDirectories(dir.resolve("in/articles"));
        Files.writeString(d.resolve("a.txt"), "Chile hosted the talks.\n");
        Path locked = Files.writeString(d.resolve("b.txt"), "Peru objected.\n");
        Files.writeString(d.resolve("c.txt"), "Bolivia abstained.\n");
        try {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            assumeFalse(true, "no POSIX permissions here");
        }
        assumeFalse(Files.isReadable(locked), "running as root: permissions are not enforced");
        try {
            Cli r = run("score", List.of(d), Expect.PARTIAL, null);
            List<String> skipped = r.errLines().stream().filter(l -> l.startsWith("warning: skipped: ")).toList();
            assertEquals(List.of("warning: skipped: " + locked + ": cannot read (permission denied)"), skipped);
            assertEquals(List.of("a", "c"), lines(dir.resolve("out/result.jsonl")).stream()
                    .map(l -> read(l).get("article_id").asText()).toList());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }

    // ------------------------------------------------------------------------------------------------- the checks

    /**
     * Runs {@code command} on {@code inputs} with its output under {@code dir/out/}, and checks the outcome: the exit
     * code, stderr, the output (or its absence, and no temporary files), and for a good run that the result is right.
     */
    Cli run(String command, List<Path> inputs, Expect expect, String detail) throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path target;
        List<String> args = new ArrayList<>();
        String model = TestModels.tinyBundle().toString();
        switch (command) {
            case "score" -> {
                target = out.resolve("result.jsonl");
                args.addAll(List.of("score", "--model", model, "--format", "jsonl", "--output", target.toString()));
                inputs.forEach(p -> args.add(p.toString()));
            }
            case "train" -> {
                target = out.resolve("model");
                args.addAll(List.of("train", "--output", target.toString(), "--max-iterations", "100", "--force"));
                inputs.forEach(p -> args.addAll(List.of("--data", p.toString())));
            }
            case "evaluate" -> {
                target = null;
                args.addAll(List.of("evaluate", "--model", model, "--format", "json"));
                inputs.forEach(p -> args.addAll(List.of("--data", p.toString())));
            }
            default -> { // import FORMAT
                target = out.resolve("imported.csv");
                args.addAll(List.of(command.split(" ")));
                args.add(inputs.get(0).toString());
                args.add(target.toString());
            }
        }
        String file = inputs.get(0).getFileName().toString();
        Cli r = assertTimeoutPreemptively(LIMIT, () -> Cli.run(args.toArray(String[]::new)),
                () -> "no answer within " + LIMIT + ": " + args);
        assertFalse(r.err().contains("\tat ") || r.out().contains("\tat "), () -> "a stack trace:\n" + r);
        assertFalse(r.err().contains("Exception"), () -> "an exception name on stderr:\n" + r);
        switch (expect) {
            case BAD -> {
                assertEquals(2, r.exit(), r::toString);
                List<String> errors = r.errLines().stream().filter(l -> l.startsWith("stancekit: ")).toList();
                assertEquals(1, errors.size(), () -> "exactly one 'stancekit: ' line:\n" + r);
                r.errLines().forEach(l -> assertTrue(l.startsWith("stancekit: ") || l.startsWith("warning: ")
                        || l.matches("(stance|sentiment): .*"), () -> "unexpected line on stderr: " + l + "\n" + r));
                String line = errors.get(0);
                assertTrue(line.contains(file), () -> "names the file " + file + ": " + line);
                if (detail != null) assertTrue(line.contains(detail), () -> "says '" + detail + "': " + line);
                assertTrue(isEmpty(out), () -> "a failed run leaves nothing in " + out + ": " + listing(out));
            }
            case PARTIAL -> {
                assertEquals(3, r.exit(), r::toString);
                List<String> skipped = r.errLines().stream().filter(l -> l.startsWith("warning: skipped: ")).toList();
                assertFalse(skipped.isEmpty(), r::toString);
                skipped.forEach(l -> assertTrue(l.contains(".txt") || l.contains(".jsonl, line ")
                        || l.contains("permission denied"), () -> "names the file and line: " + l));
                if (detail != null) {
                    assertTrue(skipped.stream().anyMatch(l -> l.contains(file + ", " + detail)),
                            () -> "says '" + file + ", " + detail + "':\n" + r);
                }
                assertFalse(r.err().contains("stancekit: "), r::toString);
                assertOnlyOutput(out, target);
            }
            case OK -> {
                assertEquals(0, r.exit(), r::toString);
                r.errLines().forEach(l -> assertFalse(l.startsWith("stancekit: "), () -> "an error line: " + l));
                if (target != null) assertOnlyOutput(out, target);
                checkResult(command, inputs.get(0), target, r, detail);
            }
        }
        return r;
    }

    /** Good runs: the result is there and right. */
    private void checkResult(String command, Path in, Path target, Cli r, String marker) throws IOException {
        switch (command) {
            case "score" -> checkScore(in, target, marker);
            case "train" -> {
                ModelBundle bundle = ModelBundle.load(target);
                assertEquals(List.of("favor", "against", "neutral"), bundle.stance().orElseThrow().labels());
                List<String> sentiment = bundle.sentiment().orElseThrow().labels();
                if ("mixed".equals(marker)) assertTrue(sentiment.contains("mixed"), sentiment::toString);
                assertTrue(sentiment.containsAll(List.of("positive", "negative", "neutral")), sentiment::toString);
                checkDecoded(in, marker);
            }
            case "evaluate" -> {
                JsonNode tasks = JSON.readTree(r.out()).get("tasks");
                long rows;
                try (CSVParser p = CSVParser.parse(new StringReader(decode(in)),
                        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
                    rows = p.getRecords().size();
                }
                assertEquals(rows, tasks.get("sentiment").get("n").asLong(), "every row evaluated: " + r.out());
                assertEquals(rows, tasks.get("stance").get("n").asLong(), "every row evaluated: " + r.out());
                checkDecoded(in, marker);
            }
            default -> { // import
                List<CSVRecord> records;
                try (CSVParser p = CSVParser.parse(target, StandardCharsets.UTF_8,
                        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
                    records = p.getRecords();
                }
                long expected = decode(in).lines().filter(l -> !l.isBlank()).count();
                assertEquals(expected, records.size());
                if (marker != null) {
                    assertTrue(records.get(0).get("text").startsWith(marker), records.get(0).get("text"));
                }
            }
        }
    }

    /** The JSONL result holds exactly what the library gives for each article of the input, decoded right. */
    private void checkScore(Path in, Path result, String marker) throws IOException {
        Scorer scorer = TestModels.tinyScorer();
        String text = decode(in);
        Map<String, String> articles = new LinkedHashMap<>();
        if (in.toString().endsWith(".jsonl")) {
            for (String l : text.lines().filter(l -> !l.isBlank()).toList()) {
                JsonNode a = read(l);
                articles.put(a.get("id").asText(), a.get("text").asText());
            }
        } else {
            String name = in.getFileName().toString();
            articles.put(name.substring(0, name.lastIndexOf('.')), text);
        }
        if (marker != null) {
            assertTrue(articles.values().stream().anyMatch(t -> t.contains(marker)), "decoded right: " + articles);
            articles.values().forEach(t -> assertFalse(t.startsWith("\uFEFF"), "no byte-order mark in the text"));
        }
        List<JsonNode> got = lines(result).stream().map(BadInputCorpusTest::read).toList();
        int k = 0;
        for (Map.Entry<String, String> a : articles.entrySet()) {
            ArticleResult expected = scorer.score(new Article(a.getKey(), null, a.getValue(), null));
            for (SentenceResult s : expected.sentences()) {
                JsonNode g = got.get(k++);
                assertEquals(a.getKey(), g.get("article_id").asText());
                assertEquals(s.start(), g.get("start").asInt());
                assertEquals(s.end(), g.get("end").asInt());
                assertEquals(a.getValue().substring(s.start(), s.end()), g.get("text").asText());
                assertEquals(s.sentiment().label(), g.get("sentiment").get("label").asText());
                assertEquals(s.stances().size(), g.get("stances").size());
                for (int i = 0; i < s.stances().size(); i++) {
                    assertEquals(s.stances().get(i).actor(), g.get("stances").get(i).get("actor").asText());
                    assertEquals(s.stances().get(i).label(), g.get("stances").get(i).get("label").asText());
                }
                assertEquals(s.truncated(), g.get("truncated").asBoolean());
            }
        }
        assertEquals(k, got.size(), "one JSONL line per sentence");
    }

    private static void checkDecoded(Path in, String marker) {
        if (marker != null) {
            String text = decode(in);
            assertTrue(text.contains(marker), "the test's marker is in the decoded input");
            assertFalse(text.startsWith("\uFEFF"));
        }
    }

    /** The input as StanceKit decodes it (BOM, UTF-16, windows-1252 fallback), for comparing results. */
    private static String decode(Path in) {
        try {
            return TextDecoding.decode(Files.readAllBytes(in), in.toString(), null, w -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static final String[] WORDS = {"the", "minister", "said", "that", "France", "and", "Germany", "would",
            "back", "plan", "while", "Russia", "condemned", "talks", "on", "grain", "exports", "near", "border",
            "officials", "in", "Paris", "welcomed", "a", "new", "ceasefire", "proposal", "from", "Egypt", "Qatar"};

    /** About {@code size} chars of words and commas, no full stop. */
    static String words(int size, Random random) {
        StringBuilder sb = new StringBuilder(size + 16);
        while (sb.length() < size) {
            if (sb.length() > 0) sb.append(random.nextInt(12) == 0 ? ", " : " ");
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private Path write(String name, String content) throws IOException {
        Path p = Files.createDirectories(dir.resolve("in")).resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.UTF_8);
    }

    /** {@code out} holds exactly {@code target}: no temporary file beside it. */
    static void assertOnlyOutput(Path out, Path target) throws IOException {
        assertTrue(Files.exists(target), () -> target + " written");
        assertEquals(List.of(target.getFileName().toString()), listing(out), "no temporary file left");
    }

    static boolean isEmpty(Path d) {
        return listing(d).isEmpty();
    }

    static List<String> listing(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void clean(Path d) throws IOException {
        try (Stream<Path> walk = Files.walk(d)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(d)) Files.delete(p);
            }
        }
    }

    static {
        // the tiny model is trained once per JVM; make sure it is not trained inside a timed run
        TestModels.tinyBundle();
    }
}
