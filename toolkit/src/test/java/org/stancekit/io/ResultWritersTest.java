package org.stancekit.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.stancekit.BadInputException;
import org.stancekit.actors.Mention;
import org.stancekit.model.Prediction;
import org.stancekit.score.Article;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.SentenceResult;
import org.stancekit.score.StanceResult;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultWritersTest {
    private static final List<String> SENTIMENT = List.of("negative", "neutral", "positive");
    private static final List<String> STANCE = List.of("against", "neutral", "favor");

    /** Two sentences: the first names the mayor twice and the union once, the second names nobody. */
    static ArticleResult sample() {
        String s0 = "Mayor Lee called the strike reckless;\nLee said the union lied.";
        String s1 = "Buses ran late.";
        Article article = new Article("a1", "Strike day", s0 + " " + s1, "2024-05-02");
        StanceResult mayor = new StanceResult("lee",
                List.of(new Mention("lee", 0, 9, "Mayor Lee"), new Mention("lee", 38, 41, "Lee"),
                        new Mention("lee", 50, 53, "Lee")),
                Prediction.of(STANCE, new double[]{0.1234567, 0.1065433, 0.77}));
        StanceResult union = new StanceResult("union", List.of(new Mention("union", 55, 60, "union")),
                Prediction.of(STANCE, new double[]{0.8, 0.15, 0.05}));
        SentenceResult first = new SentenceResult(0, 0, s0.length(), s0,
                Prediction.of(SENTIMENT, new double[]{0.81, 0.14, 0.05}), List.of(mayor, union), false);
        SentenceResult second = new SentenceResult(1, s0.length() + 1, s0.length() + 1 + s1.length(), s1,
                Prediction.of(SENTIMENT, new double[]{0.2, 0.7, 0.1}), List.of(), true);
        return new ArticleResult(article, List.of(first, second));
    }

    /** A writer that records whether it was closed. */
    static final class TrackingWriter extends StringWriter {
        boolean closed;
        int flushes;

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public void flush() {
            flushes++;
        }
    }

    @Test
    void csvHeaderAndRows() throws IOException {
        TrackingWriter out = new TrackingWriter();
        try (ResultWriter w = ResultWriters.create("csv", out)) {
            w.write(sample());
            assertTrue(out.flushes > 0, "flushed after the article");
        }
        assertFalse(out.closed);
        String csv = out.toString();
        assertTrue(csv.startsWith("article_id,sentence_index,start,end,sentence,sentiment,sentiment_confidence,"
                + "actor,mention,stance,stance_confidence\r\n"), csv);

        List<CSVRecord> rows = parse(csv);
        assertEquals(3, rows.size());
        CSVRecord lee = rows.get(0);
        assertEquals("a1", lee.get("article_id"));
        assertEquals("0", lee.get("sentence_index"));
        assertEquals("0", lee.get("start"));
        assertEquals("Mayor Lee called the strike reckless; Lee said the union lied.", lee.get("sentence"));
        assertEquals("negative", lee.get("sentiment"));
        assertEquals("0.8100", lee.get("sentiment_confidence"));
        assertEquals("lee", lee.get("actor"));
        assertEquals("Mayor Lee|Lee", lee.get("mention"));
        assertEquals("favor", lee.get("stance"));
        assertEquals("0.7700", lee.get("stance_confidence"));
        assertEquals("union", rows.get(1).get("actor"));
        assertEquals("against", rows.get(1).get("stance"));

        CSVRecord none = rows.get(2);
        assertEquals("1", none.get("sentence_index"));
        assertEquals(String.valueOf(sample().sentences().get(1).start()), none.get("start"));
        assertEquals("neutral", none.get("sentiment"));
        assertEquals("0.7000", none.get("sentiment_confidence"));
        assertEquals("", none.get("actor"));
        assertEquals("", none.get("mention"));
        assertEquals("", none.get("stance"));
        assertEquals("", none.get("stance_confidence"));
    }

    @Test
    void csvHeaderIsWrittenEvenWithoutArticles() throws IOException {
        StringWriter out = new StringWriter();
        ResultWriters.create("CSV", out).close();
        assertEquals("article_id,sentence_index,start,end,sentence,sentiment,sentiment_confidence,actor,mention,"
                + "stance,stance_confidence\r\n", out.toString());
    }

    @Test
    void csvHeaderIsWrittenOnce() throws IOException {
        StringWriter out = new StringWriter();
        try (ResultWriter w = ResultWriters.create("csv", out)) {
            w.write(sample());
            w.write(sample());
        }
        assertEquals(1, out.toString().split("article_id,", -1).length - 1);
        assertEquals(6, parse(out.toString()).size());
    }

    @Test
    void jsonlStructure() throws IOException {
        TrackingWriter out = new TrackingWriter();
        try (ResultWriter w = ResultWriters.create("jsonl", out)) {
            w.write(sample());
        }
        assertFalse(out.closed);
        String[] lines = out.toString().split("\n");
        assertEquals(2, lines.length);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines[0]);
        assertEquals(List.of("article_id", "title", "date", "sentence_index", "start", "end", "text", "sentiment",
                "stances", "truncated"), fieldNames(first));
        assertEquals("a1", first.get("article_id").asText());
        assertEquals("Strike day", first.get("title").asText());
        assertEquals("2024-05-02", first.get("date").asText());
        assertEquals(0, first.get("sentence_index").asInt());
        assertTrue(first.get("text").asText().contains("\n"), "JSONL keeps the text as it is");
        JsonNode sentiment = first.get("sentiment");
        assertEquals(List.of("label", "confidence", "probabilities"), fieldNames(sentiment));
        assertEquals("negative", sentiment.get("label").asText());
        assertEquals(0.81, sentiment.get("confidence").asDouble(), 1e-9);
        assertEquals(List.of("negative", "neutral", "positive"), fieldNames(sentiment.get("probabilities")));

        JsonNode stances = first.get("stances");
        assertEquals(2, stances.size());
        JsonNode lee = stances.get(0);
        assertEquals(List.of("actor", "mentions", "label", "confidence", "probabilities"), fieldNames(lee));
        assertEquals("lee", lee.get("actor").asText());
        assertEquals(3, lee.get("mentions").size());
        JsonNode m = lee.get("mentions").get(1);
        assertEquals(List.of("text", "start", "end"), fieldNames(m));
        assertEquals("Lee", m.get("text").asText());
        assertEquals(38, m.get("start").asInt());
        assertEquals(41, m.get("end").asInt());
        assertEquals("favor", lee.get("label").asText());
        // rounded to 6 decimals and written plainly
        assertTrue(lines[0].contains("\"against\":0.123457"), lines[0]);
        assertEquals(0.123457, lee.get("probabilities").get("against").asDouble(), 0);
        assertFalse(first.get("truncated").asBoolean());

        JsonNode second = mapper.readTree(lines[1]);
        assertEquals(1, second.get("sentence_index").asInt());
        assertEquals(0, second.get("stances").size());
        assertTrue(second.get("truncated").asBoolean());
    }

    @Test
    void jsonlLeavesOutMissingTitleAndDate() throws IOException {
        ArticleResult r = sample();
        ArticleResult bare = new ArticleResult(new Article("b", r.article().text()), r.sentences());
        StringWriter out = new StringWriter();
        try (ResultWriter w = ResultWriters.create("jsonl", out)) {
            w.write(bare);
        }
        JsonNode n = new ObjectMapper().readTree(out.toString().split("\n")[0]);
        assertFalse(n.has("title"));
        assertFalse(n.has("date"));
        assertEquals("sentence_index", fieldNames(n).get(1));
    }

    @Test
    void roundingIsPlain() {
        assertEquals("0.000001", JsonlResultWriter.round6(0.00000123).toPlainString());
        assertEquals("1.0", JsonlResultWriter.round6(0.9999999).toPlainString());
        assertEquals("0.0", JsonlResultWriter.round6(1e-9).toPlainString());
        assertEquals("0.5", JsonlResultWriter.round6(0.5).toPlainString());
    }

    @Test
    void tableIsReadable() throws IOException {
        TrackingWriter out = new TrackingWriter();
        try (ResultWriter w = ResultWriters.create("table", out)) {
            w.write(sample());
        }
        assertFalse(out.closed);
        String t = out.toString();
        assertTrue(t.startsWith("== a1: Strike day  (2024-05-02)  [2 sentences]\n"), t);
        assertTrue(t.contains("#0  negative 0.81"), t);
        assertTrue(t.contains("lee: favor 0.77"), t);
        assertTrue(t.contains("union: against 0.80"), t);
        assertTrue(t.contains("#1  neutral  0.70"), t);
        assertTrue(t.contains("(no actors)"), t);
        assertTrue(t.contains("Mayor Lee called the strike reckless; Lee said the union lied."), t);
        assertFalse(t.contains("\u001B"), "no colours unless asked");
        for (String line : t.split("\n")) {
            assertTrue(line.length() <= TableResultWriter.WIDTH + 4, line);
        }
    }

    @Test
    void tableColours() throws IOException {
        StringWriter out = new StringWriter();
        try (ResultWriter w = ResultWriters.create("table", out, true)) {
            w.write(sample());
        }
        String t = out.toString();
        assertTrue(t.contains("\u001B[32mfavor\u001B[0m"), t);
        assertTrue(t.contains("\u001B[31magainst\u001B[0m"), t);
    }

    @Test
    void tableWrapsAndCutsLongSentences() {
        String text = "word ".repeat(200).strip();
        List<String> lines = TableResultWriter.wrap(text, 60, 3);
        assertEquals(3, lines.size());
        for (String l : lines) assertTrue(l.length() <= 60, l);
        assertTrue(lines.get(2).endsWith(" ..."));
        assertEquals(List.of("short"), TableResultWriter.wrap("short", 60, 3));
        assertEquals(2, TableResultWriter.wrap("x".repeat(100), 60, 3).size());
    }

    @Test
    void tableShowsArticlesWithoutSentences() throws IOException {
        StringWriter out = new StringWriter();
        try (ResultWriter w = ResultWriters.create("table", out)) {
            w.write(new ArticleResult(new Article("empty", " "), List.of()));
        }
        assertEquals("== empty  [0 sentences]\n  (no sentences)\n", out.toString());
    }

    @Test
    void unknownFormat() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> ResultWriters.create("xml", new StringWriter()));
        assertEquals("unknown --format 'xml'; use csv, jsonl, table or html", e.getMessage());
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(csv))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return p.getRecords();
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }
}
