package org.stancekit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.stancekit.model.Prediction;
import org.stancekit.score.Article;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.SentenceResult;
import org.stancekit.score.StanceResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Summaries of hand-built results whose numbers are worked out by hand. */
class SummarizerTest {
    static final List<String> STANCE = List.of("favor", "against", "neutral");
    static final double EPS = 1e-9;

    static StanceResult st(String actor, double favor, double against, double neutral) {
        return new StanceResult(actor, List.of(), Prediction.of(STANCE, new double[] {favor, against, neutral}));
    }

    static ArticleResult article(String id, String date, List<List<StanceResult>> sentences) {
        List<SentenceResult> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            out.add(new SentenceResult(i, i * 10, i * 10 + 9, "Sentence " + i, null, sentences.get(i), false));
        }
        return new ArticleResult(new Article(id, null, "x".repeat(sentences.size() * 10), date), out);
    }

    /**
     * A (2026-01-05): US favor .7, US .5 against (uncertain at 0.55), US neutral .6 + Russia against .8, a sentence
     * naming nobody. B (2026-01-07, same ISO week): US favor .9, US favor .6 + Russia neutral .6. C (no ISO date):
     * Russia against .9.
     */
    static List<ArticleResult> example() {
        return List.of(
                article("A", "2026-01-05", List.of(
                        List.of(st("US", 0.7, 0.2, 0.1), st("Russia", 0.1, 0.8, 0.1)),
                        List.of(st("US", 0.2, 0.5, 0.3)),
                        List.of(st("US", 0.3, 0.1, 0.6)),
                        List.of())),
                article("B", "2026-01-07T08:00:00Z", List.of(
                        List.of(st("US", 0.9, 0.05, 0.05)),
                        List.of(st("US", 0.6, 0.3, 0.1), st("Russia", 0.2, 0.2, 0.6)))),
                article("C", "last Tuesday", List.of(
                        List.of(st("Russia", 0.05, 0.9, 0.05)))));
    }

    static Summarizer summarize(List<ArticleResult> results, List<List<ActorSummary>> perArticle) {
        Summarizer s = new Summarizer(STANCE, 0.55);
        for (ArticleResult r : results) perArticle.add(s.add(r));
        return s;
    }

    static ActorSummary find(List<ActorSummary> list, String actor) {
        return list.stream().filter(a -> a.actor().equals(actor)).findFirst().orElseThrow();
    }

    static void assertCounts(ActorSummary a, long mentions, long articles, long favor, long against, long neutral,
                             long uncertain) {
        assertEquals(mentions, a.mentions(), a.toString());
        assertEquals(articles, a.articles(), a.toString());
        assertEquals(Map.of("favor", favor, "against", against, "neutral", neutral, "uncertain", uncertain),
                a.counts(), a.toString());
        assertEquals(List.of("favor", "against", "neutral", "uncertain"), List.copyOf(a.counts().keySet()));
        double shares = 0;
        for (String l : a.counts().keySet()) {
            assertEquals((double) a.count(l) / mentions, a.share(l), EPS);
            shares += a.share(l);
        }
        assertEquals(1.0, shares, EPS);
    }

    static void assertIntervalHoldsMean(ActorSummary a) {
        if (!a.hasInterval()) return;
        assertTrue(a.ciLow() <= a.meanNet() && a.meanNet() <= a.ciHigh(), a.toString());
        assertTrue(a.ciLow() >= -1 && a.ciHigh() <= 1, a.toString());
    }

    @Test
    void countsSharesAndMeansOfTheHandBuiltExample() {
        List<List<ActorSummary>> perArticle = new ArrayList<>();
        Summarizer s = summarize(example(), perArticle);
        assertEquals(List.of("favor", "against", "neutral", "uncertain"), s.countLabels());
        assertEquals(3, s.articles());
        assertEquals(7, s.sentences());

        // article A: US most mentioned first
        List<ActorSummary> a = perArticle.get(0);
        assertEquals(List.of("US", "Russia"), a.stream().map(ActorSummary::actor).toList());
        assertCounts(a.get(0), 3, 1, 1, 0, 1, 1);
        assertEquals((0.5 - 0.3 + 0.2) / 3, a.get(0).meanNet(), EPS);
        // within one article: mean +- t(2) * s / sqrt(3), clipped to [-1, 1]
        double m = 0.4 / 3, var = (Math.pow(0.5 - m, 2) + Math.pow(-0.3 - m, 2) + Math.pow(0.2 - m, 2)) / 2;
        double half = 4.303 * Math.sqrt(var / 3);
        assertEquals(m - half, a.get(0).ciLow(), 1e-9);
        assertEquals(1.0, a.get(0).ciHigh(), EPS, "clipped");
        assertCounts(a.get(1), 1, 1, 0, 1, 0, 0);
        assertEquals(-0.7, a.get(1).meanNet(), EPS);
        assertTrue(Double.isNaN(a.get(1).ciLow()), "no interval from one sentence");

        // corpus
        List<ActorSummary> corpus = s.corpus();
        assertEquals(List.of("Russia", "US"), corpus.stream().map(ActorSummary::actor).sorted().toList());
        ActorSummary us = find(corpus, "US"), ru = find(corpus, "Russia");
        assertCounts(us, 5, 2, 3, 0, 1, 1);
        assertEquals(0.31, us.meanNet(), EPS); // (.5 - .3 + .2 + .85 + .3) / 5, the uncertain sentence included
        assertCounts(ru, 3, 3, 0, 2, 1, 0);
        assertEquals((-0.7 + 0 - 0.85) / 3, ru.meanNet(), EPS);
        for (ActorSummary x : corpus) assertIntervalHoldsMean(x);
        for (List<ActorSummary> l : perArticle) l.forEach(SummarizerTest::assertIntervalHoldsMean);
    }

    @Test
    void corpusIntervalIsClusteredByArticle() {
        double[][] nets = {{0.1, 0.2}, {0.3}, {-0.1, 0.0, 0.1}, {0.4, 0.5}};
        Summarizer s = new Summarizer(STANCE, 0);
        for (int j = 0; j < nets.length; j++) {
            List<List<StanceResult>> sentences = new ArrayList<>();
            for (double x : nets[j]) {
                // favor - against = x, neutral takes the rest
                sentences.add(List.of(st("EU", 0.3 + x / 2, 0.3 - x / 2, 0.4)));
            }
            s.add(article("d" + j, null, sentences));
        }
        ActorSummary eu = s.corpus().get(0);
        double n = 8, sum = 0;
        for (double[] a : nets) for (double x : a) sum += x;
        double mean = sum / n;
        double resid = 0;
        for (double[] a : nets) {
            double sj = 0;
            for (double x : a) sj += x;
            resid += Math.pow(sj - mean * a.length, 2);
        }
        double se = Math.sqrt(4.0 / 3.0 * resid) / n;
        assertEquals(mean, eu.meanNet(), 1e-12);
        assertEquals(mean - 3.182 * se, eu.ciLow(), 1e-9);
        assertEquals(mean + 3.182 * se, eu.ciHigh(), 1e-9);
        assertIntervalHoldsMean(eu);
        assertEquals(4, eu.articles());
        assertEquals(4, s.undatedArticles());
        assertEquals(List.of(), s.byPeriod(Period.DAY));
    }

    @Test
    void studentTCriticalValues() {
        assertEquals(12.706, ActorStats.tCritical95(1), 1e-9);
        assertEquals(2.042, ActorStats.tCritical95(30), 1e-9);
        assertEquals(2.0395, ActorStats.tCritical95(31), 5e-4);
        assertEquals(2.0086, ActorStats.tCritical95(50), 5e-4);
        assertEquals(1.9623, ActorStats.tCritical95(1000), 5e-4);
        for (int df = 2; df < 200; df++) {
            assertTrue(ActorStats.tCritical95(df) < ActorStats.tCritical95(df - 1), "decreasing at " + df);
        }
    }

    @Test
    void byDateSeriesPerDayAndWeek() {
        Summarizer s = summarize(example(), new ArrayList<>());
        assertEquals(1, s.undatedArticles());
        assertEquals("last Tuesday", s.undatedExample());
        assertEquals(Period.DAY, s.autoPeriod());

        List<Summarizer.PeriodSummary> days = s.byPeriod(Period.DAY);
        assertEquals(List.of("2026-01-05", "2026-01-07"), days.stream().map(Summarizer.PeriodSummary::key).toList());
        assertCounts(find(days.get(0).actors(), "US"), 3, 1, 1, 0, 1, 1);
        assertCounts(find(days.get(0).actors(), "Russia"), 1, 1, 0, 1, 0, 0);
        assertCounts(find(days.get(1).actors(), "US"), 2, 1, 2, 0, 0, 0);
        assertEquals(0.575, find(days.get(1).actors(), "US").meanNet(), EPS);
        assertEquals(1, days.get(1).articles());

        List<Summarizer.PeriodSummary> weeks = s.byPeriod(Period.WEEK);
        assertEquals(1, weeks.size());
        assertEquals("2026-W02", weeks.get(0).key());
        assertEquals(LocalDate.of(2026, 1, 5), weeks.get(0).start());
        assertEquals(2, weeks.get(0).articles());
        assertCounts(find(weeks.get(0).actors(), "US"), 5, 2, 3, 0, 1, 1);
        assertCounts(find(weeks.get(0).actors(), "Russia"), 2, 2, 0, 1, 1, 0); // C is undated
        assertEquals("2026-01", s.byPeriod(Period.MONTH).get(0).key());
        assertEquals("2026", s.byPeriod(Period.YEAR).get(0).key());
    }

    @Test
    void periodsAndDates() {
        assertEquals(LocalDate.of(2026, 7, 8), Period.parseDate("2026-07-08"));
        assertEquals(LocalDate.of(2026, 7, 8), Period.parseDate(" 2026-07-08 09:30"));
        assertEquals(null, Period.parseDate("2026-02-30"));
        assertEquals(null, Period.parseDate("20260708"));
        assertEquals(null, Period.parseDate("2026-07-081"));
        assertEquals(null, Period.parseDate(null));
        assertEquals("2025-W01", Period.WEEK.key(LocalDate.of(2024, 12, 30)), "ISO week-based year");
        assertEquals(Period.DAY, Period.auto(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 4)));
        assertEquals(Period.WEEK, Period.auto(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 5)));
        assertEquals(Period.MONTH, Period.auto(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 3, 5)));
    }

    static String write(String format, Summarizer s, List<ArticleResult> results, List<List<ActorSummary>> rows,
                        Period p) throws IOException {
        StringWriter out = new StringWriter();
        try (SummaryWriter w = SummaryWriter.create(format, out, s)) {
            for (int i = 0; i < results.size(); i++) w.article(results.get(i), rows.get(i));
            w.finish(p);
        }
        return out.toString();
    }

    @Test
    void csvJsonAndTableCarryTheSameNumbers() throws IOException {
        List<List<ActorSummary>> rows = new ArrayList<>();
        Summarizer s = summarize(example(), rows);
        String csv = write("csv", s, example(), rows, Period.DAY);
        List<CSVRecord> records;
        try (CSVParser p = CSVParser.parse(new StringReader(csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(List.of("scope", "article_id", "date", "actor", "mentions", "articles", "favor", "against",
                    "neutral", "uncertain", "favor_share", "against_share", "neutral_share", "uncertain_share",
                    "mean_net", "ci_low", "ci_high"), p.getHeaderNames());
            records = p.getRecords();
        }
        List<String> lines = records.stream().map(r -> String.join(",", r.toList())).toList();
        assertTrue(lines.contains("article,A,2026-01-05,Russia,1,1,0,1,0,0,0.0000,1.0000,0.0000,0.0000,-0.7000,,"),
                csv);
        assertTrue(lines.contains("date,,2026-01-07,US,2,1,2,0,0,0,1.0000,0.0000,0.0000,0.0000,0.5750,-1.0000,1.0000"),
                csv);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(
                "corpus,,,US,5,2,3,0,1,1,0.6000,0.0000,0.2000,0.2000,0.3100,")), csv);
        assertEquals(List.of("article", "article", "article", "article", "article", "date", "date", "date", "date",
                "corpus", "corpus"), records.stream().map(r -> r.get("scope")).toList());

        JsonNode json = new ObjectMapper().readTree(write("json", s, example(), rows, Period.DAY));
        assertEquals(3, json.get("articles").size());
        assertEquals(0.55, json.get("min_confidence").asDouble());
        assertEquals("day", json.get("by_date").get("period").asText());
        assertEquals(1, json.get("by_date").get("undated_articles").asInt());
        assertEquals(2, json.get("by_date").get("periods").size());
        JsonNode usJson = null;
        for (JsonNode a : json.get("corpus").get("actors")) if (a.get("actor").asText().equals("US")) usJson = a;
        CSVRecord usCsv = records.stream().filter(r -> r.get("scope").equals("corpus") && r.get("actor").equals("US"))
                .findFirst().orElseThrow();
        assertEquals(Long.parseLong(usCsv.get("uncertain")), usJson.get("counts").get("uncertain").asLong());
        assertEquals(Double.parseDouble(usCsv.get("favor_share")), usJson.get("shares").get("favor").asDouble());
        assertEquals(Double.parseDouble(usCsv.get("mean_net")), usJson.get("mean_net").asDouble());
        assertEquals(Double.parseDouble(usCsv.get("ci_low")), usJson.get("ci_low").asDouble());
        assertTrue(json.get("articles").get(0).get("actors").get(1).get("ci_low").isNull());
        assertEquals(7, json.get("corpus").get("sentences").asInt());

        String table = write("table", s, example(), rows, Period.WEEK);
        assertTrue(table.contains("== corpus  (3 articles, 7 sentences)"), table);
        assertTrue(table.contains("== date 2026-W02 (week, 2 articles)"), table);
        assertTrue(table.contains("uncertain"), table);
    }

    static Document parseSvg(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> series(Document d) {
        NodeList gs = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < gs.getLength(); i++) {
            Element e = (Element) gs.item(i);
            if (e.getAttribute("class").equals("series")) out.add(e);
        }
        return out;
    }

    @Test
    void svgChartIsWellFormedWithOneSeriesPerActor() throws Exception {
        Summarizer s = summarize(example(), new ArrayList<>());
        String svg = SvgChart.document(s, Period.DAY, SvgChart.topActors(s, 6));
        Document d = parseSvg(svg);
        assertEquals("svg", d.getDocumentElement().getLocalName());
        List<Element> series = series(d);
        assertEquals(List.of("US", "Russia"), series.stream().map(e -> e.getAttribute("data-actor")).toList());
        for (Element e : series) {
            assertEquals(2, e.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength(),
                    "a dot per day");
        }
        // one period: still a valid chart
        parseSvg(SvgChart.document(s, Period.WEEK, List.of("US", "Russia")));
    }

    @Test
    void svgEscapesHostileActorNamesAndChartsUndatedCorpora() throws Exception {
        String hostile = "A<&>\"'B</svg><script>x</script>";
        Summarizer s = new Summarizer(STANCE, 0);
        s.add(article("h", null, List.of(List.of(st(hostile, 0.6, 0.2, 0.2)), List.of(st(hostile, 0.2, 0.7, 0.1)))));
        String svg = SvgChart.document(s, s.autoPeriod(), List.of(hostile));
        Document d = parseSvg(svg);
        assertEquals(List.of(hostile), series(d).stream().map(e -> e.getAttribute("data-actor")).toList());
        assertEquals(0, d.getElementsByTagName("script").getLength());
        assertTrue(d.getDocumentElement().getTextContent().contains(hostile));
    }

    /** Everything a summarizer reports, as text rounded like the CSV, to compare two summarizers. */
    static List<String> report(Summarizer s) {
        List<String> out = new ArrayList<>();
        out.add(s.articles() + " " + s.sentences() + " " + s.undatedArticles() + " " + s.autoPeriod()
                + " " + s.countLabels());
        for (Period p : Period.values()) {
            for (Summarizer.PeriodSummary ps : s.byPeriod(p)) {
                for (ActorSummary a : ps.actors()) {
                    out.add(SummaryWriter.csvRow(s, "date", "", ps.key() + "/" + ps.articles(), a).toString());
                }
            }
        }
        for (ActorSummary a : s.corpus()) out.add(SummaryWriter.csvRow(s, "corpus", "", "", a).toString());
        return out;
    }

    @Test
    void summarizersOfPartsMergeIntoTheSummarizerOfTheWhole() throws Exception {
        List<ArticleResult> all = example();
        Summarizer whole = summarize(all, new ArrayList<>());
        Summarizer first = new Summarizer(STANCE, 0.55), second = new Summarizer(STANCE, 0.55);
        first.add(all.get(2));
        second.add(all.get(0));
        second.add(all.get(1));
        Summarizer empty = new Summarizer(STANCE, 0.55);
        // through Java serialization, as a distributed job ships them
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(bytes)) {
            o.writeObject(second);
        }
        Summarizer shipped;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray()))) {
            shipped = (Summarizer) in.readObject();
        }
        Summarizer merged = empty.merge(first).merge(shipped);
        assertEquals(report(whole), report(merged));
        assertEquals(whole.undatedExample(), merged.undatedExample());
    }

    @Test
    void mergeMatchesLabelsByNameAndRefusesAnotherMinimumConfidence() {
        Summarizer a = new Summarizer(STANCE, 0);
        a.add(example().get(0));
        Summarizer b = new Summarizer(List.of("neutral", "against", "favor"), 0);
        b.add(example().get(1));
        Summarizer whole = new Summarizer(STANCE, 0);
        whole.add(example().get(0));
        whole.add(example().get(1));
        assertEquals(report(whole), report(a.merge(b)));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Summarizer(STANCE, 0.5).merge(new Summarizer(STANCE, 0.6)));
        assertTrue(e.getMessage().contains("minimum confidence"), e.getMessage());
    }
}
