package org.stancekit.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The importers of the benchmark datasets (P-Stance, Financial PhraseBank, SST), on samples written for the test. */
class ImportersBenchmarkFormatsTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    // ------------------------------------------------------------------------------------------------- P-Stance

    @Test
    void pStanceMapsLabelsAndKeepsQuotedText() throws IOException {
        Path in = write("raw_test_demo.csv", "Tweet,Target,Stance\n"
                + "Great rally tonight for Ada Vance,Ada Vance,FAVOR\n"
                + "\"No, never, not \"\"this\"\" guy\",Ada Vance,AGAINST\n"
                + "\n"
                + "Polls open at 8,Bo Lind,NONE\n");
        Path out = dir.resolve("pstance.csv");
        Importers.ImportReport r = Importers.importPStance(in, out, null, false, false, warnings::add);
        assertEquals(3, r.rows());
        assertEquals(0, r.skipped());
        assertEquals(Map.of("favor", 1L, "against", 1L, "neutral", 1L), r.labelCounts());
        assertTrue(warnings.isEmpty(), warnings.toString());
        assertTrue(Files.readString(out).startsWith("text,actor,stance\r\n"));
        List<CSVRecord> rows = parse(out);
        assertEquals(List.of("Great rally tonight for Ada Vance", "Ada Vance", "favor"), rows.get(0).toList());
        assertEquals(List.of("No, never, not \"this\" guy", "Ada Vance", "against"), rows.get(1).toList());
        assertEquals(List.of("Polls open at 8", "Bo Lind", "neutral"), rows.get(2).toList());
        assertNoTempFiles(dir);
    }

    @Test
    void pStanceDropNoneCountsTheDroppedRowsAsSkipped() throws IOException {
        Path in = write("raw_val_demo.csv", "\uFEFFTweet,Target,Stance\r\n"
                + "Yes to Vance,Ada Vance,FAVOR\r\n"
                + "Weather is fine,Ada Vance,NONE\r\n"
                + "Vance must go,Ada Vance,AGAINST\r\n");
        Path out = dir.resolve("binary.csv");
        Importers.ImportReport r = Importers.importPStance(in, out, null, false, true, warnings::add);
        assertEquals(2, r.rows());
        assertEquals(1, r.skipped());
        assertEquals(Map.of("favor", 1L, "against", 1L, "neutral", 0L), r.labelCounts());
        List<CSVRecord> rows = parse(out);
        assertEquals(List.of("favor", "against"), rows.stream().map(x -> x.get("stance")).toList());
    }

    @Test
    void pStanceBadStanceNamesFileLineAndColumn() throws IOException {
        Path in = write("bad.csv", "Tweet,Target,Stance\n"
                + "Fine,Ada Vance,FAVOR\n"
                + "Hmm,Ada Vance,MAYBE\n");
        Path out = dir.resolve("bad-out.csv");
        BadInputException e = assertThrows(BadInputException.class,
                () -> Importers.importPStance(in, out, null, false, false, warnings::add));
        assertEquals(in + ", line 3, column 'Stance': unknown stance 'MAYBE'; expected FAVOR, AGAINST or NONE",
                e.getMessage());
        assertFalse(Files.exists(out), "nothing written on failure");
        assertNoTempFiles(dir);
    }

    @Test
    void pStanceMissingColumnEmptyCellAndShortRow() throws IOException {
        Path noTarget = write("no-target.csv", "Tweet,Stance\nHi,FAVOR\n");
        assertEquals(noTarget + ", line 1: missing column 'Target'; the header has Tweet, Stance (expected Tweet,"
                        + " Target, Stance, comma-separated)",
                assertThrows(BadInputException.class, () -> Importers.importPStance(noTarget, dir.resolve("a.csv"),
                        null, false, false, warnings::add)).getMessage());

        Path emptyTweet = write("empty.csv", "Tweet,Target,Stance\n\"  \",Ada Vance,FAVOR\n");
        assertEquals(emptyTweet + ", line 2, column 'Tweet': empty",
                assertThrows(BadInputException.class, () -> Importers.importPStance(emptyTweet, dir.resolve("b.csv"),
                        null, false, false, warnings::add)).getMessage());

        Path shortRow = write("short.csv", "Tweet,Target,Stance\nok,Ada Vance,FAVOR\nonly two,Ada Vance\n");
        assertEquals(shortRow + ", line 3: expected 3 comma-separated columns, found 2 (quote fields that contain"
                        + " commas)",
                assertThrows(BadInputException.class, () -> Importers.importPStance(shortRow, dir.resolve("c.csv"),
                        null, false, false, warnings::add)).getMessage());

        Path empty = write("nothing.csv", "");
        assertEquals(empty + ": empty file; expected a comma-separated header line with the columns Tweet, Target,"
                        + " Stance",
                assertThrows(BadInputException.class, () -> Importers.importPStance(empty, dir.resolve("d.csv"),
                        null, false, false, warnings::add)).getMessage());
    }

    // -------------------------------------------------------------------------------------- Financial PhraseBank

    @Test
    void fpbIsLatin1WithCrlfAndSplitsOnTheLastAt() throws IOException {
        Path in = dir.resolve("Sentences_Demo.txt");
        Files.write(in, ("Café chain Mølle raised its outlook .@positive\r\n"
                + "Mail investor@example.com for the report .@neutral\r\n"
                + "\r\n"
                + "Net loss widened to EUR 3 mn @ negative\r\n").getBytes(StandardCharsets.ISO_8859_1));
        Path out = dir.resolve("fpb.csv");
        Importers.ImportReport r = Importers.importFinancialPhraseBank(in, out, null, false, warnings::add);
        assertEquals(3, r.rows());
        assertEquals(Map.of("positive", 1L, "negative", 1L, "neutral", 1L), r.labelCounts());
        assertEquals(List.of("positive", "negative", "neutral"), List.copyOf(r.labelCounts().keySet()));
        assertTrue(warnings.isEmpty(), "ISO-8859-1 is the format's encoding, no guess: " + warnings);
        assertTrue(Files.readString(out).startsWith("text,sentiment\r\n"));
        List<CSVRecord> rows = parse(out);
        assertEquals(List.of("Café chain Mølle raised its outlook .", "positive"), rows.get(0).toList());
        assertEquals(List.of("Mail investor@example.com for the report .", "neutral"), rows.get(1).toList());
        assertEquals(List.of("Net loss widened to EUR 3 mn", "negative"), rows.get(2).toList());
    }

    @Test
    void fpbExplicitEncodingWins() throws IOException {
        Path in = dir.resolve("utf8.txt");
        Files.writeString(in, "Kärki Oy hired 40 people .@positive\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("utf8.csv");
        Importers.importFinancialPhraseBank(in, out, StandardCharsets.UTF_8, false, warnings::add);
        assertEquals("Kärki Oy hired 40 people .", parse(out).get(0).get("text"));
    }

    @Test
    void fpbBadLinesNameFileLineAndColumn() throws IOException {
        Path badLabel = write("bad-label.txt", "Sales rose .@positive\nSales fell .@bearish\n");
        assertEquals(badLabel + ", line 2, column 'label': unknown label 'bearish'; expected positive, negative or"
                + " neutral", assertThrows(BadInputException.class, () -> Importers.importFinancialPhraseBank(
                badLabel, dir.resolve("a.csv"), null, false, warnings::add)).getMessage());

        Path noAt = write("no-at.txt", "Sales rose .@positive\nSales fell . negative\n");
        assertEquals(noAt + ", line 2: no '@' between the sentence and its label; expected sentence@positive,"
                + " sentence@negative or sentence@neutral", assertThrows(BadInputException.class,
                () -> Importers.importFinancialPhraseBank(noAt, dir.resolve("b.csv"), null, false, warnings::add))
                .getMessage());

        Path noSentence = write("no-sentence.txt", " @neutral\n");
        assertEquals(noSentence + ", line 1, column 'sentence': empty", assertThrows(BadInputException.class,
                () -> Importers.importFinancialPhraseBank(noSentence, dir.resolve("c.csv"), null, false,
                        warnings::add)).getMessage());
        assertFalse(Files.exists(dir.resolve("a.csv")));
        assertNoTempFiles(dir);
    }

    @Test
    void fpbRefusesToOverwriteWithoutForce() throws IOException {
        Path in = write("one.txt", "Orders doubled .@positive\n");
        Path out = dir.resolve("exists.csv");
        Files.writeString(out, "old");
        assertEquals(out + " exists; use --force to overwrite", assertThrows(BadInputException.class,
                () -> Importers.importFinancialPhraseBank(in, out, null, false, warnings::add)).getMessage());
        assertEquals("old", Files.readString(out));
        assertEquals(1, Importers.importFinancialPhraseBank(in, out, null, true, warnings::add).rows());
        assertEquals("positive", parse(out).get(0).get("sentiment"));
    }

    // ------------------------------------------------------------------------------------------------------ SST

    @Test
    void sstFineKeepsTheFiveLabels() throws IOException {
        Path in = write("stsa.fine.demo", "0 a dreary , joyless slog .\n"
                + "1 too long by half .\n"
                + "2 it is a film about a boat .\n"
                + "3 warm and often funny .\n"
                + "4 a small miracle of a movie , `` sharp '' and kind .\n");
        Path out = dir.resolve("sst5.csv");
        Importers.ImportReport r = Importers.importSst(in, out, null, false, null, warnings::add);
        assertEquals(5, r.rows());
        assertEquals(List.of("very negative", "negative", "neutral", "positive", "very positive"),
                List.copyOf(r.labelCounts().keySet()));
        assertTrue(Files.readString(out).startsWith("text,sentiment\r\n"));
        List<CSVRecord> rows = parse(out);
        assertEquals(List.of("a dreary , joyless slog .", "very negative"), rows.get(0).toList());
        assertEquals(List.of("it is a film about a boat .", "neutral"), rows.get(2).toList());
        assertEquals(List.of("a small miracle of a movie , `` sharp '' and kind .", "very positive"),
                rows.get(4).toList());
    }

    @Test
    void sstBinaryFromTheFileNameOrExplicit() throws IOException {
        Path in = write("stsa.binary.demo", "0 flat and forgettable .\n\n1 a delight .\n");
        Path out = dir.resolve("sst2.csv");
        Importers.ImportReport r = Importers.importSst(in, out, null, false, null, warnings::add);
        assertEquals(Map.of("negative", 1L, "positive", 1L), r.labelCounts());
        assertEquals(List.of("negative", "positive"), parse(out).stream().map(x -> x.get("sentiment")).toList());

        Path plain = write("sentences.txt", "1 a delight .\n");
        Path out2 = dir.resolve("plain.csv");
        BadInputException e = assertThrows(BadInputException.class,
                () -> Importers.importSst(plain, out2, null, false, null, warnings::add));
        assertEquals(plain + ": cannot tell SST-5 from SST-2 by the file name (expected stsa.fine.* or stsa.binary.*);"
                + " say which with --sst-labels fine|binary", e.getMessage());
        Importers.importSst(plain, out2, null, false, Importers.SstLabels.FINE, warnings::add);
        assertEquals("negative", parse(out2).get(0).get("sentiment"), "SST-5 label 1 is 'negative'");

        assertEquals(Importers.SstLabels.FINE, Importers.SstLabels.fromFileName(Path.of("x/stsa.fine.dev")));
        assertEquals(Importers.SstLabels.BINARY, Importers.SstLabels.fromFileName(Path.of("stsa.binary.test")));
        assertNull(Importers.SstLabels.fromFileName(Path.of("train.txt")));
    }

    @Test
    void sstBadLabelsNameFileLineAndColumn() throws IOException {
        Path outOfRange = write("stsa.binary.bad", "1 fine .\n3 too high for SST-2 .\n");
        assertEquals(outOfRange + ", line 2, column 'label': expected a label 0..1 (SST-2) followed by a space and"
                + " the sentence, found '3'", assertThrows(BadInputException.class, () -> Importers.importSst(
                outOfRange, dir.resolve("a.csv"), null, false, null, warnings::add)).getMessage());

        Path noLabel = write("stsa.fine.bad", "2 ok .\nno label here\n");
        assertEquals(noLabel + ", line 2, column 'label': expected a label 0..4 (SST-5) followed by a space and the"
                + " sentence, found 'no'", assertThrows(BadInputException.class, () -> Importers.importSst(noLabel,
                dir.resolve("b.csv"), null, false, null, warnings::add)).getMessage());

        Path noSentence = write("stsa.fine.empty", "4\n");
        assertEquals(noSentence + ", line 1, column 'sentence': empty", assertThrows(BadInputException.class,
                () -> Importers.importSst(noSentence, dir.resolve("c.csv"), null, false, null, warnings::add))
                .getMessage());
        assertFalse(Files.exists(dir.resolve("a.csv")));
        assertNoTempFiles(dir);
    }

    @Test
    void missingInputIsNamed() {
        Path in = dir.resolve("stsa.fine.nowhere");
        assertEquals(in + ": no such file", assertThrows(BadInputException.class,
                () -> Importers.importSst(in, dir.resolve("o.csv"), null, false, null, null)).getMessage());
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
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
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
        }
    }
}
