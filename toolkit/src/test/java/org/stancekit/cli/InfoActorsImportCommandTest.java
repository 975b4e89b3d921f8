package org.stancekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.TestModels;
import org.stancekit.actors.ActorLexicon;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** info, actors, import. */
class InfoActorsImportCommandTest {
    @TempDir
    Path dir;

    static List<CSVRecord> readCsv(Path file) throws Exception {
        try (CSVParser p = CSVParser.parse(file, java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    @Test
    void infoShowsLabelsAndProvenance() {
        Path model = TestModels.tinyBundle();
        Cli r = Cli.run("info", "--model", model.toString()).expectExit(0);
        String out = r.out();
        assertTrue(out.contains("model:   " + model), out);
        assertTrue(out.contains("stance: linear backend, labels [favor, against, neutral]"), out);
        assertTrue(out.contains("sentiment: linear backend, labels [positive, negative, neutral]"), out);
        for (Path csv : TestModels.trainingCsvs()) {
            assertTrue(out.contains("trained on: " + csv), csv + " in\n" + out);
        }
        assertTrue(java.util.regex.Pattern.compile("trained on: \\S+ \\(\\d+ rows, [^)]*sha256 [0-9a-f]{64}\\)")
                .matcher(out).find(), out);
        assertTrue(out.contains("dev: macro-F1 "), out);
        assertTrue(out.contains("actors:  " + ActorLexicon.loadDefault().namedActors().size() + " in actors.tsv"), out);
        assertTrue(out.contains("hyper-parameters:") && out.contains("seed 42"), out);
        assertTrue(out.contains("  features: {window=5, bigrams=true") && out.contains("lexiconDomain=false}"),
                "the linear feature settings: " + out);
    }

    @Test
    void infoCountsTheNetworksOfAMixedBag() {
        // the shipped default mixes CNNs and BiLSTMs; models/fast holds CNNs only
        String out = Cli.run("info", "--model", TestModels.projectRoot().resolve("models/default").toString())
                .expectExit(0).out();
        assertTrue(java.util.regex.Pattern.compile("stance: ensemble backend, .*, networks \\d+ cnn \\+ \\d+ bilstm"
                + " \\(vocabulary \\d+\\)").matcher(out).find(), out);
        out = Cli.run("info", "--model", TestModels.projectRoot().resolve("models/fast").toString()).expectExit(0).out();
        assertTrue(out.contains(", network cnn (vocabulary "), out);
    }

    @Test
    void infoJson() throws Exception {
        Cli r = Cli.run("info", "--model", TestModels.tinyBundle().toString(), "--format", "json").expectExit(0);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(1, root.get("bundle").get("format_version").asInt());
        JsonNode stance = root.get("tasks").get("stance");
        assertEquals("favor", stance.get("labels").get(0).asText());
        assertEquals(TestModels.trainingCsvs().size(), stance.get("training_data").size());
        assertEquals(64, stance.get("training_data").get(0).get("sha256").asText().length());
        assertTrue(stance.get("dev_metrics").get("macro_f1").isNumber());
    }

    @Test
    void actorsListsTheLexicon() {
        Cli r = Cli.run("actors").expectExit(0);
        List<String> lines = r.outLines();
        assertTrue(lines.get(0).startsWith("id") && lines.get(0).contains("kind"), lines.get(0));
        int named = ActorLexicon.loadDefault().namedActors().size();
        assertEquals(named + 1, lines.size(), "one line per named actor (ignore rows are not listed)");
        assertTrue(lines.stream().anyMatch(l -> l.matches("NATO\\s+organisation\\s+NATO \\|.*")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("China ") && l.contains("Chinese+")), r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("-ignore")), "ignore rows hidden");
        assertTrue(r.err().contains(named + " actors (default actors.tsv)"), r.err());
    }

    @Test
    void actorsFindsMentionsInText() {
        Cli r = Cli.run("actors", "Chinese President Xi Jinping met Putin in", "the Kremlin.").expectExit(0);
        List<String> lines = r.outLines();
        assertTrue(lines.get(0).matches("actor\\s+start\\s+end\\s+mention"), lines.get(0));
        assertTrue(lines.get(1).matches("China\\s+0\\s+17\\s+Chinese President"), lines.get(1));
        assertTrue(lines.get(2).matches("China\\s+18\\s+28\\s+Xi Jinping"), lines.get(2));
        assertTrue(lines.get(3).matches("Russia\\s+33\\s+38\\s+Putin"), lines.get(3));
        assertTrue(lines.get(4).matches("Russia\\s+46\\s+53\\s+Kremlin"), "words are joined with a space: "
                + lines.get(4));
        assertEquals(5, lines.size());

        Cli none = Cli.run("actors", "let us eat at a Chinese restaurant").expectExit(0);
        assertEquals(1, none.outLines().size());
        assertTrue(none.err().contains("no actor mentioned"), none.err());
    }

    @Test
    void actorsWithOwnLexiconAndModelLexicon() {
        Path tsv = TestModels.write(dir, "mine.tsv",
                "id\tkind\taliases\tdemonyms\tleaders\nRuritania\tstate\tStrelsau\t\t\n");
        Cli own = Cli.run("actors", "--actors", tsv.toString(), "Strelsau and Moscow").expectExit(0);
        assertEquals(2, own.outLines().size(), own.out());
        assertTrue(own.outLines().get(1).startsWith("Ruritania"), own.out());
        Cli model = Cli.run("actors", "--model", TestModels.tinyBundle().toString(), "Moscow").expectExit(0);
        assertTrue(model.outLines().get(1).startsWith("Russia"), model.out());

        Path bad = TestModels.write(dir, "bad.tsv", "id\tkind\n");
        String line = Cli.run("actors", "--actors", bad.toString()).expectOneLineError();
        assertTrue(line.contains(bad + ", row 1") && line.contains("header"), line);
    }

    @Test
    void importNewsMtsc() throws Exception {
        String s1 = "Officials in Lima praised Chile for its quick help after the floods.";
        String s2 = "The senator accused the mayor of lying, and the mayor denied it.";
        Path in = TestModels.write(dir, "tiny.jsonl", String.join("\n",
                "{\"primary_gid\": \"g1\", \"sentence_normalized\": \"" + s1 + "\", \"targets\": [{\"Input.gid\": "
                        + "\"g1-a\", \"mention\": \"Chile\", \"from\": 26, \"to\": 31, \"polarity\": 6.0}]}",
                "{\"primary_gid\": \"g2\", \"sentence_normalized\": \"" + s2 + "\", \"targets\": [{\"Input.gid\": "
                        + "\"g2-a\", \"mention\": \"The senator\", \"from\": 0, \"to\": 11, \"polarity\": 4.0}, "
                        + "{\"Input.gid\": \"g2-b\", \"mention\": \"the mayor\", \"from\": 20, \"to\": 29, "
                        + "\"polarity\": 2.0}]}",
                "{\"primary_gid\": \"g3\", \"sentence_normalized\": \"No targets here.\", \"targets\": []}", ""));
        Path out = dir.resolve("newsmtsc.csv");
        Cli r = Cli.run("import", "newsmtsc", in.toString(), out.toString()).expectExit(0);
        assertTrue(r.out().contains("2 rows written") && r.out().contains("(1 skipped)"), r.out());
        List<CSVRecord> rows = readCsv(out);
        assertEquals(2, rows.size());
        assertEquals(s1, rows.get(0).get("text"));
        assertEquals("Chile", rows.get(0).get("actor"));
        assertEquals("favor", rows.get(0).get("stance"));
        assertEquals("26", rows.get(0).get("mention_start"));
        assertEquals("The senator|the mayor", rows.get(1).get("actor"));
        assertEquals("neutral|against", rows.get(1).get("stance"));
        assertEquals("0|20", rows.get(1).get("mention_start"));

        // the imported CSV trains directly
        Cli train = Cli.run("train", "--data", out.toString(), "--output", dir.resolve("m").toString(), "--task",
                "stance", "--dev-split", "0", "--min-count", "1");
        train.expectExit(0);

        Cli again = Cli.run("import", "newsmtsc", in.toString(), out.toString());
        assertTrue(again.expectOneLineError().contains("--force"));
        Cli.run("import", "newsmtsc", in.toString(), out.toString(), "--force").expectExit(0);
    }

    @Test
    void importSemEval() throws Exception {
        Path in = dir.resolve("semeval.txt");
        String tsv = "ID\tTarget\tTweet\tStance\tOpinion towards\tSentiment\r\n"
                + "10001\tClimate Change is a Real Concern\tWe need to act on the \u201Cclimate\u201D now! #SemST\t"
                + "FAVOR\t1.  The tweet explicitly expresses opinion about the target.\tNEGATIVE\r\n"
                + "10002\tAtheism\tPraying for peace \"today\" #SemST\tAGAINST\t2. other\tPOSITIVE\r\n"
                + "10003\tAtheism\tJust had lunch. #SemST\tNONE\t3. none\tNEITHER\r\n";
        Files.write(in, tsv.getBytes(Charset.forName("windows-1252")));
        Path out = dir.resolve("semeval.csv");
        Cli r = Cli.run("import", "semeval", in.toString(), out.toString()).expectExit(0);
        assertTrue(r.out().contains("3 rows written"), r.out());
        assertTrue(r.err().contains("windows-1252"), "the encoding guess is a warning: " + r.err());
        List<CSVRecord> rows = readCsv(out);
        assertEquals(List.of("favor", "against", "neutral"), rows.stream().map(x -> x.get("stance")).toList());
        assertEquals(List.of("negative", "positive", "neutral"), rows.stream().map(x -> x.get("sentiment")).toList());
        assertEquals("We need to act on the \u201Cclimate\u201D now! #SemST", rows.get(0).get("text"));
        assertEquals("Praying for peace \"today\" #SemST", rows.get(1).get("text"), "quotes are not special");
        assertEquals("Atheism", rows.get(1).get("actor"));

        Path badLabel = dir.resolve("bad.txt");
        Files.writeString(badLabel, "ID\tTarget\tTweet\tStance\n1\tAtheism\tHello\tMAYBE\n");
        String line = Cli.run("import", "semeval", badLabel.toString(), dir.resolve("bad.csv").toString())
                .expectOneLineError();
        assertTrue(line.contains(badLabel + ", line 2") && line.contains("MAYBE"), line);
        assertTrue(Files.notExists(dir.resolve("bad.csv")), "nothing written on failure");
    }
}
