package org.stancekit.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.BadInputException;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.Mention;
import org.stancekit.actors.MentionMatcher;
import org.stancekit.model.StanceQuery;
import org.stancekit.model.Task;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stancekit.TestModels.tinyCsv;

class TrainingCsvTest {
    static final MentionMatcher MATCHER = new MentionMatcher(ActorLexicon.loadDefault());
    static final Set<Task> BOTH = EnumSet.allOf(Task.class);

    @TempDir
    Path dir;
    final List<String> warnings = new ArrayList<>();

    LabelledData read(Path file) {
        return read(file, BOTH, null);
    }

    LabelledData read(Path file, Set<Task> tasks, Charset encoding) {
        return new TrainingCsv(Columns.defaults(), MATCHER, encoding, warnings::add).read(file, tasks);
    }

    /** Reading fails with a one-line BadInputException that starts with the file name and contains every fragment. */
    BadInputException fails(Path file, String... fragments) {
        BadInputException e = assertThrows(BadInputException.class, () -> read(file));
        String m = e.getMessage();
        assertTrue(m.startsWith(file.toString()), "names the file first: " + m);
        assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
        for (String f : fragments) assertTrue(m.contains(f), "'" + f + "' in: " + m);
        assertEquals(2, e.exitCode());
        return e;
    }

    static StanceQuery query(LabelledData d, String actor) {
        return d.stance().stream().filter(e -> e.query().actor().equals(actor)).findFirst().orElseThrow().query();
    }

    @Test
    void readsSingleMultiActorAndSentimentOnlyRows() throws Exception {
        String multi = "The US accused China of dumping steel, and Beijing denied it.";
        Path f = tinyCsv(dir, "good.csv",
                "id,text,actor,mention,stance,sentiment",
                "a1,NATO praised Finland for its swift accession.,Finland,Finland,favor,positive",
                "a2,\"" + multi + "\",US|China,US|China,neutral|against,negative",
                "a3,\"Markets were calm, and trading volumes were thin.\",,,,neutral",
                "a4,Delegates met in a quiet hall.,,,,");
        LabelledData d = read(f);
        assertEquals(3, d.stance().size());
        assertEquals(3, d.sentiment().size(), "a row without sentiment gives no sentiment example");
        assertEquals(List.of("positive", "negative", "neutral"),
                d.sentiment().stream().map(SentimentExample::label).toList());
        assertEquals("Markets were calm, and trading volumes were thin.", d.sentiment().get(2).text());

        StanceExample finland = d.stance().get(0);
        assertEquals("favor", finland.label());
        assertEquals("Finland", finland.query().actor());
        assertEquals(List.of(new Mention("Finland", 13, 20, "Finland")), finland.query().targets());
        assertEquals(List.of("NATO"), finland.query().others().stream().map(Mention::actor).toList(),
                "other actors come from the lexicon");
        assertEquals(f + ", row 2", finland.source());

        StanceExample us = d.stance().get(1), china = d.stance().get(2);
        assertEquals("US", us.query().actor());
        assertEquals("neutral", us.label());
        assertEquals("China", china.query().actor());
        assertEquals("against", china.label(), "stance labels stay aligned with actors");
        assertEquals(List.of(new Mention("China", multi.indexOf("China"), multi.indexOf("China") + 5, "China"),
                        new Mention("China", multi.indexOf("Beijing"), multi.indexOf("Beijing") + 7, "Beijing")),
                china.query().targets(), "the given words and, as when scoring, every lexicon mention of the actor");
        assertEquals(List.of("US"), us.query().targets().stream().map(Mention::text).toList());
        assertTrue(china.query().others().stream().anyMatch(m -> m.actor().equals("US")), "the other row actor");
        assertTrue(us.query().others().stream().anyMatch(m -> m.text().equals("Beijing")),
                "lexicon mentions of other actors are others");
        assertTrue(us.query().others().stream().noneMatch(m -> m.actor().equals("US")));
        assertEquals(f + ", row 3", china.source());

        DataFile file = d.files().get(0);
        assertEquals(f.toString(), file.path());
        assertEquals(4, file.rows());
        assertEquals(TrainingCsv.sha256(Files.readAllBytes(f)), file.sha256());
        assertEquals(64, file.sha256().length());
        assertEquals(List.of(), warnings);
    }

    @Test
    void mentionResolutionOrder() {
        String t1 = "Russia and Ukraine talked; Russia left early.";
        String t2 = "Officials in Moscow praised the deal.";
        String t3 = "The summit statement mentioned nobody by name.";
        String t4 = "Kyiv welcomed the decision.";
        Path f = tinyCsv(dir, "mentions.csv",
                "text,actor,stance,mention,mention_start,mention_end",
                "\"" + t1 + "\",Russia,against,Russia,,",
                "\"" + t2 + "\",Russia,favor,,13,19",
                "\"" + t3 + "\",Iran,neutral,,,",
                "\"" + t4 + "\",Ukraine,favor,,,");
        LabelledData d = read(f, EnumSet.of(Task.STANCE), null);
        assertEquals(4, d.stance().size());
        assertEquals(List.of(0, 27), d.stance().get(0).query().targets().stream().map(Mention::start).toList(),
                "every occurrence of the mention words");
        assertEquals(List.of("Ukraine"), d.stance().get(0).query().others().stream().map(Mention::actor).toList());
        assertEquals(List.of(new Mention("Russia", 13, 19, "Moscow")), d.stance().get(1).query().targets(),
                "offsets win");
        assertEquals(List.of(), d.stance().get(2).query().targets(), "an actor the text never names has no targets");
        assertEquals("Iran", d.stance().get(2).query().actor());
        assertEquals(List.of(new Mention("Ukraine", 0, 4, "Kyiv")), d.stance().get(3).query().targets(),
                "the lexicon finds the actor when no mention is given");
    }

    @Test
    void labelsAreTrimmedAndLowerCasedAndActorWithoutStanceIsSkipped() {
        Path f = tinyCsv(dir, "labels.csv",
                "text,actor,stance,sentiment",
                "Iran rejected the offer.,Iran, AGAINST ,Negative",
                "Egypt hosted the talks.,Egypt,,POSITIVE");
        LabelledData d = read(f);
        assertEquals(1, d.stance().size());
        assertEquals("against", d.stance().get(0).label());
        assertEquals(List.of("negative", "positive"), d.sentiment().stream().map(SentimentExample::label).toList());
    }

    @Test
    void sentimentOnlyFileWorksForBothTasksAndTasksFilterExamples() {
        Path f = tinyCsv(dir, "sent.csv", "text,sentiment", "Prices fell sharply.,negative");
        LabelledData d = read(f);
        assertEquals(0, d.stance().size());
        assertEquals(1, d.sentiment().size());

        Path g = tinyCsv(dir, "both.csv", "text,actor,stance,sentiment", "Chile won praise.,Chile,favor,positive");
        assertEquals(0, read(g, EnumSet.of(Task.STANCE), null).sentiment().size());
        assertEquals(0, read(g, EnumSet.of(Task.SENTIMENT), null).stance().size());
    }

    @Test
    void customColumnNames() {
        Path f = tinyCsv(dir, "custom.csv", "sentence,target,label,tone", "Peru praised Chile.,Chile,favor,positive");
        Columns c = Columns.defaults().with("sentence", "target", "label", "tone");
        LabelledData d = new TrainingCsv(c, MATCHER, null, warnings::add).read(f, BOTH);
        assertEquals("Chile", d.stance().get(0).query().actor());
        assertEquals("positive", d.sentiment().get(0).label());
    }

    @Test
    void missingRequiredColumn() {
        Path noText = tinyCsv(dir, "notext.csv", "sentence,actor,stance", "Peru praised Chile.,Chile,favor");
        fails(noText, "row 1", "column 'text'", "missing required column", "sentence, actor, stance",
                "--text-column");

        Path noStance = tinyCsv(dir, "nostance.csv", "text,actor", "Peru praised Chile.,Chile");
        BadInputException e = assertThrows(BadInputException.class,
                () -> read(noStance, EnumSet.of(Task.STANCE), null));
        assertTrue(e.getMessage().startsWith(noStance + ", row 1, column 'stance'"), e.getMessage());
        assertTrue(e.getMessage().contains("--stance-column"), e.getMessage());

        Path noSentiment = tinyCsv(dir, "nosent.csv", "text,actor,stance", "Peru praised Chile.,Chile,favor");
        BadInputException s = assertThrows(BadInputException.class,
                () -> read(noSentiment, EnumSet.of(Task.SENTIMENT), null));
        assertTrue(s.getMessage().startsWith(noSentiment + ", row 1, column 'sentiment'"), s.getMessage());
    }

    @Test
    void raggedRow() {
        Path f = tinyCsv(dir, "ragged.csv", "text,actor,stance", "Peru praised Chile.,Chile,favor",
                "Peru praised Chile, again.,Chile,favor");
        fails(f, "row 3", "4 fields", "header has 3", "quote fields");
    }

    @Test
    void mismatchedPipeLists() {
        Path stance = tinyCsv(dir, "pipes.csv", "text,actor,stance", "Peru praised Chile.,Peru|Chile,favor");
        fails(stance, "row 2", "column 'stance'", "2 actors but 1 stance labels");

        Path mention = tinyCsv(dir, "pipes2.csv", "text,actor,mention,stance",
                "Peru praised Chile.,Peru|Chile,Peru,favor|favor");
        fails(mention, "row 2", "column 'mention'", "2 actors but 1 mentions");

        Path empty = tinyCsv(dir, "pipes3.csv", "text,actor,stance", "Peru praised Chile.,Peru|Chile,favor|");
        fails(empty, "row 2", "column 'stance'", "empty stance label for actor 'Chile'");
    }

    @Test
    void mentionNotInText() {
        Path f = tinyCsv(dir, "mention.csv", "text,actor,mention,stance", "Peru praised Chile.,Chile,Chilean,favor");
        fails(f, "row 2", "column 'mention'", "'Chilean' does not occur in the text");
    }

    @Test
    void badOffsets() {
        Path outside = tinyCsv(dir, "off1.csv", "text,actor,stance,mention_start,mention_end",
                "Peru praised Chile.,Chile,favor,13,40");
        fails(outside, "row 2", "column 'mention_start'", "outside the text (length 19)");
        Path notNumber = tinyCsv(dir, "off2.csv", "text,actor,stance,mention_start,mention_end",
                "Peru praised Chile.,Chile,favor,13,end");
        fails(notNumber, "row 2", "column 'mention_end'", "'end' is not a whole number");
        Path twoActors = tinyCsv(dir, "off3.csv", "text,actor,stance,mention_start,mention_end",
                "Peru praised Chile.,Peru|Chile,favor|favor,0,4");
        fails(twoActors, "row 2", "column 'mention_start'", "2 actors but 1 start and 1 end offsets");
    }

    @Test
    void alignedOffsetsForSeveralActors() {
        Path f = tinyCsv(dir, "off4.csv", "text,actor,stance,mention_start,mention_end",
                "Peru praised Chile.,Peru|Chile,neutral|favor,0|13,4|18");
        LabelledData d = read(f);
        assertEquals(List.of(new Mention("Peru", 0, 4, "Peru")), query(d, "Peru").targets());
        assertEquals(List.of(new Mention("Chile", 13, 18, "Chile")), query(d, "Chile").targets());
        assertEquals(List.of(new Mention("Peru", 0, 4, "Peru")), query(d, "Chile").others());
    }

    @Test
    void stanceWithoutActor() {
        Path f = tinyCsv(dir, "noactor.csv", "text,actor,stance", "Peru praised Chile.,,favor");
        fails(f, "row 2", "column 'actor'", "no actor");
    }

    @Test
    void unterminatedQuote() {
        Path f = tinyCsv(dir, "quote.csv", "text,actor,stance", "Peru praised Chile.,Chile,favor",
                "\"Peru praised Chile.,Chile,favor", "Peru praised Chile.,Chile,favor");
        fails(f, "row 3", "quoted field is never closed");
    }

    @Test
    void duplicatedHeader() {
        Path f = tinyCsv(dir, "dup.csv", "text,actor,text,stance", "a,Chile,b,favor");
        fails(f, "row 1", "column 'text'", "duplicate column name");
    }

    @Test
    void emptyFileAndBlankFile() {
        fails(tinyCsv(dir, "empty.csv"), "empty file");
        Path zero = dir.resolve("zero.csv");
        fails(write(zero, new byte[0]), "empty file");
    }

    @Test
    void headerOnly() {
        fails(tinyCsv(dir, "header.csv", "text,actor,stance"), "only a header, no data rows");
        fails(tinyCsv(dir, "header2.csv", "text,actor,stance", "", "   ", ""), "only a header, no data rows");
    }

    @Test
    void emptyText() {
        Path f = tinyCsv(dir, "emptytext.csv", "text,actor,stance", "Peru praised Chile.,Chile,favor",
                "  ,Chile,favor");
        fails(f, "row 3", "column 'text'", "empty text");
    }

    @Test
    void missingFileAndDirectory() {
        fails(dir.resolve("nope.csv"), "no such file");
        fails(dir, "is a directory");
    }

    @Test
    void nonUtf8IsReadAsWindows1252WithAWarning() {
        Path f = write(dir.resolve("cp1252.csv"), ("text,actor,stance\n"
                + "\u201CS\u00e3o Tom\u00e9 welcomed Chile\u201D.,Chile,favor\n").getBytes(Charset.forName("windows-1252")));
        LabelledData d = read(f);
        assertEquals("\u201CS\u00e3o Tom\u00e9 welcomed Chile\u201D.", d.stance().get(0).query().text());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith(f.toString()), warnings.get(0));
        assertTrue(warnings.get(0).contains("windows-1252"), warnings.get(0));
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstColumnName() {
        Path f = write(dir.resolve("bom.csv"), ("\uFEFFtext,sentiment\nMarkets rallied.,positive\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("Markets rallied.", read(f).sentiment().get(0).text());
        assertEquals(List.of(), warnings);
    }

    @Test
    void explicitEncodingIsStrict() {
        Path f = write(dir.resolve("latin.csv"), "text,sentiment\nCaf\u00e9 owners cheered.,positive\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        BadInputException e = assertThrows(BadInputException.class,
                () -> read(f, BOTH, StandardCharsets.UTF_8));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("byte"), e.getMessage());
        assertEquals("Caf\u00e9 owners cheered.",
                read(f, BOTH, StandardCharsets.ISO_8859_1).sentiment().get(0).text());
        assertEquals(List.of(), warnings);
    }

    @Test
    void quotedFieldsWithCommasQuotesAndNewlines() {
        String text = "\"\"We will not yield,\"\" said the Kenyan envoy,\nsmiling.";
        Path f = tinyCsv(dir, "quoted.csv", "text,actor,stance,sentiment",
                "\"" + text + "\",Kenya,favor,positive", "Chile wins.,Chile,favor,positive");
        LabelledData d = read(f);
        assertEquals("\"We will not yield,\" said the Kenyan envoy,\nsmiling.", d.stance().get(0).query().text());
        assertEquals(List.of("Kenyan envoy"), d.stance().get(0).query().targets().stream().map(Mention::text).toList());
        assertEquals(f + ", row 3", d.stance().get(1).source(), "a row is a record, as in a spreadsheet");
    }

    @Test
    void concatKeepsOrderAndProvenance() {
        Path a = tinyCsv(dir, "a.csv", "text,sentiment", "One.,positive");
        Path b = tinyCsv(dir, "b.csv", "text,sentiment", "Two.,negative", "Three.,neutral");
        LabelledData all = LabelledData.concat(List.of(read(a), read(b)));
        assertEquals(List.of("One.", "Two.", "Three."), all.sentiment().stream().map(SentimentExample::text).toList());
        assertEquals(List.of(1L, 2L), all.files().stream().map(DataFile::rows).toList());
    }

    @Test
    void projectTrainingDataReadsCleanly() {
        for (Path csv : org.stancekit.TestModels.trainingCsvs()) {
            LabelledData d = read(csv);
            assertTrue(d.stance().size() >= 300 && d.sentiment().size() >= 300, csv + ": " + d.stance().size());
            for (StanceExample e : d.stance()) {
                for (Mention m : e.query().targets()) {
                    assertEquals(e.query().text().substring(m.start(), m.end()), m.text(), e.source());
                }
            }
        }
        assertEquals(List.of(), warnings);
    }

    private static Path write(Path p, byte[] bytes) {
        try {
            Files.write(p, bytes);
            return p;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
