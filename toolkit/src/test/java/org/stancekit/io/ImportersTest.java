package org.stancekit.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.BadInputException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportersTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    // -------------------------------------------------------------------------------------------------- NewsMTSC

    @Test
    void newsMtscSample() throws IOException, URISyntaxException {
        Path in = Path.of(getClass().getResource("/io/newsmtsc-sample.jsonl").toURI());
        Path out = dir.resolve("nested/dir/newsmtsc.csv");
        Importers.ImportReport report = Importers.importNewsMtsc(in, out, null, false, warnings::add);
        assertEquals(2, report.rows(), "one row per sentence, all its targets aligned");
        assertEquals(1, report.skipped());
        assertEquals(Map.of("favor", 1L, "against", 1L, "neutral", 1L), report.labelCounts());
        assertEquals(List.of("favor", "against", "neutral"), List.copyOf(report.labelCounts().keySet()));
        assertTrue(warnings.isEmpty(), warnings.toString());

        String csv = Files.readString(out);
        assertTrue(csv.startsWith("id,group,text,actor,mention,mention_start,mention_end,stance\r\n"), csv);
        assertEquals("demo_1_0", parse(out).get(0).get("group"), "the article part of the gid");
        List<CSVRecord> rows = parse(out);
        assertEquals(2, rows.size());
        CSVRecord both = rows.get(0);
        assertEquals("Ruiz praised the new clinic, while Okafor called it a waste.", both.get("text"));
        assertEquals("Ruiz|Okafor", both.get("actor"));
        assertEquals("Ruiz|Okafor", both.get("mention"));
        assertEquals("favor|against", both.get("stance"));
        String[] starts = both.get("mention_start").split("\\|"), ends = both.get("mention_end").split("\\|");
        assertEquals("0", starts[0]);
        assertEquals("4", ends[0]);
        assertEquals("Okafor", both.get("text").substring(Integer.parseInt(starts[1]), Integer.parseInt(ends[1])));
        assertEquals("neutral", rows.get(1).get("stance"));
        assertNoTempFiles(out.getParent());
    }

    @Test
    void newsMtscRepairsAWrongSpanWithAWarning() throws IOException {
        Path in = write("shifted.jsonl", line("Voters like Chen. Chen smiled.", "g1", 3, 7, "Chen", "6.0"));
        Path out = dir.resolve("out.csv");
        Importers.importNewsMtsc(in, out, null, false, warnings::add);
        CSVRecord r = parse(out).get(0);
        assertEquals("12", r.get("mention_start"));
        assertEquals("16", r.get("mention_end"));
        assertEquals(List.of(in + ", line 1, field 'targets[0]': mention 'Chen' is not at 3..7; using 12..16"),
                warnings);
    }

    @Test
    void newsMtscBadPolarityNamesFileLineAndField() throws IOException {
        Path in = write("bad.jsonl", line("Ada won.", "g1", 0, 3, "Ada", "4.0") + "\n"
                + line("Bo lost.", "g2", 0, 2, "Bo", "5.0"));
        Path out = dir.resolve("out.csv");
        BadInputException e = assertThrows(BadInputException.class,
                () -> Importers.importNewsMtsc(in, out, null, false, warnings::add));
        assertEquals(in + ", line 2, field 'targets[0].polarity': expected polarity 2.0 (against), 4.0 (neutral) "
                + "or 6.0 (favor), got 5.0", e.getMessage());
        assertFalse(Files.exists(out), "nothing written on failure");
        assertNoTempFiles(dir);
    }

    @Test
    void newsMtscMissingMentionAndMissingFields() throws IOException {
        Path in = write("gone.jsonl", line("Ada won.", "g1", 0, 3, "Zed", "4.0"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> Importers.importNewsMtsc(in, dir.resolve("o.csv"), null, false, warnings::add));
        assertTrue(e.getMessage().startsWith(in + ", line 1, field 'targets[0].mention': 'Zed' does not occur"),
                e.getMessage());

        Path noText = write("notext.jsonl", "{\"targets\": []}");
        assertEquals(noText + ", line 1, field 'sentence_normalized': missing",
                assertThrows(BadInputException.class, () -> Importers.importNewsMtsc(noText, dir.resolve("o.csv"),
                        null, false, warnings::add)).getMessage());

        Path badJson = write("badjson.jsonl", "{\"sentence_normalized\": ");
        assertTrue(assertThrows(BadInputException.class, () -> Importers.importNewsMtsc(badJson,
                dir.resolve("o.csv"), null, false, warnings::add)).getMessage()
                .startsWith(badJson + ", line 1: invalid JSON"));
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        Path in = write("one.jsonl", line("Ada won.", "g1", 0, 3, "Ada", "6.0"));
        Path out = dir.resolve("out.csv");
        Files.writeString(out, "keep me");
        BadInputException e = assertThrows(BadInputException.class,
                () -> Importers.importNewsMtsc(in, out, null, false, warnings::add));
        assertEquals(out + " exists; use --force to overwrite", e.getMessage());
        assertEquals("keep me", Files.readString(out));

        Importers.ImportReport r = Importers.importNewsMtsc(in, out, null, true, warnings::add);
        assertEquals(1, r.rows());
        assertEquals("favor", parse(out).get(0).get("stance"));
        assertNoTempFiles(dir);
    }

    @Test
    void missingInput() {
        Path in = dir.resolve("nowhere.jsonl");
        assertEquals(in + ": no such file", assertThrows(BadInputException.class,
                () -> Importers.importNewsMtsc(in, dir.resolve("o.csv"), null, false, null)).getMessage());
    }

    // --------------------------------------------------------------------------------------------------- SemEval

    private static final Charset CP1252 = Charset.forName("windows-1252");

    private Path semEval(String name, String... lines) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String l : lines) b.writeBytes((l + "\r\n").getBytes(CP1252));
        Path p = dir.resolve(name);
        Files.write(p, b.toByteArray());
        return p;
    }

    @Test
    void semEvalWindows1252AndCrlf() throws IOException {
        Path in = semEval("train.txt",
                "ID\tTarget\tTweet\tStance\tOpinion towards\tSentiment",
                "7\tSolar Power\tPanels on every roof \"now\" #SemST\tFAVOR\t1.  The tweet explicitly expresses opinion "
                        + "about the target\tPOSITIVE",
                "8\tSolar Power\tCafé owners hate the \"eco\" tax #SemST\tAGAINST\t2. other\tNEGATIVE",
                "",
                "9\tRail Strike\tTrains, trains, trains #SemST\tNONE\t3.  neither\tNEITHER");
        Path out = dir.resolve("semeval.csv");
        Importers.ImportReport r = Importers.importSemEval(in, out, null, false, warnings::add);
        assertEquals(3, r.rows());
        assertEquals(0, r.skipped());
        assertEquals(Map.of("favor", 1L, "against", 1L, "neutral", 1L), r.labelCounts());
        assertEquals(List.of(in + ": not valid UTF-8; read as windows-1252 (use --encoding to choose)"), warnings);

        assertTrue(Files.readString(out).startsWith("id,text,actor,stance,sentiment\r\n"));
        List<CSVRecord> rows = parse(out);
        assertEquals(3, rows.size());
        assertEquals(List.of("7", "Panels on every roof \"now\" #SemST", "Solar Power", "favor", "positive"),
                rows.get(0).toList());
        assertEquals("Café owners hate the \"eco\" tax #SemST", rows.get(1).get("text"));
        assertEquals("against", rows.get(1).get("stance"));
        assertEquals("negative", rows.get(1).get("sentiment"));
        assertEquals(List.of("9", "Trains, trains, trains #SemST", "Rail Strike", "neutral", "neutral"),
                rows.get(2).toList());
    }

    @Test
    void semEvalWithoutSentimentColumnAndExplicitEncoding() throws IOException {
        Path in = semEval("short.txt", "ID\tTarget\tTweet\tStance", "1\tTaxes\tNo more taxes! #SemST\tAGAINST");
        Path out = dir.resolve("short.csv");
        Importers.importSemEval(in, out, StandardCharsets.UTF_8, false, warnings::add);
        assertTrue(warnings.isEmpty());
        assertEquals(List.of("1", "No more taxes! #SemST", "Taxes", "against", ""), parse(out).get(0).toList());
    }

    @Test
    void semEvalBadStanceNamesLineAndColumn() throws IOException {
        Path in = semEval("bad.txt",
                "ID\tTarget\tTweet\tStance\tOpinion towards\tSentiment",
                "1\tTaxes\tFine. #SemST\tFAVOR\tx\tPOSITIVE",
                "",
                "2\tTaxes\tMaybe. #SemST\tUNSURE\tx\tPOSITIVE");
        Path out = dir.resolve("bad.csv");
        BadInputException e = assertThrows(BadInputException.class,
                () -> Importers.importSemEval(in, out, null, false, warnings::add));
        assertEquals(in + ", line 4, column 'Stance': unknown stance 'UNSURE'; expected FAVOR, AGAINST or NONE",
                e.getMessage());
        assertFalse(Files.exists(out));
        assertNoTempFiles(dir);
    }

    @Test
    void semEvalShortRowsAndMissingColumns() throws IOException {
        Path shortRow = semEval("short-row.txt", "ID\tTarget\tTweet\tStance\tOpinion towards\tSentiment",
                "1\tTaxes\tonly three");
        assertEquals(shortRow + ", line 2: expected 6 tab-separated columns, found 3",
                assertThrows(BadInputException.class, () -> Importers.importSemEval(shortRow, dir.resolve("a.csv"),
                        null, false, warnings::add)).getMessage());

        Path noStance = semEval("no-stance.txt", "ID\tTarget\tTweet", "1\tTaxes\ttext");
        assertTrue(assertThrows(BadInputException.class, () -> Importers.importSemEval(noStance,
                dir.resolve("b.csv"), null, false, warnings::add)).getMessage()
                .startsWith(noStance + ", line 1: missing column 'Stance'"));

        Path badSentiment = semEval("bad-sentiment.txt", "ID\tTarget\tTweet\tStance\tOpinion towards\tSentiment",
                "1\tTaxes\ttext\tNONE\tx\tHAPPY");
        assertEquals(badSentiment + ", line 2, column 'Sentiment': unknown sentiment 'HAPPY'; expected POSITIVE, "
                + "NEGATIVE or NEITHER", assertThrows(BadInputException.class, () -> Importers.importSemEval(
                badSentiment, dir.resolve("c.csv"), null, false, warnings::add)).getMessage());
    }

    @Test
    void semEvalRefusesToOverwriteWithoutForce() throws IOException {
        Path in = semEval("t.txt", "ID\tTarget\tTweet\tStance", "1\tTaxes\tYes #SemST\tFAVOR");
        Path out = dir.resolve("exists.csv");
        Files.writeString(out, "old");
        assertEquals(out + " exists; use --force to overwrite", assertThrows(BadInputException.class,
                () -> Importers.importSemEval(in, out, null, false, warnings::add)).getMessage());
        assertEquals("old", Files.readString(out));
        assertEquals(1, Importers.importSemEval(in, out, null, true, warnings::add).rows());
        assertEquals("favor", parse(out).get(0).get("stance"));
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static String line(String text, String gid, int from, int to, String mention, String polarity) {
        return "{\"primary_gid\": \"" + gid + "\", \"sentence_normalized\": \"" + text + "\", \"targets\": [{"
                + "\"Input.gid\": \"" + gid + "\", \"from\": " + from + ", \"to\": " + to + ", \"mention\": \""
                + mention + "\", \"polarity\": " + polarity + "}]}";
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content + "\n");
        return p;
    }

    private static List<CSVRecord> parse(Path csv) throws IOException {
        try (CSVParser p = CSVParser.builder().setPath(csv).setCharset(StandardCharsets.UTF_8)
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return p.getRecords();
        }
    }

    private static void assertNoTempFiles(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            List<String> tmp = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertEquals(List.of(), tmp);
        }
    }
}
