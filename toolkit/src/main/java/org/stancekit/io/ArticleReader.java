package org.stancekit.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.stancekit.BadInputException;
import org.stancekit.score.Article;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Streams articles from the inputs the user named, one {@link ArticleItem} at a time, without holding more than one
 * article (or one JSONL line) in memory.
 *
 * <ul>
 *   <li>{@code x.txt}: one article; id = file name without extension, text = the whole file, no title.</li>
 *   <li>{@code x.jsonl}: one article per non-blank line, {@code {"id": ..., "text": ..., "title"?: ..., "date"?: ...}}.
 *       The id may be a string or an integer (kept as its decimal string); without an id the article is called
 *       {@code "x.jsonl:LINE"}. A bad line becomes an error item and reading goes on with the next line.</li>
 *   <li>a directory: its {@code .txt} and {@code .jsonl} files (not sub-directories), sorted by name.</li>
 *   <li>{@code -}, or no input at all: standard input; JSONL if its first non-blank character is {@code {}, else one
 *       article with id {@code "stdin"}.</li>
 * </ul>
 * Anything else (a missing path, another extension, an unreadable file) becomes an error item and reading goes on.
 * Encodings are chosen by {@link TextDecoding}. Duplicate ids are passed through as they are.
 */
public final class ArticleReader implements Iterator<ArticleItem>, Closeable {
    /** Input name for standard input. */
    public static final String STDIN = "-";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final int MAX_DETAIL = 160;

    private final Deque<Input> pending = new ArrayDeque<>();
    private final Charset explicit;
    private final Consumer<String> warn;
    private final InputStream stdin;
    private boolean stdinUsed;
    private JsonlCursor cursor;
    private ArticleItem next;
    private boolean closed;

    /** One thing still to read: standard input, a path the user gave, or a file found in a directory. */
    private record Input(String name, Path path, boolean stdin, boolean fromDirectory) {}

    private ArticleReader(Charset explicit, Consumer<String> warn, InputStream stdin) {
        this.explicit = explicit;
        this.warn = warn != null ? warn : w -> { };
        this.stdin = stdin;
    }

    /**
     * @param inputs   paths, directories or {@code -}; empty means standard input
     * @param explicit the encoding the user chose, or null to guess per file
     * @param warn     receives warnings (guessed encodings, skipped files)
     * @param stdin    what {@code -} reads; not closed by this reader
     */
    public static ArticleReader open(List<String> inputs, Charset explicit, Consumer<String> warn, InputStream stdin) {
        ArticleReader r = new ArticleReader(explicit, warn, stdin);
        List<String> list = inputs == null || inputs.isEmpty() ? List.of(STDIN) : inputs;
        for (String s : list) {
            if (STDIN.equals(s)) {
                r.pending.add(new Input("stdin", null, true, false));
            } else {
                r.pending.add(new Input(s, null, false, false));
            }
        }
        return r;
    }

    @Override
    public boolean hasNext() {
        advance();
        return next != null;
    }

    @Override
    public ArticleItem next() {
        if (!hasNext()) throw new NoSuchElementException();
        ArticleItem item = next;
        next = null;
        return item;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        pending.clear();
        next = null;
        if (cursor != null) {
            JsonlCursor c = cursor;
            cursor = null;
            c.close();
        }
    }

    private void advance() {
        while (next == null && !closed) {
            if (cursor != null) {
                next = cursor.next();
                if (next == null || cursor.finished) closeCursor();
                continue;
            }
            Input in = pending.poll();
            if (in == null) return;
            next = start(in);
        }
    }

    private void closeCursor() {
        try {
            cursor.close();
        } catch (IOException e) {
            warn.accept(cursor.name + ": " + e.getMessage());
        }
        cursor = null;
    }

    /** Begins reading one input: returns an item, or null after opening a JSONL cursor or queueing a directory. */
    private ArticleItem start(Input in) {
        if (in.stdin) return startStdin();
        String name = in.name;
        Path path = in.path;
        if (path == null) {
            if (name.isEmpty()) return error(name, "'': empty path; give a .txt or .jsonl file, a directory or -");
            try {
                path = Path.of(name);
            } catch (InvalidPathException e) {
                return error(name, name + ": not a valid path (" + e.getReason() + ")");
            }
        }
        if (!Files.exists(path)) {
            if (Files.isSymbolicLink(path)) return error(name, name + ": broken symbolic link");
            return error(name, name + ": no such file or directory");
        }
        if (Files.isDirectory(path)) {
            if (in.fromDirectory) return null; // not recursive (filtered earlier; a race at most)
            return startDirectory(name, path);
        }
        String ext = extension(path);
        switch (ext) {
            case "txt":
                return readTxt(name, path);
            case "jsonl":
                try {
                    Reader reader = TextDecoding.open(path, explicit, warn);
                    cursor = new JsonlCursor(name, new BufferedReader(reader, 64 * 1024), 0);
                    return null;
                } catch (BadInputException e) {
                    return ArticleItem.failed(e, name);
                }
            default:
                return error(name, name + ": unsupported input; give a .txt or .jsonl file, a directory or -");
        }
    }

    private ArticleItem startDirectory(String name, Path dir) {
        List<Path> files = new ArrayList<>();
        int skipped = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String ext = extension(p);
                boolean wanted = ext.equals("txt") || ext.equals("jsonl");
                if (Files.isDirectory(p)) continue;
                if (wanted) files.add(p);
                else skipped++;
            }
        } catch (AccessDeniedException e) {
            return error(name, name + ": cannot read directory (permission denied)");
        } catch (IOException | UncheckedIOException e) {
            return error(name, name + ": cannot read directory (" + e.getMessage() + ")");
        }
        if (skipped > 0) {
            warn.accept(name + ": skipped " + skipped + (skipped == 1 ? " file that is" : " files that are")
                    + " not .txt or .jsonl");
        }
        if (files.isEmpty()) return error(name, name + ": no .txt or .jsonl files in this directory");
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        for (int i = files.size() - 1; i >= 0; i--) {
            Path p = files.get(i);
            pending.addFirst(new Input(p.toString(), p, false, true));
        }
        return null;
    }

    private ArticleItem readTxt(String name, Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return error(name, name + ": no such file or directory");
        } catch (AccessDeniedException e) {
            return error(name, name + ": cannot read (permission denied)");
        } catch (IOException e) {
            return error(name, name + ": cannot read (" + e.getMessage() + ")");
        } catch (OutOfMemoryError e) {
            return error(name, name + ": too large to read as one article");
        }
        return text(name, path.getFileName().toString(), bytes, explicit, warn);
    }

    /**
     * One article from the bytes of a text file, by the {@code .txt} rule: id = the file name without its extension,
     * text = the whole file decoded by {@link TextDecoding}, no title or date; a blank or undecodable file is an error
     * item. For callers that read files themselves (the Spark job reads them from any Hadoop file system).
     *
     * @param source   names the file in messages, e.g. its path
     * @param fileName the file's name, whose part before the last dot becomes the id
     * @param explicit the encoding the user chose, or null to guess
     * @param warn     receives warnings (a guessed encoding); may be null
     */
    public static ArticleItem text(String source, String fileName, byte[] bytes, Charset explicit,
                                   Consumer<String> warn) {
        String text;
        try {
            text = TextDecoding.decode(bytes, source, explicit, warn != null ? warn : w -> { });
        } catch (BadInputException e) {
            return ArticleItem.failed(e, source);
        }
        if (text.isBlank()) return error(source, source + ": no text (the file is empty or blank)");
        int dot = fileName.lastIndexOf('.');
        String id = dot > 0 ? fileName.substring(0, dot) : fileName;
        return ArticleItem.of(new Article(id, null, text, null), source);
    }

    /**
     * Streams the articles of one JSON Lines stream by the {@code .jsonl} rules (line numbers, ids, optional title and
     * date, one error item per bad line; the encoding is guessed from the first 64 KB, as for standard input). For
     * callers that open files themselves (the Spark job reads them from any Hadoop file system). Closing the reader
     * closes {@code in}.
     *
     * @param name     names the stream in messages and in the ids of articles without one ({@code name:LINE})
     * @param explicit the encoding the user chose, or null to guess
     * @param warn     receives warnings (a guessed encoding); may be null
     */
    public static ArticleReader jsonl(String name, InputStream in, Charset explicit, Consumer<String> warn) {
        ArticleReader r = new ArticleReader(explicit, warn, null);
        try {
            Reader reader = TextDecoding.open(in, name, explicit, r.warn);
            r.cursor = new JsonlCursor(name, new BufferedReader(reader, 64 * 1024), 0);
        } catch (BadInputException e) {
            r.next = ArticleItem.failed(e, name);
            try {
                in.close();
            } catch (IOException ignored) {
                // the error item says what went wrong
            }
        }
        return r;
    }

    private ArticleItem startStdin() {
        if (stdinUsed) return error("stdin", "-: standard input given more than once");
        stdinUsed = true;
        if (stdin == null) return error("stdin", "stdin: no standard input available");
        try {
            Reader reader = TextDecoding.open(new NonClosingInputStream(stdin), "stdin", explicit, warn);
            BufferedReader br = new BufferedReader(reader, 64 * 1024);
            StringBuilder lead = new StringBuilder();
            int c;
            while (true) {
                br.mark(1);
                c = br.read();
                if (c < 0 || !Character.isWhitespace(c)) break;
                lead.append((char) c);
            }
            if (c < 0) {
                br.close();
                return error("stdin", lead.length() == 0 ? "stdin: empty input" : "stdin: no text (only blanks)");
            }
            br.reset();
            if (c == '{') {
                cursor = new JsonlCursor("stdin", br, countLineBreaks(lead));
                return null;
            }
            StringBuilder text = new StringBuilder(lead);
            char[] buf = new char[8192];
            int n;
            while ((n = br.read(buf)) >= 0) text.append(buf, 0, n);
            br.close();
            return ArticleItem.of(new Article("stdin", null, text.toString(), null), "stdin");
        } catch (BadInputException e) {
            return ArticleItem.failed(e, "stdin");
        } catch (IOException e) {
            return error("stdin", "stdin: cannot read (" + e.getMessage() + ")");
        }
    }

    private static int countLineBreaks(CharSequence s) {
        int lines = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\n') lines++;
            else if (ch == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n')) lines++;
        }
        return lines;
    }

    private static ArticleItem error(String source, String message) {
        return ArticleItem.failed(new BadInputException(message), source);
    }

    private static String extension(Path p) {
        Path fn = p.getFileName();
        if (fn == null) return "";
        String s = fn.toString();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Reads one JSONL stream line by line. */
    private static final class JsonlCursor implements Closeable {
        final String name;
        final BufferedReader reader;
        long line;
        boolean finished;

        JsonlCursor(String name, BufferedReader reader, long linesBefore) {
            this.name = name;
            this.reader = reader;
            this.line = linesBefore;
        }

        /** The next item, or null at the end of the stream. */
        ArticleItem next() {
            while (true) {
                String text;
                try {
                    text = reader.readLine();
                } catch (BadInputException e) {
                    finished = true;
                    return ArticleItem.failed(e, name + ", line " + (line + 1));
                } catch (IOException e) {
                    finished = true;
                    return failed(line + 1, "cannot read (" + e.getMessage() + ")");
                }
                if (text == null) return null;
                line++;
                if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
                if (text.isBlank()) continue;
                return parse(text);
            }
        }

        private ArticleItem parse(String text) {
            JsonNode node;
            try {
                node = MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                return failed(line, "invalid JSON (" + shorten(e.getOriginalMessage()) + ")");
            }
            if (node == null || !node.isObject()) {
                return failed(line, "expected a JSON object like {\"id\": ..., \"text\": ...}, found "
                        + describe(node));
            }
            String id;
            JsonNode idNode = node.get("id");
            if (idNode == null || idNode.isNull()) {
                id = name + ":" + line;
            } else if (idNode.isTextual()) {
                id = idNode.textValue();
                if (id.isBlank()) return failed(line, "field 'id' is blank");
            } else if (idNode.isIntegralNumber()) {
                id = idNode.bigIntegerValue().toString();
            } else {
                return failed(line, "field 'id' must be a string or an integer, not " + describe(idNode));
            }
            JsonNode textNode = node.get("text");
            if (textNode == null || textNode.isNull()) return failed(line, "missing string field 'text'");
            if (!textNode.isTextual()) {
                return failed(line, "field 'text' must be a string, not " + describe(textNode));
            }
            String body = textNode.textValue();
            if (body.isBlank()) return failed(line, "field 'text' is blank");
            String title;
            String date;
            try {
                title = optionalString(node, "title");
                date = optionalString(node, "date");
            } catch (IllegalArgumentException e) {
                return failed(line, e.getMessage());
            }
            return ArticleItem.of(new Article(id, title, body, date), name + ", line " + line);
        }

        private static String optionalString(JsonNode obj, String field) {
            JsonNode n = obj.get(field);
            if (n == null || n.isNull()) return null;
            if (!n.isTextual()) {
                throw new IllegalArgumentException("field '" + field + "' must be a string, not " + describe(n));
            }
            String s = n.textValue().strip();
            return s.isEmpty() ? null : s;
        }

        private ArticleItem failed(long lineNo, String what) {
            String source = name + ", line " + lineNo;
            return ArticleItem.failed(new BadInputException(source + ": " + what), source);
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) return "nothing";
        if (n.isObject()) return "an object";
        if (n.isArray()) return "an array";
        if (n.isTextual()) return "a string";
        if (n.isBoolean()) return "a boolean (" + n.asText() + ")";
        if (n.isNumber()) return "a number (" + shorten(n.asText()) + ")";
        if (n.isNull()) return "null";
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    static String shorten(String s) {
        if (s == null) return "";
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_DETAIL ? one : one.substring(0, MAX_DETAIL) + "...";
    }

    /** Lets the reader close its decoding chain without closing the caller's standard input. */
    private static final class NonClosingInputStream extends FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(Objects.requireNonNull(in));
        }

        @Override
        public void close() {
            // the caller owns standard input
        }
    }
}
