package org.stancekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.TestModels;
import org.stancekit.score.Article;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.SentenceResult;
import org.stancekit.score.StanceResult;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreCommandTest {
    static final String HEADER = "article_id,sentence_index,start,end,sentence,sentiment,sentiment_confidence,actor,"
            + "mention,stance,stance_confidence";
    static final String ARTICLE = "Ukraine thanked the EU for the new aid package while condemning Russia's latest "
            + "missile strikes on Kyiv. The weather stayed mild all week.\n\nChinese officials said Beijing would "
            + "send an envoy.";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static String model() {
        return TestModels.tinyBundle().toString();
    }

    static List<CSVRecord> csv(String text) throws IOException {
        try (CSVParser p = CSVParser.parse(new StringReader(text),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(List.of(HEADER.split(",")), p.getHeaderNames());
            return p.getRecords();
        }
    }

    static String confidence(double c) {
        return String.format(Locale.ROOT, "%.4f", c);
    }

    /** The CSV rows the library result implies, in the documented layout. */
    static List<List<String>> expectedRows(ArticleResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (SentenceResult s : r.sentences()) {
            List<String> base = List.of(r.id(), Integer.toString(s.index()), Integer.toString(s.start()),
                    Integer.toString(s.end()), s.text().replace('\n', ' '), s.sentiment().label(),
                    confidence(s.sentiment().confidence()));
            if (s.stances().isEmpty()) {
                List<String> row = new ArrayList<>(base);
                row.addAll(List.of("", "", "", ""));
                rows.add(row);
            }
            for (StanceResult st : s.stances()) {
                List<String> row = new ArrayList<>(base);
                row.addAll(List.of(st.actor(), String.join("|", st.mentions().stream().map(m -> m.text()).distinct()
                        .toList()), st.label(), confidence(st.stance().confidence())));
                rows.add(row);
            }
        }
        return rows;
    }

    static List<List<String>> values(List<CSVRecord> records) {
        return records.stream().map(CSVRecord::toList).toList();
    }

    @Test
    void txtFileAsCsv() throws IOException {
        Path txt = TestModels.write(dir, "ukraine-aid.txt", ARTICLE);
        Cli r = Cli.run("score", txt.toString(), "--model", model(), "--format", "csv").expectExit(0);
        assertEquals(HEADER, r.outLines().get(0), "header exactly");
        List<CSVRecord> rows = csv(r.out());
        ArticleResult expected = TestModels.tinyScorer().score(new Article("ukraine-aid", ARTICLE));
        assertEquals(expectedRows(expected), values(rows), "the CSV says what the library says");
        assertEquals(List.of("Ukraine", "EU", "Russia"),
                rows.stream().filter(x -> x.get("sentence_index").equals("0")).map(x -> x.get("actor")).toList());
        CSVRecord weather = rows.stream().filter(x -> x.get("sentence_index").equals("1")).findFirst().orElseThrow();
        assertEquals("", weather.get("actor"), "a sentence naming no actor gets one row with empty actor");
        assertEquals("", weather.get("stance"));
        assertEquals("", weather.get("stance_confidence"));
        assertFalse(weather.get("sentiment").isEmpty());
        assertEquals("Ukraine|Kyiv", rows.get(0).get("mention"));
        for (CSVRecord row : rows) {
            int start = Integer.parseInt(row.get("start")), end = Integer.parseInt(row.get("end"));
            assertEquals(ARTICLE.substring(start, end), row.get("sentence"));
        }
        assertEquals("", r.err());
    }

    @Test
    void aHardWrappedArticleIsReadAsWholeSentencesUnlessLineBreaksAreBoundaries() throws IOException {
        String wrapped = org.stancekit.text.LineBreaksTest.WRAPPED;
        Path txt = TestModels.write(dir, "baltic-grid.txt", wrapped);
        List<CSVRecord> auto = csv(Cli.run("score", txt.toString(), "--model", model(), "--format", "csv")
                .expectExit(0).out());
        List<String> sentences = auto.stream().map(x -> x.get("sentence")).distinct().toList();
        assertEquals(org.stancekit.text.LineBreaksTest.SENTENCES, sentences);
        for (CSVRecord row : auto) { // offsets into the file's text; the wraps read as spaces
            int start = Integer.parseInt(row.get("start")), end = Integer.parseInt(row.get("end"));
            assertEquals(wrapped.substring(start, end).replace('\n', ' '), row.get("sentence"));
        }
        assertTrue(auto.stream().anyMatch(x -> x.get("actor").equals("Belarus")
                && x.get("mention").equals("Belarus")), "the dateline's sentence names Belarus");
        ArticleResult lib = TestModels.tinyScorer().score(new Article("baltic-grid", wrapped));
        assertEquals(expectedRows(lib), values(auto), "the library reads line breaks the same way by default");
        assertEquals(expectedRows(TestModels.tinyScorer().withLineBreaks(org.stancekit.text.LineBreaks.WRAPPED)
                .score(new Article("baltic-grid", wrapped))), values(auto));

        List<CSVRecord> boundary = csv(Cli.run("score", txt.toString(), "--model", model(), "--format", "csv",
                "--line-breaks", "boundary").expectExit(0).out());
        assertEquals(9, boundary.stream().map(x -> x.get("sentence_index")).distinct().count(),
                "every line a sentence");
        String err = Cli.run("score", txt.toString(), "--model", model(), "--line-breaks", "soft")
                .expectOneLineError();
        assertTrue(err.contains("--line-breaks") && err.contains("'soft'"), err);
    }

    @Test
    void jsonlFileAsCsvAndJsonl() throws IOException {
        Path jsonl = TestModels.write(dir, "news.jsonl",
                "{\"id\": \"n1\", \"title\": \"Aid\", \"text\": \"NATO praised Finland for its swift accession.\"}\n"
                        + "\n"
                        + "{\"id\": 42, \"text\": \"Markets were calm. Iran denied the report.\", \"date\": "
                        + "\"2024-03-01\"}\n");
        Cli c = Cli.run("score", jsonl.toString(), "--model", model(), "--format", "csv").expectExit(0);
        List<CSVRecord> rows = csv(c.out());
        assertEquals(List.of("n1", "n1", "42", "42"), rows.stream().map(x -> x.get("article_id")).toList());
        assertEquals(List.of("NATO", "Finland", "", "Iran"), rows.stream().map(x -> x.get("actor")).toList());

        Cli j = Cli.run("score", jsonl.toString(), "--model", model(), "--format", "jsonl").expectExit(0);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : j.outLines()) lines.add(JSON.readTree(line));
        assertEquals(3, lines.size(), "one object per sentence");
        JsonNode first = lines.get(0);
        assertEquals("n1", first.get("article_id").asText());
        assertEquals("Aid", first.get("title").asText());
        assertEquals(0, first.get("sentence_index").asInt());
        assertEquals("NATO praised Finland for its swift accession.", first.get("text").asText());
        assertTrue(first.get("sentiment").get("probabilities").size() == 3);
        JsonNode finland = first.get("stances").get(1);
        assertEquals("Finland", finland.get("actor").asText());
        assertEquals("Finland", finland.get("mentions").get(0).get("text").asText());
        assertEquals(13, finland.get("mentions").get(0).get("start").asInt());
        assertEquals(20, finland.get("mentions").get(0).get("end").asInt());
        assertTrue(List.of("favor", "against", "neutral").contains(finland.get("label").asText()));
        double sum = 0;
        for (JsonNode p : finland.get("probabilities")) sum += p.asDouble();
        assertEquals(1.0, sum, 1e-5);
        assertFalse(first.get("truncated").asBoolean());
        JsonNode calm = lines.get(1);
        assertEquals("42", calm.get("article_id").asText());
        assertEquals("2024-03-01", calm.get("date").asText());
        assertEquals(0, calm.get("stances").size());
        JsonNode iran = lines.get(2);
        assertEquals(19, iran.get("start").asInt(), "sentence offsets are article offsets");
        assertEquals(19, iran.get("stances").get(0).get("mentions").get(0).get("start").asInt());
    }

    @Test
    void stdinInput() throws IOException {
        Cli r = Cli.runWithInput("Putin met Zelensky. Nothing came of it.", "score", "--model", model(), "--format",
                "csv").expectExit(0);
        List<CSVRecord> rows = csv(r.out());
        assertEquals(List.of("stdin", "stdin", "stdin"), rows.stream().map(x -> x.get("article_id")).toList());
        assertEquals(List.of("Russia", "Ukraine", ""), rows.stream().map(x -> x.get("actor")).toList());

        Cli dash = Cli.runWithInput("{\"id\":\"s1\",\"text\":\"Israel thanked Egypt.\"}\n", "score", "-", "--model",
                model(), "--format", "csv").expectExit(0);
        assertEquals(List.of("s1", "s1"), csv(dash.out()).stream().map(x -> x.get("article_id")).toList(),
                "JSONL on stdin");
    }

    @Test
    void defaultFormatOffATerminalIsCsv() {
        Cli r = Cli.runWithInput("Chile won.", "score", "--model", model()).expectExit(0);
        assertEquals(HEADER, r.outLines().get(0));
    }

    @Test
    void outputFileIsWrittenAndNotOverwrittenWithoutForce() throws IOException {
        Path txt = TestModels.write(dir, "a.txt", ARTICLE);
        Path out = dir.resolve("results").resolve("out.csv");
        Cli first = Cli.run("score", txt.toString(), "--model", model(), "--format", "csv", "--output",
                out.toString()).expectExit(0);
        assertEquals("", first.out(), "results go to the file");
        String written = Files.readString(out);
        assertTrue(written.startsWith(HEADER + "\r\n") || written.startsWith(HEADER + "\n"), written);
        assertEquals(expectedRows(TestModels.tinyScorer().score(new Article("a", ARTICLE))), values(csv(written)));

        Files.writeString(out, "precious");
        String line = Cli.run("score", txt.toString(), "--model", model(), "--output", out.toString())
                .expectOneLineError();
        assertTrue(line.contains(out.toString()) && line.contains("--force"), line);
        assertEquals("precious", Files.readString(out), "file untouched");

        Cli.run("score", txt.toString(), "--model", model(), "--format", "jsonl", "--output", out.toString(),
                "--force").expectExit(0);
        assertTrue(Files.readString(out).startsWith("{\"article_id\":\"a\""));
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of("out.csv"), files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file left");
        }
    }

    @Test
    void inputWithoutArticlesLeavesAnExistingOutputAlone() throws IOException {
        Path empty = TestModels.write(dir, "blank.jsonl", "\n   \n\n");
        Path out = TestModels.write(dir, "keep.csv", "precious");
        String line = Cli.run("score", empty.toString(), "--model", model(), "--output", out.toString(), "--force")
                .expectOneLineError();
        assertTrue(line.contains("no articles in " + empty), line);
        assertEquals("precious", Files.readString(out), "an empty result does not replace the file");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("blank.jsonl", "keep.csv"), files.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "no temporary file left");
        }
    }

    @Test
    void badScoreOptions() throws IOException {
        Path txt = TestModels.write(dir, "a.txt", "Chile won.");
        Path outDir = Files.createDirectories(dir.resolve("a-directory"));
        String isDir = Cli.run("score", txt.toString(), "--model", model(), "--output", outDir.toString(), "--force")
                .expectOneLineError();
        assertTrue(isDir.contains("is a directory"), isDir);
        try (Stream<Path> files = Files.list(outDir)) {
            assertEquals(0, files.count());
        }
        assertTrue(Cli.run("score", txt.toString(), "--model", model(), "--format", "xml").expectOneLineError()
                .contains("xml"));
        assertTrue(Cli.run("score", txt.toString(), "--model", model(), "--threads", "0").expectOneLineError()
                .contains("--threads"));
        assertTrue(Cli.run("info", "--model", model(), "--format", "xml").expectOneLineError().contains("xml"));
    }

    @Test
    void unwritableOutputIsAFailureInOneLine() throws IOException {
        Path txt = TestModels.write(dir, "a.txt", "Chile won.");
        Path notADir = TestModels.write(dir, "plain-file", "x");
        Cli r = Cli.run("score", txt.toString(), "--model", model(), "--output",
                notADir.resolve("out.csv").toString()).expectExit(1);
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("stancekit: cannot write " + notADir.resolve("out.csv")), r.err());
        assertTrue(r.err().contains("not a directory"), r.err());
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
    }

    @Test
    void actorOptionRestricts() throws IOException {
        Cli r = Cli.runWithInput(ARTICLE, "score", "--model", model(), "--format", "csv", "--actor", "Russia",
                "--actor", "China").expectExit(0);
        List<CSVRecord> rows = csv(r.out());
        assertEquals(List.of("Russia", "", "China"), rows.stream().map(x -> x.get("actor")).toList());

        Cli us = Cli.runWithInput("US troops left. The EU objected.", "score", "--model", model(), "--format", "csv",
                "--actor", "US").expectExit(0);
        assertEquals(List.of("US", ""), csv(us.out()).stream().map(x -> x.get("actor")).toList());
    }

    @Test
    void unknownActorIsBadUsage() {
        String line = Cli.runWithInput(ARTICLE, "score", "--model", model(), "--actor", "Atlantis")
                .expectOneLineError();
        assertTrue(line.contains("--actor Atlantis") && line.contains("stancekit actors"), line);
    }

    @Test
    void badJsonlLineIsSkippedWithExit3() throws IOException {
        Path jsonl = TestModels.write(dir, "mixed.jsonl",
                "{\"id\":\"ok1\",\"text\":\"Chile praised Peru.\"}\n"
                        + "{\"id\":\"broken\",\"text\":\"unterminated\n"
                        + "{\"id\":\"no-text\"}\n"
                        + "{\"id\":\"ok2\",\"text\":\"Iran denied it.\"}\n");
        Cli r = Cli.run("score", jsonl.toString(), "--model", model(), "--format", "csv").expectExit(3);
        assertEquals(List.of("ok1", "ok1", "ok2"), csv(r.out()).stream().map(x -> x.get("article_id")).toList());
        List<String> warnings = r.errLines().stream().filter(l -> l.startsWith("warning: skipped: ")).toList();
        assertEquals(2, warnings.size(), r.err());
        assertTrue(warnings.get(0).contains(jsonl + ", line 2"), warnings.get(0));
        assertTrue(warnings.get(1).contains("line 3") && warnings.get(1).contains("text"), warnings.get(1));
        assertTrue(r.err().contains("2 article(s) scored, 2 input(s) skipped"), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());

        Cli fast = Cli.run("score", jsonl.toString(), "--model", model(), "--fail-fast");
        fast.expectExit(2);
        assertTrue(fast.err().contains("line 2"), fast.err());
    }

    @Test
    void missingInputFileIsSkipped() throws IOException {
        Path txt = TestModels.write(dir, "real.txt", "Chile praised Peru.");
        Cli r = Cli.run("score", dir.resolve("ghost.txt").toString(), txt.toString(), "--model", model(),
                "--format", "csv").expectExit(3);
        assertEquals(List.of("real", "real"), csv(r.out()).stream().map(x -> x.get("article_id")).toList());
        assertTrue(r.err().contains("ghost.txt: no such file"), r.err());
    }

    @Test
    void threadsGiveTheSameOutputAsOneThread() {
        StringBuilder jsonl = new StringBuilder();
        String[] sentences = {"NATO praised Finland.", "Iran denied the report.", "Markets were calm.",
                "Israeli officials blamed Hamas for the collapse of the talks.", "Japan thanked Australia."};
        for (int i = 0; i < 120; i++) {
            jsonl.append("{\"id\":\"a").append(i).append("\",\"text\":\"").append(sentences[i % 5]).append(' ')
                    .append(sentences[(i * 7) % 5]).append("\"}\n");
        }
        Path in = TestModels.write(dir, "many.jsonl", jsonl.toString());
        Cli one = Cli.run("score", in.toString(), "--model", model(), "--format", "jsonl", "--threads", "1")
                .expectExit(0);
        Cli four = Cli.run("score", in.toString(), "--model", model(), "--format", "jsonl", "--threads", "4")
                .expectExit(0);
        assertEquals(one.out(), four.out());
        assertTrue(one.outLines().size() >= 240, "every article scored");
    }
}
