package org.stancekit.spark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.io.ArticleItem;
import org.stancekit.io.ArticleReader;
import org.stancekit.io.ResultRow;
import org.stancekit.score.Article;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the Spark job in local mode (two task threads) on the project's example articles with the shipped default model,
 * and checks that its rows and summary equal what the command line writes for the same input, cell by cell.
 */
class ScoreJobTest {
    static final Path ROOT = Path.of(System.getProperty("stancekit.projectRoot", "..")).toAbsolutePath().normalize();
    static final Path EXAMPLES = ROOT.resolve("examples");
    static final String MODEL = ROOT.resolve("models/default").toString();
    static final String MIN_CONFIDENCE = "0.6";

    static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("stancekit-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) spark.stop();
    }

    // ------------------------------------------------------------------------------------------------- helpers

    record Run(int exit, String err) {}

    static Run job(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(args, e, spark);
        }
        return new Run(exit, err.toString(StandardCharsets.UTF_8));
    }

    /** The command line, in-process: its CSV output as records (header first). */
    static List<List<String>> cli(String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = org.stancekit.cli.Main.run(args, o, e, new ByteArrayInputStream(new byte[0]));
        }
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        return csv(out.toString(StandardCharsets.UTF_8));
    }

    static List<List<String>> csv(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            for (CSVRecord r : p) rows.add(r.toList());
        }
        return rows;
    }

    /** Spark's CSV output directory: the header of every part file must be {@code header}; the rows of all parts. */
    static List<List<String>> sparkCsv(Path dir, List<String> header) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Path part : parts(dir, ".csv")) {
            List<List<String>> records = csv(Files.readString(part));
            if (records.isEmpty()) continue;
            assertEquals(header, records.get(0), part.toString());
            rows.addAll(records.subList(1, records.size()));
        }
        return rows;
    }

    static List<Path> parts(Path dir, String suffix) throws IOException {
        assertTrue(Files.isRegularFile(dir.resolve("_SUCCESS")), "a complete Spark output in " + dir);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")
                    && f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** A cell as the CSV writes it: null as empty, decimals with their four places. */
    static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof BigDecimal d) return d.toPlainString();
        return v.toString();
    }

    static List<List<String>> cells(List<Row> rows) {
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.length(); i++) cells.add(cell(r.get(i)));
            out.add(cells);
        }
        return out;
    }

    /** Sorted by article_id, sentence_index, actor (the job writes in partition order, the CLI in input order). */
    static List<List<String>> sortedResults(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>(rows);
        out.sort(Comparator.<List<String>, String>comparing(r -> r.get(0))
                .thenComparingInt(r -> Integer.parseInt(r.get(1))).thenComparing(r -> r.get(7)));
        return out;
    }

    /** Summary rows sorted by scope, article_id, date, actor. */
    static List<List<String>> sortedSummary(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>(rows);
        out.sort(Comparator.<List<String>, String>comparing(r -> r.get(0)).thenComparing(r -> r.get(1))
                .thenComparing(r -> r.get(2)).thenComparing(r -> r.get(3)));
        return out;
    }

    static void assertSameRows(List<List<String>> expected, List<List<String>> actual) {
        assertEquals(expected.size(), actual.size(), "row count");
        for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i), actual.get(i), "row " + i);
    }

    // ---------------------------------------------------------------------------------------------------- tests

    @Test
    void jsonlToCsvGivesTheCliRowsAndSummary() throws IOException {
        String input = EXAMPLES.resolve("articles.jsonl").toString();
        Path out = tmp.resolve("rows"), summary = tmp.resolve("summary");
        long t0 = System.nanoTime();
        Run run = job("--input", input, "--format", "jsonl", "--output", out.toString(), "--output-format", "csv",
                "--model", MODEL, "--summary", summary.toString(), "--min-confidence", MIN_CONFIDENCE);
        System.err.printf("spark job (jsonl -> csv + summary): %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(0, run.exit(), run.err());

        List<List<String>> expected = cli("score", input, "--model", MODEL, "--format", "csv", "--min-confidence",
                MIN_CONFIDENCE);
        assertEquals(ResultRow.HEADER, expected.get(0));
        List<List<String>> rows = sparkCsv(out, ResultRow.HEADER);
        assertTrue(rows.size() > 50, "rows: " + rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.get(4).contains("\"")), "a sentence with quotes survives CSV");
        assertTrue(rows.stream().anyMatch(r -> r.get(9).equals("uncertain")), "the --min-confidence rule applies");
        assertTrue(rows.stream().anyMatch(r -> r.get(7).isEmpty()), "a sentence that names no actor");
        assertSameRows(sortedResults(expected.subList(1, expected.size())), sortedResults(rows));

        List<List<String>> expectedSummary = cli("summarize", input, "--model", MODEL, "--format", "csv",
                "--min-confidence", MIN_CONFIDENCE);
        List<List<String>> summaryRows = sparkCsv(summary, expectedSummary.get(0));
        assertTrue(summaryRows.stream().anyMatch(r -> r.get(0).equals("date")), "by-date rows");
        assertSameRows(sortedSummary(expectedSummary.subList(1, expectedSummary.size())), sortedSummary(summaryRows));
        assertEquals(1, Scorers.loads(), "the model is loaded once in this JVM");
    }

    @Test
    void textFilesToParquetGiveTheCliRows() throws IOException {
        Path out = tmp.resolve("rows.parquet");
        Run run = job("--input", EXAMPLES.resolve("*.txt").toString(), "--format", "text", "--output", out.toString(),
                "--output-format", "parquet", "--model", MODEL, "--partitions", "3");
        assertEquals(0, run.exit(), run.err());
        List<String> txt = new ArrayList<>(List.of("score"));
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            files.filter(f -> f.toString().endsWith(".txt")).sorted().forEach(f -> txt.add(f.toString()));
        }
        assertEquals(5, txt.size(), "four example articles (one of them hard-wrapped)");
        txt.addAll(List.of("--model", MODEL, "--format", "csv"));
        List<List<String>> expected = cli(txt.toArray(String[]::new));

        List<Row> written = spark.read().parquet(out.toString()).collectAsList();
        assertEquals(ScoreJob.RESULT_SCHEMA.fieldNames().length,
                spark.read().parquet(out.toString()).schema().fieldNames().length);
        assertEquals(ResultRow.HEADER, List.of(spark.read().parquet(out.toString()).schema().fieldNames()));
        assertSameRows(sortedResults(expected.subList(1, expected.size())), sortedResults(cells(written)));
        assertEquals(1, Scorers.loads(), "the model is loaded once in this JVM");
    }

    @Test
    void lineBreaksAreReadAsTheCliReadsThem() throws IOException {
        Path wrapped = EXAMPLES.resolve("arctic-shipping-wrapped.txt");
        for (String mode : List.of("boundary", "wrapped")) {
            Path out = tmp.resolve("rows-" + mode);
            Run run = job("--input", wrapped.toString(), "--format", "text", "--output", out.toString(),
                    "--output-format", "parquet", "--model", MODEL, "--line-breaks", mode);
            assertEquals(0, run.exit(), run.err());
            List<List<String>> expected = cli("score", wrapped.toString(), "--model", MODEL, "--format", "csv",
                    "--line-breaks", mode);
            List<List<String>> rows = cells(spark.read().parquet(out.toString()).collectAsList());
            assertSameRows(sortedResults(expected.subList(1, expected.size())), sortedResults(rows));
            long sentences = rows.stream().map(r -> r.get(1)).distinct().count();
            assertEquals(mode.equals("boundary") ? 33 : 11, sentences, mode);
        }
        assertOneLine(job("--input", wrapped.toString(), "--format", "text", "--output",
                tmp.resolve("x").toString(), "--output-format", "csv", "--line-breaks", "soft"), "--line-breaks");
    }

    @Test
    void parquetToJsonlGivesTheCliRowsAndSummary() throws IOException {
        // the example JSONL as a Parquet file with columns id, title, text, date
        List<Row> articles = new ArrayList<>();
        Path jsonl = EXAMPLES.resolve("articles.jsonl");
        try (ArticleReader r = ArticleReader.jsonl(jsonl.toString(), Files.newInputStream(jsonl), null, null)) {
            while (r.hasNext()) {
                ArticleItem item = r.next();
                Article a = item.article();
                articles.add(RowFactory.create(a.id(), a.title(), a.text(), a.date()));
            }
        }
        Path in = tmp.resolve("articles.parquet");
        spark.createDataFrame(articles, new org.apache.spark.sql.types.StructType()
                        .add("id", "string").add("title", "string").add("text", "string").add("date", "string"))
                .write().parquet(in.toString());
        Path out = tmp.resolve("rows.jsonl"), summary = tmp.resolve("summary.jsonl");
        Run run = job("--input", in.toString(), "--format", "parquet", "--output", out.toString(), "--output-format",
                "jsonl", "--model", MODEL, "--summary", summary.toString(), "--period", "month");
        assertEquals(0, run.exit(), run.err());

        List<List<String>> expected = cli("score", jsonl.toString(), "--model", MODEL, "--format", "csv");
        assertSameRows(sortedResults(expected.subList(1, expected.size())),
                sortedResults(jsonLines(out, ResultRow.HEADER)));
        List<List<String>> expectedSummary = cli("summarize", jsonl.toString(), "--model", MODEL, "--format", "csv",
                "--period", "month");
        assertSameRows(sortedSummary(expectedSummary.subList(1, expectedSummary.size())),
                sortedSummary(jsonLines(summary, expectedSummary.get(0))));
    }

    /** JSON lines output: every line has every column, in order; cells as the CSV writes them. */
    static List<List<String>> jsonLines(Path dir, List<String> header) throws IOException {
        // decimals as written: 0.6400 stays 0.6400
        ObjectMapper mapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
        List<List<String>> rows = new ArrayList<>();
        for (Path part : parts(dir, ".json")) {
            for (String line : Files.readAllLines(part)) {
                JsonNode n = mapper.readTree(line);
                List<String> names = new ArrayList<>();
                n.fieldNames().forEachRemaining(names::add);
                assertEquals(header, names, line);
                List<String> cells = new ArrayList<>();
                for (String h : header) {
                    JsonNode v = n.get(h);
                    cells.add(v.isNull() ? "" : v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void badLinesAreSkippedWithAWarningAndExitThree() throws IOException {
        // gzip-compressed, read through Hadoop's codec
        Path in = tmp.resolve("mixed.jsonl.gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(in))) {
            out.write("{\"id\": \"ok\", \"text\": \"NATO praised Finland.\"}\n{\"id\": \"no-text\"}\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        Run run = job("--input", in.toString(), "--format", "jsonl", "--output", tmp.resolve("o").toString(),
                "--output-format", "csv", "--model", MODEL);
        assertEquals(3, run.exit(), run.err());
        assertTrue(run.err().contains("warning: skipped: ") && run.err().contains("mixed.jsonl.gz, line 2: missing"
                + " string field 'text'"), run.err());
        List<List<String>> rows = sparkCsv(tmp.resolve("o"), ResultRow.HEADER);
        assertEquals(List.of("ok"), rows.stream().map(r -> r.get(0)).distinct().toList());
    }

    @Test
    void badUsageIsOneLineAndExitTwo() throws IOException {
        String in = EXAMPLES.resolve("articles.jsonl").toString();
        String out = tmp.resolve("o").toString();
        assertOneLine(job("--format", "jsonl", "--output", out, "--output-format", "csv"), "--input");
        assertOneLine(job("--input", in, "--format", "xml", "--output", out, "--output-format", "csv"), "'xml'");
        assertOneLine(job("--input", in, "--format", "jsonl", "--output", out, "--output-format", "csv",
                "--min-confidence", "2"), "--min-confidence");
        assertOneLine(job("--input", tmp.resolve("missing.jsonl").toString(), "--format", "jsonl", "--output", out,
                "--output-format", "csv", "--model", MODEL), "no such file");
        Files.createDirectories(tmp.resolve("exists"));
        assertOneLine(job("--input", in, "--format", "jsonl", "--output", tmp.resolve("exists").toString(),
                "--output-format", "csv", "--model", MODEL), "already exists; use --force");
        assertOneLine(job("--input", in, "--format", "jsonl", "--output", out, "--output-format", "csv",
                "--model", tmp.resolve("no-model").toString()), "no-model");
        assertOneLine(job("--input", in, "--format", "parquet", "--output", out, "--output-format", "csv",
                "--model", MODEL), "");
        assertFalse(Files.exists(tmp.resolve("o")), "nothing written");
    }

    static void assertOneLine(Run run, String expected) {
        assertEquals(2, run.exit(), run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), "one line on stderr:\n" + run.err());
        assertTrue(lines.get(0).startsWith("stancekit-spark: ") && lines.get(0).contains(expected), lines.get(0));
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void aModelOnAHadoopFileSystemIsCopiedToALocalDirectory() throws IOException {
        Path copy = Scorers.copyToLocal(new org.apache.hadoop.fs.Path(Path.of(MODEL).toUri()),
                new org.apache.hadoop.conf.Configuration());
        try (Stream<Path> files = Files.walk(Path.of(MODEL))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path c = copy.resolve(Path.of(MODEL).relativize(f).toString());
                assertTrue(Files.isRegularFile(c), c.toString());
                assertEquals(Files.size(f), Files.size(c), c.toString());
            }
        }
        try (Stream<Path> files = Files.walk(copy)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".crc")), "no checksum side files");
        }
        assertEquals(null, Scorers.schemeUri("models/default"));
        assertEquals("hdfs", Scorers.schemeUri("hdfs://nn/models/default").getScheme());
    }
}
