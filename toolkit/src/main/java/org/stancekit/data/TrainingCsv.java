package org.stancekit.data;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.stancekit.BadInputException;
import org.stancekit.actors.Mention;
import org.stancekit.actors.MentionMatcher;
import org.stancekit.io.TextDecoding;
import org.stancekit.model.StanceQuery;
import org.stancekit.model.Task;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a labelled CSV (header required, RFC 4180) into examples, validating as it goes: every problem is reported as
 * one line naming the file, the row (the header is row 1, as in a spreadsheet) and the column.
 *
 * <p>A row gives a sentiment example when its sentiment cell is filled and one stance example per actor when its actor
 * and stance cells are filled. Several actors in one row are separated by {@code |} in {@code actor}, {@code stance} and
 * {@code mention}, aligned. Where the actor is named: {@code mention_start}/{@code mention_end} offsets if given, else
 * every occurrence of the {@code mention} words, else what the lexicon finds for that actor, else nowhere (a target the
 * text never names).
 */
public final class TrainingCsv {
    /**
     * The most whitespace-separated words a row's text may have. A row is one sentence; a longer text (an unsplit
     * article, a stray quote that swallowed many lines) is reported rather than featurized, whose cost grows with the
     * square of the length.
     */
    public static final int MAX_WORDS = 10_000;

    private final Columns columns;
    private final MentionMatcher matcher;
    private final Charset encoding;
    private final Consumer<String> warn;

    public TrainingCsv(Columns columns, MentionMatcher matcher, Charset encoding, Consumer<String> warn) {
        this.columns = columns;
        this.matcher = matcher;
        this.encoding = encoding;
        this.warn = warn;
    }

    /** Reads {@code file} for the given tasks; a file must have the columns of at least one of them. */
    public LabelledData read(Path file, Set<Task> tasks) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) throw new BadInputException(name + ": is a directory; give a CSV file");
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read (" + e.getMessage() + ")");
        }
        String content = TextDecoding.decode(bytes, name, encoding, warn);
        if (content.isBlank()) throw new BadInputException(name + ": empty file; expected a CSV with a header row");
        List<StanceExample> stance = new ArrayList<>();
        List<SentimentExample> sentiment = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(false)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL) // checked below
                .setIgnoreEmptyLines(true).setTrim(false).get();
        long rows = 0;
        long lastRow = 1; // the header is row 1; a parse error is in the row after the last one read
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            Set<String> seen = new java.util.HashSet<>();
            for (String column : parser.getHeaderNames()) {
                if (!seen.add(column)) {
                    throw BadInputException.at(name, 1, column, "duplicate column name; each column may appear once");
                }
            }
            Map<String, Integer> header = parser.getHeaderMap();
            boolean hasText = header.containsKey(columns.text());
            boolean stanceCols = header.containsKey(columns.actor()) && header.containsKey(columns.stance());
            boolean sentimentCols = header.containsKey(columns.sentiment());
            if (!hasText) throw missing(name, columns.text(), header.keySet(), "--text-column");
            boolean doStance = tasks.contains(Task.STANCE) && stanceCols;
            boolean doSentiment = tasks.contains(Task.SENTIMENT) && sentimentCols;
            if (!doStance && !doSentiment) {
                if (tasks.contains(Task.STANCE)) {
                    String col = header.containsKey(columns.actor()) ? columns.stance() : columns.actor();
                    throw missing(name, col, header.keySet(), col.equals(columns.actor()) ? "--actor-column"
                            : "--stance-column");
                }
                throw missing(name, columns.sentiment(), header.keySet(), "--sentiment-column");
            }
            int width = header.size();
            for (CSVRecord rec : parser) {
                long row = rec.getRecordNumber() + 1;
                lastRow = row;
                if (rec.size() != width) {
                    if (rec.size() == 1 && rec.get(0).isBlank()) continue;
                    throw BadInputException.at(name, row, null, "has " + rec.size() + " fields but the header has "
                            + width + "; quote fields that contain commas");
                }
                rows++;
                String text = rec.get(columns.text());
                if (text.isBlank()) throw BadInputException.at(name, row, columns.text(), "empty text");
                if (words(text) > MAX_WORDS) {
                    throw BadInputException.at(name, row, columns.text(), String.format(Locale.ROOT,
                            "more than %,d words; a row holds one sentence: split the text into sentences",
                            MAX_WORDS));
                }
                String source = name + ", row " + row;
                String group = header.containsKey(columns.group()) && !rec.get(columns.group()).isBlank()
                        ? "group:" + rec.get(columns.group()).strip() : text;
                if (doSentiment) {
                    String label = label(rec.get(columns.sentiment()));
                    if (!label.isEmpty()) sentiment.add(new SentimentExample(text, label, source, group));
                }
                if (doStance) stance.addAll(stanceExamples(rec, header, text, name, row, source, group));
            }
        } catch (UncheckedIOException e) {
            throw BadInputException.at(name, lastRow + 1, null, malformed(cause(e)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw BadInputException.at(name, 1, null, "malformed CSV header (" + e.getMessage() + ")");
        } catch (IOException e) { // only while reading the header
            throw BadInputException.at(name, 1, null, malformed(e.getMessage()));
        }
        if (rows == 0) throw new BadInputException(name + ": only a header, no data rows");
        return new LabelledData(stance, sentiment, List.of(new DataFile(name, sha256(bytes), rows, stance.size(),
                sentiment.size())));
    }

    private List<StanceExample> stanceExamples(CSVRecord rec, Map<String, Integer> header, String text, String file,
                                               long row, String source, String group) {
        String actorCell = rec.get(columns.actor()).strip();
        String stanceCell = rec.get(columns.stance()).strip();
        if (actorCell.isEmpty() && stanceCell.isEmpty()) return List.of();
        if (stanceCell.isEmpty()) return List.of(); // an actor without a label: nothing to learn
        if (actorCell.isEmpty()) {
            throw BadInputException.at(file, row, columns.actor(), "stance '" + stanceCell + "' given but no actor");
        }
        List<String> actors = split(actorCell), labels = split(stanceCell);
        if (actors.size() != labels.size()) {
            throw BadInputException.at(file, row, columns.stance(), actors.size() + " actors but " + labels.size()
                    + " stance labels; separate aligned lists with |");
        }
        List<String> mentionWords = header.containsKey(columns.mention())
                ? split(rec.get(columns.mention())) : List.of();
        if (!mentionWords.isEmpty() && mentionWords.size() != actors.size()) {
            throw BadInputException.at(file, row, columns.mention(), actors.size() + " actors but "
                    + mentionWords.size() + " mentions; separate aligned lists with |");
        }
        int[][] spans = offsets(rec, header, text, file, row, actors.size());
        List<Mention> lexicon = matcher.find(text);
        List<List<Mention>> targets = new ArrayList<>();
        for (int i = 0; i < actors.size(); i++) {
            String actor = actors.get(i);
            List<Mention> known = lexicon.stream().filter(m -> m.actor().equals(actor)).toList();
            List<Mention> found;
            if (spans != null) {
                int[] span = spans[i];
                found = List.of(new Mention(actor, span[0], span[1], text.substring(span[0], span[1])));
            } else if (!mentionWords.isEmpty() && !mentionWords.get(i).isEmpty()) {
                List<Mention> words = MentionMatcher.occurrences(text, mentionWords.get(i), actor);
                if (words.isEmpty()) {
                    throw BadInputException.at(file, row, columns.mention(), "'" + mentionWords.get(i)
                            + "' does not occur in the text");
                }
                // as when scoring: every lexicon mention of the actor ("Chinese foreign ministry", not just the
                // "Chinese" a row may give), plus the given words where the lexicon does not see them
                found = new ArrayList<>(known);
                for (Mention m : words) if (!overlaps(m, known)) found.add(m);
                found.sort(java.util.Comparator.comparingInt(Mention::start));
            } else {
                // An actor outside the lexicon (a dataset's topic such as "Hillary Clinton") is treated as a target
                // the text does not name, even where its surname happens to be a lexicon alias: marking "Clinton"
                // or "Trump" as the target lowered SemEval F_avg 0.617 -> 0.614 and P-Stance 0.732 -> 0.716, since
                // the whole-text features conjoined with the actor are what carries topic stance.
                found = known;
            }
            targets.add(found);
        }
        List<StanceExample> out = new ArrayList<>(actors.size());
        for (int i = 0; i < actors.size(); i++) {
            String label = label(labels.get(i));
            if (label.isEmpty()) {
                throw BadInputException.at(file, row, columns.stance(), "empty stance label for actor '"
                        + actors.get(i) + "'");
            }
            List<Mention> mine = targets.get(i);
            List<Mention> others = new ArrayList<>();
            for (int j = 0; j < actors.size(); j++) {
                if (j != i) others.addAll(targets.get(j));
            }
            String actor = actors.get(i);
            for (Mention m : lexicon) {
                if (!m.actor().equals(actor) && !overlaps(m, mine) && !overlaps(m, others)) others.add(m);
            }
            others.removeIf(m -> overlaps(m, mine));
            out.add(new StanceExample(new StanceQuery(text, actor, mine, others), label, source, group));
        }
        return out;
    }

    /** Per actor its {@code [start, end)} from the offset columns (aligned {@code |} lists), or null without them. */
    private int[][] offsets(CSVRecord rec, Map<String, Integer> header, String text, String file, long row, int actors) {
        if (!header.containsKey(columns.mentionStart()) || !header.containsKey(columns.mentionEnd())) return null;
        List<String> s = split(rec.get(columns.mentionStart())), e = split(rec.get(columns.mentionEnd()));
        if (s.isEmpty() && e.isEmpty()) return null;
        if (s.size() != actors || e.size() != actors) {
            throw BadInputException.at(file, row, columns.mentionStart(), actors + " actors but " + s.size()
                    + " start and " + e.size() + " end offsets; give one of each per actor, separated by |");
        }
        int[][] spans = new int[actors][];
        for (int i = 0; i < actors; i++) {
            int start = integer(s.get(i), file, row, columns.mentionStart());
            int end = integer(e.get(i), file, row, columns.mentionEnd());
            if (start < 0 || end <= start || end > text.length()) {
                throw BadInputException.at(file, row, columns.mentionStart(), "span " + start + ".." + end
                        + " is outside the text (length " + text.length() + ")");
            }
            spans[i] = new int[] {start, end};
        }
        return spans;
    }

    private static int integer(String s, String file, long row, String column) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException ex) {
            throw BadInputException.at(file, row, column, "'" + s + "' is not a whole number");
        }
    }

    private static boolean overlaps(Mention m, List<Mention> list) {
        for (Mention o : list) {
            if (m.start() < o.end() && o.start() < m.end()) return true;
        }
        return false;
    }

    /** Whitespace-separated words in {@code s}; counting stops just past {@link #MAX_WORDS}. */
    static int words(String s) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length() && n <= MAX_WORDS; i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inWord) n++;
            inWord = !space;
        }
        return n;
    }

    private static List<String> split(String cell) {
        if (cell.isBlank()) return List.of();
        List<String> out = new ArrayList<>();
        for (String p : cell.split("\\|", -1)) out.add(p.strip());
        return out;
    }

    /** Labels are compared lower-case and trimmed. */
    public static String label(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    private static BadInputException missing(String file, String column, Set<String> found, String option) {
        return BadInputException.at(file, 1, column, "missing required column (the header has: "
                + String.join(", ", found) + "); rename it or use " + option);
    }

    /** What a parse error of commons-csv means, in the user's words where we know it. */
    private static String malformed(String message) {
        return org.stancekit.io.CsvErrors.describe(message);
    }

    private static String cause(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null) c = c.getCause();
        return c.getMessage();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
