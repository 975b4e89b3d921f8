package org.stancekit.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.BadInputException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BASIL and SemEval-2007 headline importers, on samples written for the test (invented people and news). */
class NewsImportersTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    // ---------------------------------------------------------------------------------------------------- BASIL

    private static final String ARTICLE = """
            {"uuid": "u-1", "triplet-uuid": "t-9", "title": "Budget vote",
             "body-paragraphs": [
               ["Senator Ada Vance pushed the budget through late on Friday.", "Critics called Vance reckless."],
               ["The mayor, Bo Lind, praised the deal.", "Lind also warned about costs, and Lind was booed."],
               ["Officials said the vote was close."]
             ]}
            """;

    private static String span(String txt, String target, String polarity, String aim) {
        return "{\"txt\": \"" + txt + "\", \"start\": 0, \"end\": " + txt.length() + ", \"target\": \"" + target
                + "\", \"polarity\": \"" + polarity + "\", \"aim\": \"" + aim + "\", \"bias\": \"lex\"}";
    }

    private Path basil(String... spans) throws IOException {
        Path root = dir.resolve("basil");
        Files.createDirectories(root.resolve("articles/2019"));
        Files.createDirectories(root.resolve("annotations/2019"));
        Files.writeString(root.resolve("articles/2019/t-9_1.json"), ARTICLE);
        Files.writeString(root.resolve("annotations/2019/t-9_1_ann.json"),
                "{\"article-level-annotations\": {}, \"phrase-level-annotations\": [" + String.join(",", spans) + "]}");
        return root;
    }

    @Test
    void basilWritesOneRowPerSentenceAndNamedEntityWithTheMentionsOffsets() throws IOException {
        Path root = basil(
                span("pushed the budget through", "Ada_Vance", "pos", "dir"),
                span("Critics called Vance reckless.", "Ada_Vance", "neg", "dir"),
                span("praised the deal", "Bo_Lind", "pos", "ind_pro"),           // indirect: skipped
                span("Lind also warned", "Bo_Lind", "pos", "dir"),
                span("Lind was booed", "Bo_Lind", "neg", "dir"),                 // same sentence, other polarity
                span("the vote was close", "Ada_Vance", "neg", "dir"),           // sentence does not name her
                span("no such words", "Ada_Vance", "neg", "dir"));               // in no sentence
        Path out = dir.resolve("basil.csv");
        Importers.ImportReport r = NewsImporters.importBasil(root, out, false);
        assertEquals(2, r.rows());
        assertEquals(4, r.skipped(), "indirect, the sentence with both polarities, unnamed, not found");
        assertEquals(Map.of("favor", 1L, "against", 1L, "neutral", 0L), r.labelCounts());
        List<CSVRecord> rows = parse(out);
        assertEquals(List.of("id", "group", "text", "actor", "mention", "mention_start", "mention_end", "stance"),
                rows.get(0).getParser().getHeaderNames());
        CSVRecord first = rows.get(0), second = rows.get(1);
        assertEquals(List.of("u-1:0:Ada_Vance", "t-9", "Senator Ada Vance pushed the budget through late on Friday.",
                "Ada_Vance", "Ada Vance", "8", "17", "favor"), first.toList());
        assertEquals(List.of("u-1:1:Ada_Vance", "t-9", "Critics called Vance reckless.", "Ada_Vance", "Vance", "15",
                "20", "against"), second.toList(), "the last name when the full name is not there");
        assertNoTempFiles(dir);
    }

    @Test
    void basilMentionRules() {
        assertArrayEquals(new int[]{4, 13}, NewsImporters.mention("Ada_Vance", "Yes ada vance did."), "case aside");
        assertNull(NewsImporters.mention("Ada_Vance", "Vanceville voted."), "at word boundaries");
        assertArrayEquals(new int[]{0, 5}, NewsImporters.mention("Ruth_Bea_Glass", "Glass ruled."), "three words");
        assertNull(NewsImporters.mention("Obama_administration", "The administration said."), "lower case: no fallback");
        assertNull(NewsImporters.mention("Sasha_and_Malia_Obama", "Obama spoke."), "four words: no fallback");
        assertArrayEquals(new int[]{4, 19}, NewsImporters.mention("House_Democrats", "The House Democrats met."));
    }

    @Test
    void basilBadInputNamesTheFileAndWritesNothing() throws IOException {
        Path out = dir.resolve("basil.csv");
        BadInputException e = assertThrows(BadInputException.class,
                () -> NewsImporters.importBasil(dir.resolve("nowhere"), out, false));
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
        Path root = basil(span("pushed the budget through", "Ada_Vance", "maybe", "dir"));
        e = assertThrows(BadInputException.class, () -> NewsImporters.importBasil(root, out, false));
        assertTrue(e.getMessage().contains("t-9_1_ann.json") && e.getMessage().contains("polarity")
                && e.getMessage().contains("maybe"), e.getMessage());
        assertFalse(Files.exists(out));
        Files.writeString(root.resolve("annotations/2019/t-9_1_ann.json"), "{\"phrase-level-annotations\": [");
        e = assertThrows(BadInputException.class, () -> NewsImporters.importBasil(root, out, false));
        assertTrue(e.getMessage().contains("t-9_1_ann.json") && e.getMessage().contains("invalid JSON"), e.getMessage());
        Files.delete(root.resolve("articles/2019/t-9_1.json"));
        Files.writeString(root.resolve("annotations/2019/t-9_1_ann.json"), "{\"phrase-level-annotations\": []}");
        e = assertThrows(BadInputException.class, () -> NewsImporters.importBasil(root, out, false));
        assertTrue(e.getMessage().contains("t-9_1.json") && e.getMessage().contains("no such file"), e.getMessage());
        assertFalse(Files.exists(out));
        assertNoTempFiles(dir);
    }

    @Test
    void basilNeverOverwritesWithoutForce() throws IOException {
        Path root = basil(span("pushed the budget through", "Ada_Vance", "pos", "dir"));
        Path out = dir.resolve("basil.csv");
        Files.writeString(out, "mine");
        BadInputException e = assertThrows(BadInputException.class, () -> NewsImporters.importBasil(root, out, false));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertEquals("mine", Files.readString(out));
        assertEquals(1, NewsImporters.importBasil(root, out, true).rows());
    }

    // ------------------------------------------------------------------------------------ SemEval-2007 headlines

    private Path headlines(String xml, String gold) throws IOException {
        Path x = dir.resolve("affectivetext_demo.xml");
        Files.writeString(x, xml);
        Files.writeString(dir.resolve("affectivetext_demo.valence.gold"), gold);
        return x;
    }

    @Test
    void headlinesUseTheTasksCoarseLabels() throws IOException {
        Path x = headlines("""
                <corpus task="affective text">
                <instance id="7">Harbour town cheers record catch</instance>
                <instance id="8">Storm & floods cut power to valley</instance>
                <instance id="9">Council meets on Tuesday</instance>
                <instance id="10">Rivals sign truce &amp; swap prisoners</instance>
                </corpus>
                """, "7 50\n8 -50\n9 -49\n10 49\n");
        Path out = dir.resolve("h.csv");
        Importers.ImportReport r = NewsImporters.importAffectiveText(x, out, null, false, warnings::add);
        assertEquals(4, r.rows());
        assertEquals(Map.of("positive", 1L, "negative", 1L, "neutral", 2L), r.labelCounts());
        List<CSVRecord> rows = parse(out);
        assertEquals(List.of("7", "Harbour town cheers record catch", "positive", "50"), rows.get(0).toList());
        assertEquals(List.of("8", "Storm & floods cut power to valley", "negative", "-50"), rows.get(1).toList());
        assertEquals("neutral", rows.get(2).get("sentiment"), "-49 is neutral");
        assertEquals("Rivals sign truce & swap prisoners", rows.get(3).get("text"), "&amp; unescaped");
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void headlinesBadInputNamesFileLineAndColumn() throws IOException {
        Path out = dir.resolve("h.csv");
        Path x = headlines("<instance id=\"1\">Calm day</instance>\n", "1 120\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> NewsImporters.importAffectiveText(x, out, null, false, null));
        assertTrue(e.getMessage().contains("valence.gold, line 1, column 2") && e.getMessage().contains("120"),
                e.getMessage());
        headlines("<instance id=\"1\">Calm day</instance>\n", "2 10\n");
        e = assertThrows(BadInputException.class, () -> NewsImporters.importAffectiveText(x, out, null, false, null));
        assertTrue(e.getMessage().contains("line 1, column 1") && e.getMessage().contains("no headline with id 2"),
                e.getMessage());
        headlines("<instance id=\"1\">Calm day</instance>\n<instance id=\"2\">Quiet</instance>\n", "1 10\n");
        e = assertThrows(BadInputException.class, () -> NewsImporters.importAffectiveText(x, out, null, false, null));
        assertTrue(e.getMessage().contains("no valence for headline id 2"), e.getMessage());
        headlines("<instance id=\"1\">Calm day\n", "1 10\n");
        e = assertThrows(BadInputException.class, () -> NewsImporters.importAffectiveText(x, out, null, false, null));
        assertTrue(e.getMessage().contains("affectivetext_demo.xml, line 1"), e.getMessage());
        Files.delete(dir.resolve("affectivetext_demo.valence.gold"));
        e = assertThrows(BadInputException.class, () -> NewsImporters.importAffectiveText(x, out, null, false, null));
        assertTrue(e.getMessage().contains("affectivetext_demo.valence.gold: no such file"), e.getMessage());
        assertFalse(Files.exists(out));
        assertNoTempFiles(dir);
    }

    private static List<CSVRecord> parse(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private static void assertNoTempFiles(Path d) throws IOException {
        try (Stream<Path> s = Files.walk(d)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }
}
