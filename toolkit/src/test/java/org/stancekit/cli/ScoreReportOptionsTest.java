package org.stancekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.TestModels;
import org.stancekit.score.Article;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.SentenceResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** score --format html, --explain and --min-confidence. */
class ScoreReportOptionsTest {
    @TempDir
    Path dir;

    static String model() {
        return TestModels.tinyBundle().toString();
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    static List<ArticleResult> library(List<Article> articles) {
        return articles.stream().map(a -> TestModels.tinyScorer().score(a)).toList();
    }

    @Test
    void htmlEscapesHostileTextAndHasOneSpanPerSentence() throws IOException {
        List<Article> articles = new ArrayList<>(ReportTestData.CORPUS);
        articles.add(0, ReportTestData.HOSTILE);
        Path in = ReportTestData.write(dir, "in.jsonl", articles);
        Path out = dir.resolve("report.html");
        Cli.run("score", in.toString(), "--model", model(), "--format", "html", "--output", out.toString())
                .expectExit(0);
        String html = Files.readString(out);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 50));
        assertTrue(html.trim().endsWith("</html>"));
        // only the page's own two scripts; the input's markup is text
        assertEquals(2, count(html, "<script>"), "script elements");
        assertFalse(html.contains("<script>document"), "raw script from the input");
        assertFalse(html.contains("<img"), "raw img from the input");
        assertTrue(html.contains("&lt;script&gt;document.documentElement.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)"
                + "&lt;/script&gt;"), "escaped text");
        assertTrue(html.contains("&lt;/span&gt;&lt;/div&gt;&lt;/article&gt;"));
        assertTrue(html.contains("Hostile &lt;script&gt;"), "title escaped");
        assertTrue(html.contains("&amp; &quot;quoted&quot; &#39;title&#39;"));
        assertTrue(html.contains("data-id=\"x&lt;script&gt;"), "id escaped in the attribute");
        assertFalse(Pattern.compile("<[^>]*\\s(src|href|action)=").matcher(html).find(), "nothing loaded or linked");
        assertTrue(html.contains("Content-Security-Policy"));

        int expected = library(articles).stream().mapToInt(r -> r.sentences().size()).sum();
        assertEquals(expected, count(html, "<span class=\"s[ \"]"), "one span per sentence");
        assertEquals(articles.size(), count(html, "<article class=\"art\""));
        // the summary table lists every actor the sentences name
        for (ArticleResult r : library(articles)) {
            for (SentenceResult s : r.sentences()) {
                s.stances().forEach(st -> assertTrue(html.contains("<tr data-actor=\"" + st.actor() + "\">"),
                        st.actor()));
            }
        }
        assertTrue(html.indexOf("<section id=\"summary\">") > html.indexOf("</main>"), "summary streamed last");
        assertTrue(html.contains("<div class=\"chart\"><svg"), "dated articles give a chart");
    }

    @Test
    void focusColoursTheSentencesThatNameTheActor() throws IOException {
        Path in = ReportTestData.write(dir, "in.jsonl", ReportTestData.CORPUS);
        String html = Cli.run("score", in.toString(), "--model", model(), "--format", "html", "--focus", "Russia",
                "--title", "Week <1>").expectExit(0).out();
        assertTrue(html.contains("<body data-focus=\"Russia\">"));
        assertTrue(html.contains("<title>Week &lt;1&gt;</title>"));
        long naming = library(ReportTestData.CORPUS).stream().flatMap(r -> r.sentences().stream())
                .filter(s -> s.stances().stream().anyMatch(st -> st.actor().equals("Russia"))).count();
        assertTrue(naming >= 3);
        assertEquals(naming, count(html, "<span class=\"s st-[a-z-]+ hit\""));
        assertTrue(html.contains("<option value=\"Russia\" selected>"));
        String bad = Cli.run("score", in.toString(), "--model", model(), "--format", "html", "--focus", "Atlantis")
                .expectOneLineError();
        assertTrue(bad.contains("--focus Atlantis"), bad);
    }

    @Test
    void explainAddsSignedContributionsToEveryLabel() throws IOException {
        String text = "The minister condemned Russia for the brutal and reckless attack on the convoy.\n"
                + "The minister praised Japan for its generous and welcome support for the relief effort.";
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Cli.runWithInput(text, "score", "--model", model(), "--format", "jsonl", "--explain")
                .expectExit(0).outLines()) {
            lines.add(ScoreCommandTest.JSON.readTree(l));
        }
        assertEquals(2, lines.size());
        String[] expected = {"against", "favor"};
        for (int i = 0; i < 2; i++) {
            JsonNode sentiment = lines.get(i).get("sentiment");
            assertEquals(sentiment.get("label").asText(), sentiment.get("explanation").get("label").asText());
            assertEquals(5, sentiment.get("explanation").get("features").size());
            JsonNode stance = lines.get(i).get("stances").get(0);
            assertEquals(expected[i], stance.get("label").asText());
            JsonNode why = stance.get("explanation");
            assertEquals(expected[i], why.get("label").asText());
            JsonNode features = why.get("features");
            assertEquals(5, features.size());
            double previous = Double.MAX_VALUE, sum = 0;
            for (JsonNode f : features) {
                assertTrue(f.get("feature").asText().contains("="), f.toString());
                assertFalse(f.get("description").asText().isBlank());
                double c = f.get("contribution").asDouble();
                assertTrue(Math.abs(c) <= previous + 1e-9, "by decreasing magnitude");
                previous = Math.abs(c);
                sum += c;
            }
            assertTrue(sum > 0 && sum + why.get("rest").asDouble() > 0,
                    "on balance the features push toward the label: " + why);
            assertTrue(why.get("rest").isNumber());
        }
        String plain = Cli.runWithInput(text, "score", "--model", model(), "--format", "jsonl").expectExit(0).out();
        assertFalse(plain.contains("explanation"));
        String table = Cli.runWithInput(text, "score", "--model", model(), "--format", "table", "--explain")
                .expectExit(0).out();
        assertTrue(table.contains("why Russia against: +"), table);
        Cli csv = Cli.runWithInput(text, "score", "--model", model(), "--format", "csv", "--explain").expectExit(0);
        assertTrue(csv.err().contains("--explain"), "csv has no room for explanations: warned");
        String html = Cli.runWithInput(text, "score", "--model", model(), "--format", "html", "--explain")
                .expectExit(0).out();
        assertTrue(html.contains("why against:"), "explanations in the tooltips");
    }

    @Test
    void minConfidenceReportsUncertainAndKeepsTheProbabilities() throws IOException {
        Path in = ReportTestData.write(dir, "in.jsonl", ReportTestData.CORPUS);
        List<String> plain = Cli.run("score", in.toString(), "--model", model(), "--format", "jsonl").expectExit(0)
                .outLines();
        List<String> abstaining = Cli.run("score", in.toString(), "--model", model(), "--format", "jsonl",
                "--min-confidence", "0.999").expectExit(0).outLines();
        assertEquals(plain.size(), abstaining.size());
        int stances = 0;
        for (int i = 0; i < plain.size(); i++) {
            JsonNode p = ScoreCommandTest.JSON.readTree(plain.get(i));
            JsonNode a = ScoreCommandTest.JSON.readTree(abstaining.get(i));
            assertEquals("uncertain", a.get("sentiment").get("label").asText());
            assertEquals(p.get("sentiment").get("probabilities"), a.get("sentiment").get("probabilities"));
            assertEquals(p.get("sentiment").get("confidence"), a.get("sentiment").get("confidence"));
            for (int k = 0; k < a.get("stances").size(); k++) {
                JsonNode ps = p.get("stances").get(k), as = a.get("stances").get(k);
                assertEquals("uncertain", as.get("label").asText());
                assertEquals(ps.get("probabilities"), as.get("probabilities"));
                stances++;
            }
        }
        assertTrue(stances > 5);
        // a middle threshold abstains exactly where the top probability is lower
        List<String> mid = Cli.run("score", in.toString(), "--model", model(), "--format", "jsonl",
                "--min-confidence", "0.6").expectExit(0).outLines();
        for (int i = 0; i < plain.size(); i++) {
            JsonNode p = ScoreCommandTest.JSON.readTree(plain.get(i)), m = ScoreCommandTest.JSON.readTree(mid.get(i));
            for (int k = 0; k < m.get("stances").size(); k++) {
                double conf = p.get("stances").get(k).get("confidence").asDouble();
                assertEquals(conf < 0.6 ? "uncertain" : p.get("stances").get(k).get("label").asText(),
                        m.get("stances").get(k).get("label").asText());
            }
        }
        List<CSVRecord> rows = ScoreCommandTest.csv(Cli.run("score", in.toString(), "--model", model(), "--format",
                "csv", "--min-confidence", "1").expectExit(0).out());
        for (CSVRecord r : rows) {
            assertEquals("uncertain", r.get("sentiment"));
            if (!r.get("actor").isEmpty()) assertEquals("uncertain", r.get("stance"));
            Double.parseDouble(r.get("sentiment_confidence"));
        }
        String bad = Cli.run("score", in.toString(), "--model", model(), "--min-confidence", "1.5")
                .expectOneLineError();
        assertTrue(bad.contains("--min-confidence"), bad);
    }

    @Test
    void htmlToAnOutputFileLeavesNoTemporaryFile() throws IOException {
        Path in = ReportTestData.write(dir, "in.jsonl", ReportTestData.CORPUS);
        Path out = dir.resolve("r.html");
        Cli.run("score", in.toString(), "--model", model(), "--format", "html", "--output", out.toString())
                .expectExit(0);
        Cli.run("score", in.toString(), "--model", model(), "--format", "html", "--output", out.toString())
                .expectOneLineError();
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("in.jsonl", "r.html"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
