package org.stancekit.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.BadInputException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class TextDecodingTest {
    private final List<String> warnings = new ArrayList<>();

    @TempDir
    Path dir;

    private String decode(byte[] b) {
        return TextDecoding.decode(b, "f.txt", null, warnings::add);
    }

    @Test
    void plainUtf8() {
        assertEquals("Grüße aus Köln – “quoted”", decode("Grüße aus Köln – “quoted”".getBytes(StandardCharsets.UTF_8)));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void emptyInput() {
        assertEquals("", decode(new byte[0]));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void utf8BomIsStripped() {
        byte[] b = concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "Ärger".getBytes(StandardCharsets.UTF_8));
        assertEquals("Ärger", decode(b));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void utf16WithBom() {
        byte[] le = concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, "Zoë said no".getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(new byte[]{(byte) 0xFE, (byte) 0xFF}, "Zoë said no".getBytes(StandardCharsets.UTF_16BE));
        assertEquals("Zoë said no", decode(le));
        assertEquals("Zoë said no", decode(be));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void utf16WithoutBomIsReadWithAWarning() {
        String text = "The minister resigned on Friday.\nNobody was surprised.";
        assertEquals(text, decode(text.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(text, decode(text.getBytes(StandardCharsets.UTF_16BE)));
        assertEquals(2, warnings.size());
        assertTrue(warnings.get(0).startsWith("f.txt: "), warnings.get(0));
        assertTrue(warnings.get(0).contains("UTF-16LE"), warnings.get(0));
        assertTrue(warnings.get(1).contains("UTF-16BE"), warnings.get(1));
    }

    @Test
    void invalidUtf8FallsBackToWindows1252WithAWarning() {
        // "café “ok”" in windows-1252, plus an undefined byte kept as its C1 control
        byte[] b = {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x93, 'o', 'k', (byte) 0x94, (byte) 0x81};
        assertEquals("café “ok”\u0081", decode(b));
        assertEquals(List.of("f.txt: not valid UTF-8; read as windows-1252 (use --encoding to choose)"), warnings);
    }

    @Test
    void explicitCharsetIsUsedWithoutWarning() {
        byte[] b = "naïve".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("naïve", TextDecoding.decode(b, "f.txt", StandardCharsets.ISO_8859_1, warnings::add));
        assertEquals("naïve", TextDecoding.decode(b, "f.txt", TextDecoding.parseCharset("windows-1252"),
                warnings::add));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void explicitCharsetIsStrict() {
        byte[] b = {'a', 'b', 'c', (byte) 0xE9, 'd'};
        BadInputException e = assertThrows(BadInputException.class,
                () -> TextDecoding.decode(b, "f.txt", StandardCharsets.UTF_8, warnings::add));
        assertEquals("f.txt: not valid UTF-8 at byte 3; check --encoding", e.getMessage());
    }

    @Test
    void explicitUtf8DropsABom() {
        byte[] b = concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "x".getBytes(StandardCharsets.UTF_8));
        assertEquals("x", TextDecoding.decode(b, "f.txt", StandardCharsets.UTF_8, null));
    }

    @Test
    void binaryIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0,
                0, 0, 1, 0, 8, 6, 0, 0, 0, 0x5C, 0x72, (byte) 0xA8};
        BadInputException e = assertThrows(BadInputException.class, () -> decode(png));
        assertEquals("f.txt: looks like a binary file, not text", e.getMessage());

        byte[] controls = new byte[200];
        for (int i = 0; i < controls.length; i++) controls[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
        assertThrows(BadInputException.class, () -> decode(controls));
    }

    @Test
    void aFewControlCharactersAreStillText() {
        String text = "line one\tcol\fpage\u001B[1mbold\u001B[0m\n".repeat(20);
        assertEquals(text, decode(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parseCharset() {
        assertEquals(StandardCharsets.UTF_8, TextDecoding.parseCharset("utf-8"));
        assertEquals(StandardCharsets.ISO_8859_1, TextDecoding.parseCharset("latin1"));
        assertEquals("windows-1252", TextDecoding.parseCharset(" cp1252 ").name());
        assertEquals("unknown encoding 'klingon-8'; try utf-8, utf-16, windows-1252 or iso-8859-1",
                assertThrows(BadInputException.class, () -> TextDecoding.parseCharset("klingon-8")).getMessage());
        assertThrows(BadInputException.class, () -> TextDecoding.parseCharset("bad name!"));
        assertThrows(BadInputException.class, () -> TextDecoding.parseCharset(""));
        assertThrows(BadInputException.class, () -> TextDecoding.parseCharset(null));
    }

    // ------------------------------------------------------------------------------------------------ streaming

    @Test
    void openSmallFile() throws IOException {
        Path f = dir.resolve("a.txt");
        Files.write(f, concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "Hé\nthere".getBytes(StandardCharsets.UTF_8)));
        assertEquals("Hé\nthere", readAll(TextDecoding.open(f, null, warnings::add)));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void openKeepsMultiByteCharactersAcrossTheSniffBoundary() throws IOException {
        // a 3-byte character straddles the 64 KB sniff boundary
        StringBuilder sb = new StringBuilder("x".repeat(TextDecoding.SNIFF_BYTES - 1)).append('€');
        for (int i = 0; i < 5000; i++) sb.append("ünïcödé ");
        Path f = dir.resolve("big.txt");
        Files.writeString(f, sb, StandardCharsets.UTF_8);
        assertEquals(sb.toString(), readAll(TextDecoding.open(f, null, warnings::add)));
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void openFallsBackWhenAStrayByteComesAfterTheSniffedPart() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String ascii = "plain ascii text\n".repeat(6000); // > 64 KB
        bytes.write(ascii.getBytes(StandardCharsets.US_ASCII));
        bytes.write(new byte[]{'c', 'a', 'f', (byte) 0xE9, '\n'});
        Path f = dir.resolve("late.txt");
        Files.write(f, bytes.toByteArray());
        assertEquals(ascii + "café\n", readAll(TextDecoding.open(f, null, warnings::add)));
        assertEquals(List.of(f + ": not valid UTF-8; read as windows-1252 (use --encoding to choose)"), warnings);
    }

    @Test
    void streamReportsALateBadByteWithItsOffset() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] ascii = "0123456789".repeat(7000).getBytes(StandardCharsets.US_ASCII); // 70,000 bytes
        bytes.writeBytes(ascii);
        bytes.writeBytes(new byte[]{(byte) 0xE9, 'x'});
        BadInputException e = assertThrows(BadInputException.class, () -> readAll(TextDecoding.open(
                new ByteArrayInputStream(bytes.toByteArray()), "stdin", null, warnings::add)));
        assertEquals("stdin: not valid UTF-8 at byte 70000; use --encoding windows-1252 (or the file's real encoding)",
                e.getMessage());
    }

    @Test
    void openWithExplicitCharsetNamesTheByte() {
        byte[] b = {'o', 'k', (byte) 0xFF, 'x'};
        BadInputException e = assertThrows(BadInputException.class, () -> readAll(TextDecoding.open(
                new ByteArrayInputStream(b), "in.txt", StandardCharsets.UTF_8, warnings::add)));
        assertEquals("in.txt: not valid UTF-8 at byte 2; check --encoding", e.getMessage());
    }

    @Test
    void openUtf16AndBinaryAndFallback() throws IOException {
        Path u16 = dir.resolve("u16.txt");
        Files.write(u16, concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, "Ça va".getBytes(StandardCharsets.UTF_16LE)));
        assertEquals("Ça va", readAll(TextDecoding.open(u16, null, warnings::add)));

        Path bin = dir.resolve("x.bin");
        Files.write(bin, new byte[]{1, 2, 0, 0, 5, 0, 7, 0, 0, 0, 0, 3});
        assertEquals(bin + ": looks like a binary file, not text",
                assertThrows(BadInputException.class, () -> TextDecoding.open(bin, null, warnings::add)).getMessage());

        Path latin = dir.resolve("latin.txt");
        Files.write(latin, "Müller".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("Müller", readAll(TextDecoding.open(latin, null, warnings::add)));
        assertEquals(1, warnings.size());
    }

    @Test
    void openMissingFile() {
        Path missing = dir.resolve("nope.txt");
        assertEquals(missing + ": no such file",
                assertThrows(BadInputException.class, () -> TextDecoding.open(missing, null, null)).getMessage());
    }

    @Test
    void openUnreadableFile() throws IOException {
        Path f = dir.resolve("secret.txt");
        Files.writeString(f, "hidden");
        try {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            assumeFalse(true, "no POSIX permissions here");
        }
        assumeFalse(Files.isReadable(f), "running as root: permissions are not enforced");
        assertEquals(f + ": cannot read (permission denied)",
                assertThrows(BadInputException.class, () -> TextDecoding.open(f, null, null)).getMessage());
    }

    static String readAll(Reader r) throws IOException {
        try (r) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[1000];
            int n;
            while ((n = r.read(buf)) >= 0) sb.append(buf, 0, n);
            return sb.toString();
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
