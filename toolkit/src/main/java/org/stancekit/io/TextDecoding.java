package org.stancekit.io;

import org.stancekit.BadInputException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Turns the bytes of an input file into text, guessing the encoding when the user did not name one.
 *
 * <p>Rules, in order, when no encoding is given: a UTF-8 or UTF-16 byte-order mark decides (the mark is dropped); NUL
 * bytes in the first 8 KB that sit on every other byte mean UTF-16 without a mark (read, with a warning); other NUL
 * bytes, or many control bytes, mean a binary file (refused); text that is valid UTF-8 is UTF-8; anything else is read
 * as windows-1252 with a warning. An explicit encoding is applied strictly: a byte sequence it cannot decode is an
 * error that names the byte offset (0-based).
 */
public final class TextDecoding {
    /** How much of a stream {@link #open} looks at before choosing an encoding. */
    static final int SNIFF_BYTES = 64 * 1024;
    /** How much of the input the binary and UTF-16 checks look at. */
    static final int BINARY_CHECK_BYTES = 8 * 1024;

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final byte[] BOM_UTF8 = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] BOM_UTF16LE = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] BOM_UTF16BE = {(byte) 0xFE, (byte) 0xFF};

    private TextDecoding() {}

    /**
     * Decodes a whole file's bytes.
     *
     * @param bytes    the content
     * @param fileName how messages name the file
     * @param explicit the encoding the user chose, or null to guess
     * @param warn     receives one-line warnings (a guessed encoding); may be null
     * @throws BadInputException if the bytes are not valid in the explicit encoding, or look like a binary file
     */
    public static String decode(byte[] bytes, String fileName, Charset explicit, Consumer<String> warn) {
        Objects.requireNonNull(bytes, "bytes");
        Choice choice = choose(bytes, bytes.length, true, fileName, explicit);
        choice.warnTo(warn);
        return decodeAll(bytes, choice.bomLength, choice.decoder(), choice.errors(fileName));
    }

    /**
     * Opens a file for streaming: sniffs the first 64 KB with the rules of {@link #decode} and returns a reader over the
     * whole file. When the sniffed part is valid UTF-8 but the file is longer, the rest of the file is checked too (one
     * extra streaming pass, constant memory) so that a stray windows-1252 byte late in the file gets the same fallback
     * as in {@link #decode}. If the file changes in between and a bad byte shows up while reading, the reader throws a
     * {@link BadInputException} naming the byte offset.
     *
     * @throws BadInputException if the file is missing, unreadable, a directory or binary
     */
    public static Reader open(Path file, Charset explicit, Consumer<String> warn) {
        String name = file.toString();
        InputStream in = openStream(file);
        try {
            return open(in, name, explicit, warn, file);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /**
     * Streaming decoding of an arbitrary stream (standard input, say): the first 64 KB decide the encoding; a byte that
     * is not valid UTF-8 after that point makes the reader throw a {@link BadInputException} that suggests
     * {@code --encoding windows-1252}. Closing the reader closes {@code in}.
     */
    public static Reader open(InputStream in, String name, Charset explicit, Consumer<String> warn) {
        return open(in, name, explicit, warn, null);
    }

    /**
     * Looks up an encoding by name ("utf-8", "windows-1252", "latin1", ...).
     *
     * @throws BadInputException "unknown encoding 'x'" if Java does not know it
     */
    public static Charset parseCharset(String name) {
        String n = name == null ? "" : name.trim();
        try {
            if (n.isEmpty()) throw new IllegalCharsetNameException(n);
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new BadInputException("unknown encoding '" + (name == null ? "" : name)
                    + "'; try utf-8, utf-16, windows-1252 or iso-8859-1");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    static InputStream openStream(Path file) {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) throw new BadInputException(name + ": is a directory, not a file");
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(name + ": cannot read (permission denied)", e);
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static Reader open(InputStream in, String name, Charset explicit, Consumer<String> warn, Path rescan) {
        Objects.requireNonNull(in, "in");
        byte[] head;
        try {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (AccessDeniedException e) {
            throw new BadInputException(name + ": cannot read (permission denied)", e);
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
        boolean complete = head.length < SNIFF_BYTES;
        Choice choice = choose(head, head.length, complete, name, explicit);
        if (choice.kind == Kind.UTF8_GUESSED && !complete && rescan != null) {
            if (firstInvalidUtf8(rescan, name) >= 0) choice = Choice.fallback(name);
        }
        choice.warnTo(warn);
        InputStream rest = new SequenceInputStream(
                new ByteArrayInputStream(head, choice.bomLength, head.length - choice.bomLength), in);
        return new DecodingReader(rest, choice.decoder(), choice.bomLength, choice.errors(name));
    }

    enum Kind { EXPLICIT, BOM, UTF16_GUESSED, UTF8_GUESSED, FALLBACK }

    /** The decision: which charset, how many BOM bytes to skip, and what to warn. */
    record Choice(Kind kind, Charset charset, int bomLength, String warning) {
        static Choice fallback(String name) {
            return new Choice(Kind.FALLBACK, WINDOWS_1252, 0,
                    name + ": not valid UTF-8; read as windows-1252 (use --encoding to choose)");
        }

        void warnTo(Consumer<String> warn) {
            if (warning != null && warn != null) warn.accept(warning);
        }

        CharsetDecoder decoder() {
            if (kind == Kind.FALLBACK) return new LenientWindows1252Decoder();
            return strict(charset);
        }

        LongFunction<BadInputException> errors(String name) {
            if (kind == Kind.UTF8_GUESSED) {
                return pos -> new BadInputException(name + ": not valid UTF-8 at byte " + pos
                        + "; use --encoding windows-1252 (or the file's real encoding)");
            }
            String cs = charset.name();
            return pos -> new BadInputException(name + ": not valid " + cs + " at byte " + pos + "; check --encoding");
        }
    }

    /**
     * Applies the rules to the first {@code len} bytes of {@code b}. {@code complete} says whether they are the whole
     * input (so a multi-byte character cut at the end is an error rather than a cut).
     */
    static Choice choose(byte[] b, int len, boolean complete, String name, Charset explicit) {
        if (explicit != null) {
            int bom = 0;
            if (isUtf8(explicit) && startsWith(b, len, BOM_UTF8)) bom = 3;
            else if (explicit.equals(StandardCharsets.UTF_16LE) && startsWith(b, len, BOM_UTF16LE)) bom = 2;
            else if (explicit.equals(StandardCharsets.UTF_16BE) && startsWith(b, len, BOM_UTF16BE)) bom = 2;
            return new Choice(Kind.EXPLICIT, explicit, bom, null);
        }
        if (startsWith(b, len, BOM_UTF8)) return new Choice(Kind.BOM, StandardCharsets.UTF_8, 3, null);
        if (startsWith(b, len, BOM_UTF16LE)) return new Choice(Kind.BOM, StandardCharsets.UTF_16LE, 2, null);
        if (startsWith(b, len, BOM_UTF16BE)) return new Choice(Kind.BOM, StandardCharsets.UTF_16BE, 2, null);

        int check = Math.min(len, BINARY_CHECK_BYTES);
        int nul = 0;
        int controls = 0;
        for (int i = 0; i < check; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) nul++;
            else if (isControlByte(c)) controls++;
        }
        if (nul > 0) {
            Charset utf16 = guessUtf16(b, check, complete && check == len);
            if (utf16 != null) {
                return new Choice(Kind.UTF16_GUESSED, utf16, 0, name + ": no byte-order mark, but looks like "
                        + utf16.name() + "; read as " + utf16.name() + " (use --encoding to choose)");
            }
            throw binary(name);
        }
        if ((long) controls * 20 > check) throw binary(name);
        if (isValidUtf8(b, 0, len, complete)) return new Choice(Kind.UTF8_GUESSED, StandardCharsets.UTF_8, 0, null);
        return Choice.fallback(name);
    }

    private static BadInputException binary(String name) {
        return new BadInputException(name + ": looks like a binary file, not text");
    }

    /** C0 controls other than tab, newlines, vertical tab, form feed and escape; and DEL. NUL is counted apart. */
    private static boolean isControlByte(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0B && c != 0x0C && c != 0x1B) || c == 0x7F;
    }

    /**
     * UTF-16 without a byte-order mark: NUL bytes sit (almost) only on odd offsets (little-endian ASCII-range text) or
     * only on even ones (big-endian), on at least 30% of the characters, and the decoded sample is clean text.
     */
    private static Charset guessUtf16(byte[] b, int len, boolean complete) {
        int pairs = len / 2;
        if (pairs == 0) return null;
        int even = 0;
        int odd = 0;
        for (int i = 0; i < pairs * 2; i++) {
            if (b[i] == 0) {
                if ((i & 1) == 0) even++;
                else odd++;
            }
        }
        Charset cs;
        if (odd >= pairs * 0.3 && even <= pairs * 0.02) cs = StandardCharsets.UTF_16LE;
        else if (even >= pairs * 0.3 && odd <= pairs * 0.02) cs = StandardCharsets.UTF_16BE;
        else return null;
        String text;
        try {
            CharsetDecoder d = strict(cs);
            CharBuffer out = CharBuffer.allocate(pairs + 1);
            CoderResult r = d.decode(ByteBuffer.wrap(b, 0, pairs * 2), out, complete && pairs * 2 == len);
            if (r.isError()) return null;
            out.flip();
            text = out.toString();
        } catch (IllegalStateException e) {
            return null;
        }
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || (c < 0x80 && isControlByte(c))) controls++;
        }
        return (long) controls * 20 > text.length() ? null : cs;
    }

    private static boolean isUtf8(Charset cs) {
        return cs.equals(StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] b, int len, byte[] prefix) {
        if (len < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) return false;
        }
        return true;
    }

    static CharsetDecoder strict(Charset cs) {
        return cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** True if {@code b[off, len)} is valid UTF-8; a character cut at the end is fine unless {@code complete}. */
    static boolean isValidUtf8(byte[] b, int off, int len, boolean complete) {
        CharsetDecoder d = strict(StandardCharsets.UTF_8);
        ByteBuffer in = ByteBuffer.wrap(b, off, len - off);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = d.decode(in, out, complete);
            if (r.isError()) return false;
            if (r.isOverflow()) {
                out.clear();
                continue;
            }
            return true;
        }
    }

    /** Offset of the first byte of {@code file} that is not valid UTF-8, or -1; streams the file once. */
    static long firstInvalidUtf8(Path file, String name) {
        try (InputStream in = openStream(file)) {
            CharsetDecoder d = strict(StandardCharsets.UTF_8);
            ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
            bytes.flip();
            CharBuffer chars = CharBuffer.allocate(64 * 1024);
            long before = 0;
            boolean eof = false;
            while (true) {
                CoderResult r = d.decode(bytes, chars, eof);
                if (r.isError()) return before + bytes.position();
                chars.clear();
                if (r.isOverflow()) continue;
                if (eof) return -1;
                before += bytes.position();
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) eof = true;
                else bytes.position(bytes.position() + n);
                bytes.flip();
            }
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Decodes {@code b[off..]} in one go; errors name the absolute byte offset. */
    static String decodeAll(byte[] b, int off, CharsetDecoder d, LongFunction<BadInputException> errors) {
        ByteBuffer in = ByteBuffer.wrap(b, off, b.length - off);
        long size = (long) Math.ceil((b.length - off) * (double) d.maxCharsPerByte()) + 16;
        CharBuffer out = CharBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE - 64));
        while (true) {
            CoderResult r = d.decode(in, out, true);
            if (r.isError()) throw errors.apply(in.position());
            if (r.isOverflow()) {
                out = grow(out);
                continue;
            }
            r = d.flush(out);
            if (r.isOverflow()) {
                out = grow(out);
                d.flush(out);
            }
            out.flip();
            return out.toString();
        }
    }

    private static CharBuffer grow(CharBuffer out) {
        int cap = (int) Math.min((long) out.capacity() * 2 + 16, Integer.MAX_VALUE - 64);
        CharBuffer bigger = CharBuffer.allocate(cap);
        out.flip();
        bigger.put(out);
        return bigger;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing useful to do
        }
    }

    /**
     * windows-1252 that never fails: the five bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map
     * to the C1 control of the same value, as browsers do.
     */
    static final class LenientWindows1252Decoder extends CharsetDecoder {
        private static final char[] TABLE = buildTable();

        LenientWindows1252Decoder() {
            super(WINDOWS_1252, 1f, 1f);
        }

        private static char[] buildTable() {
            char[] t = new char[256];
            for (int i = 0; i < 256; i++) {
                try {
                    t[i] = strict(WINDOWS_1252).decode(ByteBuffer.wrap(new byte[]{(byte) i})).charAt(0);
                } catch (CharacterCodingException e) {
                    t[i] = (char) i;
                }
            }
            return t;
        }

        @Override
        protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
            while (in.hasRemaining()) {
                if (!out.hasRemaining()) return CoderResult.OVERFLOW;
                out.put(TABLE[in.get() & 0xFF]);
            }
            return CoderResult.UNDERFLOW;
        }
    }

    /**
     * A reader that decodes a byte stream with a {@link CharsetDecoder} and, unlike {@link java.io.InputStreamReader},
     * knows the byte offset of a malformed sequence and reports it as a {@link BadInputException}.
     */
    static final class DecodingReader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder;
        private final LongFunction<BadInputException> errors;
        private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024);
        private final CharBuffer chars = CharBuffer.allocate(16 * 1024);
        private long consumedBefore;
        private boolean eof;
        private boolean done;

        DecodingReader(InputStream in, CharsetDecoder decoder, long startOffset,
                       LongFunction<BadInputException> errors) {
            this.in = in;
            this.decoder = decoder;
            this.errors = errors;
            this.consumedBefore = startOffset;
            bytes.flip();
            chars.flip();
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, cbuf.length);
            if (len == 0) return 0;
            if (!chars.hasRemaining() && !fill()) return -1;
            int n = Math.min(len, chars.remaining());
            chars.get(cbuf, off, n);
            return n;
        }

        private boolean fill() throws IOException {
            chars.clear();
            try {
                while (chars.position() == 0 && !done) {
                    CoderResult r = decoder.decode(bytes, chars, eof);
                    if (r.isError()) throw errors.apply(consumedBefore + bytes.position());
                    if (r.isOverflow() || chars.position() > 0) break; // never block for more while we have text
                    if (eof) {
                        decoder.flush(chars);
                        done = true;
                        break;
                    }
                    consumedBefore += bytes.position();
                    bytes.compact();
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) eof = true;
                    else bytes.position(bytes.position() + n);
                    bytes.flip();
                }
            } finally {
                chars.flip();
            }
            return chars.hasRemaining();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
