package org.stancekit.text;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every case of {@code text/splitter-golden.txt} (format documented at the top of that file) through
 * {@link SentenceSplitter}; a failure names the case number and title and shows expected vs actual.
 */
class SentenceSplitterGoldenTest {

    static final String RESOURCE = "/text/splitter-golden.txt";
    private static final SentenceSplitter SPLITTER = new SentenceSplitter();

    /** One golden case. */
    record Case(int number, String title, String input, List<String> expected) {
    }

    @Test
    void fileHasEnoughCases() throws IOException {
        List<Case> cases = load();
        assertTrue(cases.size() >= 70, "expected at least 70 golden cases, found " + cases.size());
    }

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        return load().stream().map(c -> DynamicTest.dynamicTest("case " + c.number() + ": " + c.title(),
                () -> check(c)));
    }

    private static void check(Case c) {
        List<TextSpan> spans = SPLITTER.split(c.input());
        List<String> actual = new ArrayList<>();
        for (TextSpan span : spans) actual.add(span.text());
        if (!actual.equals(c.expected())) fail(report(c, actual));
        SentenceSplitterTest.assertInvariants(c.input(), spans);
    }

    static String report(Case c, List<String> actual) {
        StringBuilder sb = new StringBuilder();
        sb.append("golden case ").append(c.number()).append(" (").append(c.title()).append(") differs\n");
        sb.append("input: ").append(escape(c.input())).append('\n');
        int rows = Math.max(c.expected().size(), actual.size());
        for (int i = 0; i < rows; i++) {
            String e = i < c.expected().size() ? c.expected().get(i) : null;
            String a = i < actual.size() ? actual.get(i) : null;
            boolean same = e != null && e.equals(a);
            if (e != null) sb.append(same ? "   " : " - ").append('[').append(i).append("] ").append(escape(e)).append('\n');
            if (!same && a != null) sb.append(" + [").append(i).append("] ").append(escape(a)).append('\n');
        }
        sb.append("(- expected, + actual)");
        return sb.toString();
    }

    /** {@link #escape} of at most the first 300 chars, for messages about possibly huge inputs. */
    static String abbreviate(String s) {
        return s.length() <= 300 ? escape(s) : escape(s.substring(0, 300)) + "... (" + s.length() + " chars)";
    }

    /** Makes control and invisible chars visible in failure messages. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) && !validPair(s, i)
                            || Character.getType(c) == Character.FORMAT || Character.isSpaceChar(c) && c != ' ') {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** Parses the golden file. */
    static List<Case> load() throws IOException {
        String content;
        try (InputStream in = SentenceSplitterGoldenTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, "missing test resource " + RESOURCE);
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!content.isEmpty() && content.charAt(0) == '\uFEFF') content = content.substring(1);
        String[] lines = content.split("\n", -1);
        List<Case> cases = new ArrayList<>();
        String title = null;
        List<String> input = null, expected = null;
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln].endsWith("\r") ? lines[ln].substring(0, lines[ln].length() - 1) : lines[ln];
            if (line.startsWith("=====")) {
                if (title != null) cases.add(build(cases.size() + 1, title, input, expected, ln));
                title = line.substring(5).trim();
                input = new ArrayList<>();
                expected = null;
            } else if (title == null) {
                continue; // header comments
            } else if (expected == null && line.equals("-----")) {
                expected = new ArrayList<>();
            } else if (expected == null) {
                input.add(unescape(line));
            } else if (!line.isEmpty()) {
                expected.add(unescape(line));
            }
        }
        if (title != null) cases.add(build(cases.size() + 1, title, input, expected, lines.length));
        return cases;
    }

    private static Case build(int number, String title, List<String> input, List<String> expected, int line) {
        if (expected == null) throw new IllegalStateException("golden case " + number + " (" + title
                + ") has no '-----' separator (before line " + line + ")");
        return new Case(number, title, String.join("\n", input), List.copyOf(expected));
    }

    /** Resolves the escapes documented in the golden file. */
    static String unescape(String line) {
        if (line.indexOf('\\') < 0) return line;
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 >= line.length()) {
                sb.append(c);
                continue;
            }
            char e = line.charAt(++i);
            switch (e) {
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'n' -> sb.append('\n');
                case '\\' -> sb.append('\\');
                case 'u' -> {
                    if (i + 4 >= line.length()) {
                        throw new IllegalArgumentException("bad \\u escape in golden line: " + line);
                    }
                    sb.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append('\\').append(e);
            }
        }
        return sb.toString();
    }
}
