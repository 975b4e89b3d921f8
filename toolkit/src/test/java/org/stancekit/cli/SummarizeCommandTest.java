package org.stancekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.TestModels;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummarizeCommandTest {
    @TempDir
    Path dir;

    static String model() {
        return TestModels.tinyBundle().toString();
    }

    /** Sentences naming each actor, counted from score's JSONL output. */
    static Map<String, Integer> mentionsFromScore(Path in) throws IOException {
        Map<String, Integer> m = new HashMap<>();
        for (String line : Cli.run("score", in.toString(), "--model", model(), "--format", "jsonl").expectExit(0)
                .outLines()) {
            for (JsonNode st : ScoreCommandTest.JSON.readTree(line).get("stances")) {
                m.merge(st.get("actor").asText(), 1, Integer::sum);
            }
        }
        return m;
    }

    static void assertConsistent(JsonNode actor) {
        long mentions = actor.get("mentions").asLong(), sum = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = actor.get("counts").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sum += e.getValue().asLong();
            assertEquals((double) e.getValue().asLong() / mentions, actor.get("shares").get(e.getKey()).asDouble(),
                    0.00005, actor.toString());
        }
        assertEquals(mentions, sum, actor.toString());
        double mean = actor.get("mean_net").asDouble();
        assertTrue(mean >= -1 && mean <= 1);
        if (!actor.get("ci_low").isNull()) {
            assertTrue(actor.get("ci_low").asDouble() <= mean && mean <= actor.get("ci_high").asDouble(),
                    actor.toString());
        } else {
            assertEquals(1, mentions, "no interval only for a single sentence: " + actor);
        }
    }

    @Test
    void jsonSummaryMatchesTheScoredSentences() throws IOException {
        Path in = ReportTestData.write(dir, "in.jsonl", ReportTestData.CORPUS);
        JsonNode json = ScoreCommandTest.JSON.readTree(Cli.run("summarize", in.toString(), "--model", model(),
                "--format", "json").expectExit(0).out());
        assertEquals(List.of("favor", "against", "neutral", "uncertain"),
                ScoreCommandTest.JSON.convertValue(json.get("labels"), List.class));
        assertEquals(4, json.get("articles").size());
        assertEquals(4, json.get("corpus").get("articles").asInt());
        Map<String, Integer> expected = mentionsFromScore(in);
        Map<String, Integer> got = new HashMap<>();
        for (JsonNode a : json.get("corpus").get("actors")) {
            got.put(a.get("actor").asText(), a.get("mentions").asInt());
            assertConsistent(a);
        }
        assertEquals(expected, got);
        for (JsonNode art : json.get("articles")) art.get("actors").forEach(SummarizeCommandTest::assertConsistent);

        // by date: three days (auto = day over 19 days); the undated article is left out
        JsonNode byDate = json.get("by_date");
        assertEquals("day", byDate.get("period").asText());
        assertEquals(1, byDate.get("undated_articles").asInt());
        List<String> keys = new ArrayList<>();
        Map<String, Integer> dated = new HashMap<>();
        for (JsonNode p : byDate.get("periods")) {
            keys.add(p.get("date").asText());
            for (JsonNode a : p.get("actors")) {
                assertConsistent(a);
                dated.merge(a.get("actor").asText(), a.get("mentions").asInt(), Integer::sum);
            }
        }
        assertEquals(List.of("2026-02-02", "2026-02-04", "2026-02-21"), keys);
        Map<String, Integer> undated = new HashMap<>();
        for (JsonNode a : json.get("articles").get(3).get("actors")) {
            undated.put(a.get("actor").asText(), a.get("mentions").asInt());
        }
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue() - undated.getOrDefault(e.getKey(), 0), dated.getOrDefault(e.getKey(), 0),
                    e.getKey());
        }
    }

    @Test
    void csvHasTheSameNumbersAndAChartIsWritten() throws Exception {
        Path in = ReportTestData.write(dir, "in.jsonl", ReportTestData.CORPUS);
        Path csvOut = dir.resolve("summary.csv"), chart = dir.resolve("net.svg");
        Cli.run("summarize", in.toString(), "--model", model(), "--output", csvOut.toString(), "--chart",
                chart.toString(), "--period", "week").expectExit(0);
        List<CSVRecord> rows;
        try (CSVParser p = CSVParser.parse(new StringReader(Files.readString(csvOut)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            rows = p.getRecords();
        }
        assertEquals(List.of("2026-W06", "2026-W08"), rows.stream().filter(r -> r.get("scope").equals("date"))
                .map(r -> r.get("date")).distinct().toList());
        JsonNode json = ScoreCommandTest.JSON.readTree(Cli.run("summarize", in.toString(), "--model", model(),
                "--format", "json", "--period", "week").expectExit(0).out());
        for (JsonNode a : json.get("corpus").get("actors")) {
            CSVRecord r = rows.stream().filter(x -> x.get("scope").equals("corpus")
                    && x.get("actor").equals(a.get("actor").asText())).findFirst().orElseThrow();
            assertEquals(a.get("mentions").asText(), r.get("mentions"));
            assertEquals(a.get("counts").get("against").asText(), r.get("against"));
            assertEquals(a.get("mean_net").asDouble(), Double.parseDouble(r.get("mean_net")), 1e-12);
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document svg = f.newDocumentBuilder().parse(chart.toFile());
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        assertTrue(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength() > 0);
        assertTrue(Files.readString(chart).contains("by week"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("in.jsonl", "net.svg", "summary.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files");
        }
        // both exist now: refused without --force, replaced with it
        Cli.run("summarize", in.toString(), "--model", model(), "--chart", chart.toString()).expectOneLineError();
        Cli.run("summarize", in.toString(), "--model", model(), "--chart", chart.toString(), "--force")
                .expectExit(0);
    }

    @Test
    void minConfidenceCountsUncertainWithoutMovingTheMean() throws IOException {
        Path in = ReportTestData.write(dir, "in.jsonl", ReportTestData.CORPUS);
        JsonNode plain = ScoreCommandTest.JSON.readTree(Cli.run("summarize", in.toString(), "--model", model(),
                "--format", "json").expectExit(0).out());
        JsonNode all = ScoreCommandTest.JSON.readTree(Cli.run("summarize", in.toString(), "--model", model(),
                "--format", "json", "--min-confidence", "0.999").expectExit(0).out());
        assertEquals(0.999, all.get("min_confidence").asDouble());
        for (int i = 0; i < all.get("corpus").get("actors").size(); i++) {
            JsonNode a = all.get("corpus").get("actors").get(i), p = plain.get("corpus").get("actors").get(i);
            assertEquals(a.get("mentions").asLong(), a.get("counts").get("uncertain").asLong());
            assertEquals(1.0, a.get("shares").get("uncertain").asDouble());
            assertEquals(0, p.get("counts").get("uncertain").asLong());
            assertEquals(p.get("mean_net"), a.get("mean_net"));
        }
    }

    @Test
    void tableAndBadOptions() throws IOException {
        Path in = ReportTestData.write(dir, "in.jsonl", ReportTestData.CORPUS);
        String table = Cli.run("summarize", in.toString(), "--model", model(), "--format", "table", "--actor", "Japan")
                .expectExit(0).out();
        assertTrue(table.contains("== corpus  (4 articles"), table);
        assertTrue(table.contains("  Japan "), table);
        assertTrue(!table.contains("  Russia "), "--actor restricts: " + table);
        String undated = Cli.runWithInput("Japan praised the convoy. Russia condemned it.", "summarize", "--model",
                model(), "--chart", dir.resolve("u.svg").toString()).expectExit(0).err();
        assertTrue(undated.contains("no article has an ISO date"), undated);
        assertTrue(Files.readString(dir.resolve("u.svg")).contains("over the corpus"));
        assertTrue(Cli.run("summarize", in.toString(), "--model", model(), "--period", "fortnight")
                .expectOneLineError().contains("--period"));
        assertTrue(Cli.run("summarize", in.toString(), "--model", model(), "--format", "html")
                .expectOneLineError().contains("csv, json or table"));
        assertTrue(Cli.run("summarize", in.toString(), "--model", model(), "--min-confidence", "-1")
                .expectOneLineError().contains("--min-confidence"));
        assertTrue(Cli.run("summarize", in.toString(), "--model", model(), "--actor", "Atlantis")
                .expectOneLineError().contains("Atlantis"));
    }
}
