package org.stancekit.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.score.Article;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleReaderTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private List<ArticleItem> readAll(List<String> inputs, InputStream stdin) throws IOException {
        List<ArticleItem> items = new ArrayList<>();
        try (ArticleReader r = ArticleReader.open(inputs, null, warnings::add, stdin)) {
            while (r.hasNext()) items.add(r.next());
            assertFalse(r.hasNext());
            assertThrows(NoSuchElementException.class, r::next);
        }
        return items;
    }

    private List<ArticleItem> readAll(String... inputs) throws IOException {
        return readAll(List.of(inputs), InputStream.nullInputStream());
    }

    private static InputStream stdin(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void txtFileIsOneArticle() throws IOException {
        Path f = dir.resolve("city-council.txt");
        String text = "The council met on Monday.\n\nIt voted against the plan.\n";
        Files.writeString(f, text);
        List<ArticleItem> items = readAll(f.toString());
        assertEquals(1, items.size());
        Article a = items.get(0).article();
        assertEquals(new Article("city-council", null, text, null), a);
        assertNull(items.get(0).error());
        assertEquals(f.toString(), items.get(0).source());
    }

    @Test
    void jsonlWithGoodAndBadLines() throws IOException, URISyntaxException {
        Path src = Path.of(getClass().getResource("/io/articles-sample.jsonl").toURI());
        Path f = dir.resolve("news.jsonl");
        Files.copy(src, f);
        String name = f.toString();
        List<ArticleItem> items = readAll(name);
        assertEquals(8, items.size());

        Article first = items.get(0).article();
        assertEquals("harbour-1", first.id());
        assertEquals("Harbour plan approved", first.title());
        assertEquals("2024-03-14", first.date());
        assertTrue(first.text().startsWith("The port authority"));
        assertEquals(name + ", line 1", items.get(0).source());

        assertEquals("42", items.get(1).article().id());
        // line 3 is blank and skipped, but counted
        assertEquals(name + ":4", items.get(2).article().id());
        assertEquals(name + ", line 4", items.get(2).source());

        assertEquals(name + ", line 5: missing string field 'text'", items.get(3).error().getMessage());
        assertEquals(name + ", line 5", items.get(3).source());
        assertEquals(name + ", line 6: field 'id' must be a string or an integer, not an object",
                items.get(4).error().getMessage());
        assertTrue(items.get(5).error().getMessage().startsWith(name + ", line 7: invalid JSON ("),
                items.get(5).error().getMessage());
        assertEquals(name + ", line 8: field 'text' must be a string, not a number (17)",
                items.get(6).error().getMessage());

        Article last = items.get(7).article();
        assertEquals("last", last.id());
        assertNull(last.date());
        for (ArticleItem item : items) {
            assertTrue((item.article() == null) != (item.error() == null));
        }
    }

    @Test
    void otherJsonlProblems() throws IOException {
        Path f = dir.resolve("odd.jsonl");
        Files.writeString(f, String.join("\n",
                "[1, 2]",
                "{\"id\": 1.5, \"text\": \"x\"}",
                "{\"id\": \"a\", \"text\": \"   \"}",
                "{\"id\": \"a\", \"text\": \"ok\"} {\"id\": \"b\"}",
                "{\"id\": \"dup\", \"text\": \"one\"}",
                "{\"id\": \"dup\", \"text\": \"two\", \"title\": 3}",
                "{\"id\": \"dup\", \"text\": \"three\"}"));
        List<ArticleItem> items = readAll(f.toString());
        String n = f.toString();
        assertEquals(n + ", line 1: expected a JSON object like {\"id\": ..., \"text\": ...}, found an array",
                items.get(0).error().getMessage());
        assertEquals(n + ", line 2: field 'id' must be a string or an integer, not a number (1.5)",
                items.get(1).error().getMessage());
        assertEquals(n + ", line 3: field 'text' is blank", items.get(2).error().getMessage());
        assertTrue(items.get(3).error().getMessage().startsWith(n + ", line 4: invalid JSON"));
        assertEquals("dup", items.get(4).article().id());
        assertEquals(n + ", line 6: field 'title' must be a string, not a number (3)",
                items.get(5).error().getMessage());
        assertEquals("three", items.get(6).article().text()); // duplicate ids are passed through
    }

    @Test
    void directoryIsReadSortedAndNotRecursively() throws IOException {
        Path d = dir.resolve("in");
        Files.createDirectories(d.resolve("sub"));
        Files.writeString(d.resolve("b.txt"), "Second file.");
        Files.writeString(d.resolve("a.jsonl"), "{\"id\": \"a1\", \"text\": \"First.\"}\n"
                + "{\"id\": \"a2\", \"text\": \"Also first.\"}\n");
        Files.writeString(d.resolve("c.TXT"), "Upper-case extension.");
        Files.writeString(d.resolve("readme.md"), "not an input");
        Files.writeString(d.resolve("sub").resolve("z.txt"), "not read");
        List<ArticleItem> items = readAll(d.toString());
        List<String> ids = items.stream().map(i -> i.article().id()).toList();
        assertEquals(List.of("a1", "a2", "b", "c"), ids);
        assertEquals(List.of(d + ": skipped 1 file that is not .txt or .jsonl"), warnings);
    }

    @Test
    void emptyDirectoryIsAnError() throws IOException {
        Path d = Files.createDirectory(dir.resolve("empty"));
        List<ArticleItem> items = readAll(d.toString());
        assertEquals(1, items.size());
        assertEquals(d + ": no .txt or .jsonl files in this directory", items.get(0).error().getMessage());
    }

    @Test
    void missingAndUnsupportedPathsAreErrorsAndReadingGoesOn() throws IOException {
        Path missing = dir.resolve("missing.jsonl");
        Path csv = dir.resolve("table.csv");
        Files.writeString(csv, "a,b\n");
        Path ok = dir.resolve("ok.txt");
        Files.writeString(ok, "Fine.");
        List<ArticleItem> items = readAll(missing.toString(), csv.toString(), ok.toString());
        assertEquals(3, items.size());
        assertEquals(missing + ": no such file or directory", items.get(0).error().getMessage());
        assertEquals(csv + ": unsupported input; give a .txt or .jsonl file, a directory or -",
                items.get(1).error().getMessage());
        assertEquals("ok", items.get(2).article().id());
    }

    @Test
    void emptyTxtAndBinaryTxtAreErrors() throws IOException {
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, " \n");
        Path bin = dir.resolve("bin.txt");
        Files.write(bin, new byte[]{0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0});
        List<ArticleItem> items = readAll(empty.toString(), bin.toString());
        assertEquals(empty + ": no text (the file is empty or blank)", items.get(0).error().getMessage());
        assertEquals(bin + ": looks like a binary file, not text", items.get(1).error().getMessage());
    }

    @Test
    void stdinAsText() throws IOException {
        String text = "\n  Breaking: the bridge reopened.\nTraffic resumed.";
        List<ArticleItem> items = readAll(List.of("-"), stdin(text));
        assertEquals(1, items.size());
        assertEquals(new Article("stdin", null, text, null), items.get(0).article());
    }

    @Test
    void noInputsMeansStdin() throws IOException {
        List<ArticleItem> items = readAll(List.of(), stdin("Just one article."));
        assertEquals("stdin", items.get(0).article().id());
    }

    @Test
    void stdinAsJsonl() throws IOException {
        String jsonl = "\n\n{\"id\": \"s1\", \"text\": \"One.\"}\r\n{\"text\": \"Two.\"}\n{\"id\": \"s3\"}\n";
        List<ArticleItem> items = readAll(List.of("-"), stdin(jsonl));
        assertEquals(3, items.size());
        assertEquals("s1", items.get(0).article().id());
        assertEquals("stdin, line 3", items.get(0).source());
        assertEquals("stdin:4", items.get(1).article().id());
        assertEquals("stdin, line 5: missing string field 'text'", items.get(2).error().getMessage());
    }

    @Test
    void emptyStdinAndStdinTwice() throws IOException {
        List<ArticleItem> items = readAll(List.of("-", "-"), stdin(""));
        assertEquals(2, items.size());
        assertEquals("stdin: empty input", items.get(0).error().getMessage());
        assertEquals("-: standard input given more than once", items.get(1).error().getMessage());
    }

    @Test
    void stdinIsNotClosed() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("text".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        readAll(List.of("-"), in);
        assertFalse(closed[0]);
    }

    @Test
    void windows1252JsonlIsReadWithAWarning() throws IOException {
        Path f = dir.resolve("old.jsonl");
        Files.write(f, "{\"id\": \"x\", \"text\": \"Caf\u00e9 ouvert\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        List<ArticleItem> items = readAll(f.toString());
        assertEquals("Café ouvert", items.get(0).article().text());
        assertEquals(List.of(f + ": not valid UTF-8; read as windows-1252 (use --encoding to choose)"), warnings);
    }

    @Test
    void manyLinesAndAHugeLineAreStreamed() throws IOException {
        Path f = dir.resolve("many.jsonl");
        String big = "word ".repeat(400_000); // a 2 MB line
        try (var w = Files.newBufferedWriter(f)) {
            for (int i = 0; i < 20_000; i++) w.write("{\"id\": " + i + ", \"text\": \"Sentence number " + i + ".\"}\n");
            w.write("{\"id\": \"big\", \"text\": \"" + big + "\"}\n");
        }
        long count = 0;
        ArticleItem last = null;
        try (ArticleReader r = ArticleReader.open(List.of(f.toString()), null, warnings::add, null)) {
            while (r.hasNext()) {
                last = r.next();
                assertNotNull(last.article(), () -> "unexpected error item");
                count++;
            }
        }
        assertEquals(20_001, count);
        assertEquals(big, last.article().text());
    }

    @Test
    void articleItemNeedsExactlyOneOfArticleAndError() {
        assertThrows(IllegalArgumentException.class, () -> new ArticleItem(null, null));
        assertEquals("x", new ArticleItem(new Article("x", "t"), null).source());
    }

    @Test
    void jsonlStreamFollowsTheFileRules() throws IOException, URISyntaxException {
        Path src = Path.of(getClass().getResource("/io/articles-sample.jsonl").toURI());
        Path f = dir.resolve("news.jsonl");
        Files.copy(src, f);
        List<ArticleItem> fromFile = readAll(f.toString());
        List<ArticleItem> fromStream = new ArrayList<>();
        try (ArticleReader r = ArticleReader.jsonl(f.toString(), Files.newInputStream(f), null, warnings::add)) {
            while (r.hasNext()) fromStream.add(r.next());
        }
        assertEquals(fromFile.size(), fromStream.size());
        for (int i = 0; i < fromFile.size(); i++) {
            assertEquals(fromFile.get(i).article(), fromStream.get(i).article());
            assertEquals(fromFile.get(i).source(), fromStream.get(i).source());
            assertEquals(fromFile.get(i).ok() ? null : fromFile.get(i).error().getMessage(),
                    fromStream.get(i).ok() ? null : fromStream.get(i).error().getMessage());
        }
        // a binary stream is one error item, not an exception
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i % 7 == 0 ? 0 : 1);
        try (ArticleReader r = ArticleReader.jsonl("blob.jsonl", new ByteArrayInputStream(binary), null, null)) {
            ArticleItem item = r.next();
            assertFalse(item.ok());
            assertFalse(r.hasNext());
        }
    }

    @Test
    void textBytesFollowTheTxtRule() {
        ArticleItem item = ArticleReader.text("hdfs://n/a/grain.deal.txt", "grain.deal.txt",
                "Ukraine exported grain.\n".getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals(new Article("grain.deal", null, "Ukraine exported grain.\n", null), item.article());
        assertEquals("hdfs://n/a/grain.deal.txt", item.source());
        ArticleItem blank = ArticleReader.text("b.txt", "b.txt", " \n".getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals("b.txt: no text (the file is empty or blank)", blank.error().getMessage());
    }
}
