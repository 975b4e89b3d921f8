package org.stancekit.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.stancekit.BadInputException;
import org.stancekit.StanceKitException;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Converts public stance datasets to StanceKit's training CSV (UTF-8, RFC 4180). Each import streams its input,
 * writes a temporary file next to the output and moves it into place only when every row was good, so a failed import
 * never leaves a half-written file. The first bad row stops the import with a {@link BadInputException} that names the
 * file, the line and the field or column.
 */
public final class Importers {
    /** Columns of the CSV {@link #importNewsMtsc} writes. */
    public static final List<String> NEWSMTSC_HEADER =
            List.of("id", "group", "text", "actor", "mention", "mention_start", "mention_end", "stance");
    /** Columns of the CSV {@link #importSemEval} writes. */
    public static final List<String> SEMEVAL_HEADER = List.of("id", "text", "actor", "stance", "sentiment");
    /** The columns of the official SemEval-2016 Task 6 files, in order ("Sentiment" optional). */
    static final List<String> SEMEVAL_COLUMNS = List.of("ID", "Target", "Tweet", "Stance", "Opinion towards",
            "Sentiment");
    /** Columns of the CSV {@link #importPStance} writes. */
    public static final List<String> PSTANCE_HEADER = List.of("text", "actor", "stance");
    /** The columns of the P-Stance files ({@code raw_<split>_<target>.csv}). */
    static final List<String> PSTANCE_COLUMNS = List.of("Tweet", "Target", "Stance");
    /** Columns of the CSV {@link #importFinancialPhraseBank} and {@link #importSst} write. */
    public static final List<String> SENTIMENT_HEADER = List.of("text", "sentiment");
    /** Financial PhraseBank labels, in the order the import report counts them. */
    static final List<String> FPB_LABELS = List.of("positive", "negative", "neutral");

    /** The label sets of the SST sentence files ({@code <label> <sentence>} per line); the dataset's own labels. */
    public enum SstLabels {
        /** SST-5 ({@code stsa.fine.*}): 0..4. */
        FINE(List.of("very negative", "negative", "neutral", "positive", "very positive")),
        /** SST-2 ({@code stsa.binary.*}): 0..1. */
        BINARY(List.of("negative", "positive"));

        private final List<String> labels;

        SstLabels(List<String> labels) {
            this.labels = labels;
        }

        /** The label of each number, from 0. */
        public List<String> labels() {
            return labels;
        }

        /** From the file name: {@code stsa.fine.*} gives FINE, {@code stsa.binary.*} BINARY, anything else null. */
        public static SstLabels fromFileName(Path file) {
            Path name = file.getFileName();
            String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
            boolean fine = n.contains("fine"), binary = n.contains("binary");
            if (fine == binary) return null;
            return fine ? FINE : BINARY;
        }
    }

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Importers() {}

    /**
     * What an import wrote: {@code rows} data rows, {@code skipped} input records that gave no row (a NewsMTSC
     * sentence without targets, a P-Stance NONE row dropped on request), and how many rows have each label (stance
     * imports: favor, against, neutral, in that order; sentiment imports: the dataset's labels in its own order).
     */
    public record ImportReport(long rows, long skipped, Map<String, Long> labelCounts) {
        public ImportReport {
            labelCounts = Collections.unmodifiableMap(new LinkedHashMap<>(labelCounts));
        }
    }

    /**
     * The article a NewsMTSC sentence comes from: the first three {@code _}-separated parts of its gid
     * ({@code allsides_269_109_28_...} → {@code allsides_269_109}, {@code polusa_v1_4333948_-1_6_...} →
     * {@code polusa_v1_4333948}), so that a dev split never puts sentences of one article on both sides.
     */
    static String newsMtscArticle(String gid) {
        String[] parts = gid.split("_", 4);
        return parts.length < 4 ? gid : parts[0] + "_" + parts[1] + "_" + parts[2];
    }

    /**
     * NewsMTSC (Hamborg &amp; Donnay 2021) JSONL: one sentence per line,
     * {@code {"primary_gid", "sentence_normalized", "targets": [{"Input.gid", "from", "to", "mention", "polarity"}]}}.
     * Writes one row per sentence with all its targets, aligned and separated by {@code |} (so each target's features
     * know where the other targets are): id = {@code primary_gid}, group = its article (see {@link #newsMtscArticle}),
     * text = the sentence, actor and mention = the mention
     * texts, {@code mention_start}/{@code mention_end} their spans, and the stances from the polarities (2.0 against,
     * 4.0 neutral, 6.0 favor). A span that
     * does not hold the mention is repaired from the nearest occurrence of the mention, with a warning. Sentences
     * without targets are counted as skipped.
     */
    public static ImportReport importNewsMtsc(Path in, Path out, Charset explicit, boolean force,
                                              Consumer<String> warn) {
        Consumer<String> w = warn != null ? warn : s -> { };
        String file = in.toString();
        return writeAtomically(in, out, force, NEWSMTSC_HEADER, printer -> {
            Map<String, Long> counts = newCounts();
            long rows = 0;
            long skipped = 0;
            try (BufferedReader reader = new BufferedReader(TextDecoding.open(in, explicit, w), 64 * 1024)) {
                long lineNo = 0;
                String line;
                while ((line = reader.readLine()) != null) {
                    lineNo++;
                    if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                    if (line.isBlank()) continue;
                    JsonNode node;
                    try {
                        node = MAPPER.readTree(line);
                    } catch (JsonProcessingException e) {
                        throw jsonError(file, lineNo, null,
                                "invalid JSON (" + ArticleReader.shorten(e.getOriginalMessage()) + ")");
                    }
                    if (node == null || !node.isObject()) {
                        throw jsonError(file, lineNo, null, "expected a JSON object, found "
                                + ArticleReader.describe(node));
                    }
                    String text = requireString(node, "sentence_normalized", file, lineNo, "sentence_normalized");
                    JsonNode targets = node.get("targets");
                    if (targets == null || targets.isNull() || (targets.isArray() && targets.isEmpty())) {
                        skipped++;
                        continue;
                    }
                    if (!targets.isArray()) {
                        throw jsonError(file, lineNo, "targets", "expected an array, found "
                                + ArticleReader.describe(targets));
                    }
                    List<String> names = new ArrayList<>(), starts = new ArrayList<>(), ends = new ArrayList<>(),
                            stances = new ArrayList<>();
                    for (int i = 0; i < targets.size(); i++) {
                        String field = "targets[" + i + "]";
                        JsonNode t = targets.get(i);
                        if (!t.isObject()) {
                            throw jsonError(file, lineNo, field, "expected an object, found "
                                    + ArticleReader.describe(t));
                        }
                        requireString(t, "Input.gid", file, lineNo, field + ".Input.gid");
                        String mention = requireString(t, "mention", file, lineNo, field + ".mention");
                        int from = requireInt(t, "from", file, lineNo, field + ".from");
                        int to = requireInt(t, "to", file, lineNo, field + ".to");
                        String stance = newsMtscStance(t.get("polarity"), file, lineNo, field + ".polarity");
                        int[] span = locate(text, mention, from, to, file, lineNo, field, w);
                        // '|' separates the targets of one row in our CSV; NewsMTSC names never need it
                        names.add(mention.replace('|', '/').strip());
                        starts.add(Integer.toString(span[0]));
                        ends.add(Integer.toString(span[1]));
                        stances.add(stance);
                        counts.merge(stance, 1L, Long::sum);
                    }
                    String id = node.hasNonNull("primary_gid") ? node.get("primary_gid").asText() : file + ":" + lineNo;
                    printer.printRecord(id, newsMtscArticle(id), text, String.join("|", names), String.join("|", names),
                            String.join("|", starts), String.join("|", ends), String.join("|", stances));
                    rows++;
                }
            }
            return new ImportReport(rows, skipped, counts);
        });
    }

    /**
     * SemEval-2016 Task 6 (Mohammad et al. 2016) tab-separated file with header
     * {@code ID, Target, Tweet, Stance, Opinion towards, Sentiment} (Sentiment optional). Quotes are not special (tweets
     * contain them). Stance FAVOR/AGAINST/NONE becomes favor/against/neutral; Sentiment POSITIVE/NEGATIVE/NEITHER
     * becomes positive/negative/neutral. Writes {@code id, text, actor, stance, sentiment} with actor = the target.
     * Without an explicit encoding the file is decoded by {@link TextDecoding} (the official release is not valid
     * UTF-8 and is read as windows-1252, with a warning). Text is kept as it is, including the {@code #SemST} marker.
     */
    public static ImportReport importSemEval(Path in, Path out, Charset explicit, boolean force,
                                             Consumer<String> warn) {
        Consumer<String> w = warn != null ? warn : s -> { };
        String file = in.toString();
        CSVFormat format = CSVFormat.TDF.builder()
                .setQuote(null)
                .setEscape(null)
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                .setIgnoreEmptyLines(true)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true)
                .get();
        return writeAtomically(in, out, force, SEMEVAL_HEADER, printer -> {
            Map<String, Long> counts = newCounts();
            long rows = 0;
            try (Reader reader = TextDecoding.open(in, explicit, w);
                 CSVParser parser = parse(format, reader, file)) {
                List<String> names = parser.getHeaderNames();
                int id = column(names, "ID", file, true);
                int target = column(names, "Target", file, true);
                int tweet = column(names, "Tweet", file, true);
                int stanceCol = column(names, "Stance", file, true);
                int sentimentCol = column(names, "Sentiment", file, false);
                int needed = Math.max(Math.max(id, target), Math.max(tweet, Math.max(stanceCol, sentimentCol))) + 1;
                for (CSVRecord r : iterate(parser, file)) {
                    // without quoting a record is one line, and the parser has just counted it
                    long lineNo = parser.getCurrentLineNumber();
                    if (r.size() < needed) {
                        throw new BadInputException(file + ", line " + lineNo + ": expected " + names.size()
                                + " tab-separated columns, found " + r.size());
                    }
                    String idValue = nonEmpty(r.get(id), file, lineNo, names.get(id));
                    String actor = nonEmpty(r.get(target), file, lineNo, names.get(target));
                    String text = nonEmpty(r.get(tweet), file, lineNo, names.get(tweet));
                    String stance = semEvalStance(r.get(stanceCol), file, lineNo, names.get(stanceCol));
                    String sentiment = sentimentCol < 0 ? ""
                            : semEvalSentiment(r.get(sentimentCol), file, lineNo, names.get(sentimentCol));
                    printer.printRecord(idValue, text, actor, stance, sentiment);
                    counts.merge(stance, 1L, Long::sum);
                    rows++;
                }
            }
            return new ImportReport(rows, 0, counts);
        });
    }

    /**
     * P-Stance (Li et al. 2021) CSV: comma-separated, RFC 4180 quoting, header {@code Tweet,Target,Stance}. Stance
     * FAVOR/AGAINST/NONE becomes favor/against/neutral and the Target ({@code Donald Trump}, ...) the actor, a target
     * the tweet need not name. Writes {@code text, actor, stance}. With {@code dropNone} the NONE rows are left out
     * and counted as skipped: the paper's task is binary (FAVOR/AGAINST) and its loader drops them. Error messages
     * name the line on which the bad record ends (one line per record in the official files).
     */
    public static ImportReport importPStance(Path in, Path out, Charset explicit, boolean force, boolean dropNone,
                                             Consumer<String> warn) {
        Consumer<String> w = warn != null ? warn : s -> { };
        String file = in.toString();
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                .setIgnoreEmptyLines(true)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true)
                .get();
        return writeAtomically(in, out, force, PSTANCE_HEADER, printer -> {
            Map<String, Long> counts = newCounts();
            long rows = 0;
            long skipped = 0;
            try (Reader reader = TextDecoding.open(in, explicit, w);
                 CSVParser parser = parse(format, reader, file, PSTANCE_COLUMNS, "comma")) {
                List<String> names = parser.getHeaderNames();
                int tweet = column(names, "Tweet", file, true, PSTANCE_COLUMNS, "comma");
                int target = column(names, "Target", file, true, PSTANCE_COLUMNS, "comma");
                int stanceCol = column(names, "Stance", file, true, PSTANCE_COLUMNS, "comma");
                int needed = Math.max(tweet, Math.max(target, stanceCol)) + 1;
                for (CSVRecord r : iterate(parser, file)) {
                    long lineNo = parser.getCurrentLineNumber();
                    if (r.size() < needed || r.size() > names.size()) { // more: a comma left unquoted
                        throw new BadInputException(file + ", line " + lineNo + ": expected " + names.size()
                                + " comma-separated columns, found " + r.size()
                                + " (quote fields that contain commas)");
                    }
                    String text = nonEmpty(r.get(tweet), file, lineNo, names.get(tweet));
                    String actor = nonEmpty(r.get(target), file, lineNo, names.get(target));
                    String stance = semEvalStance(r.get(stanceCol), file, lineNo, names.get(stanceCol));
                    if (dropNone && stance.equals("neutral")) {
                        skipped++;
                        continue;
                    }
                    printer.printRecord(text, actor, stance);
                    counts.merge(stance, 1L, Long::sum);
                    rows++;
                }
            }
            return new ImportReport(rows, skipped, counts);
        });
    }

    /**
     * Financial PhraseBank (Malo et al. 2014) {@code Sentences_*Agree.txt}: one {@code sentence@label} per line, the
     * label {@code positive}, {@code negative} or {@code neutral} after the <em>last</em> {@code @} (sentences may
     * contain one). The release is ISO-8859-1, which is the default here ({@code explicit} overrides it); CRLF or LF.
     * Writes {@code text, sentiment}; blank lines are skipped.
     */
    public static ImportReport importFinancialPhraseBank(Path in, Path out, Charset explicit, boolean force,
                                                         Consumer<String> warn) {
        Consumer<String> w = warn != null ? warn : s -> { };
        String file = in.toString();
        Charset charset = explicit != null ? explicit : StandardCharsets.ISO_8859_1;
        return writeAtomically(in, out, force, SENTIMENT_HEADER, printer -> {
            Map<String, Long> counts = labelCounts(FPB_LABELS);
            long rows = 0;
            try (BufferedReader reader = new BufferedReader(TextDecoding.open(in, charset, w), 64 * 1024)) {
                long lineNo = 0;
                String line;
                while ((line = reader.readLine()) != null) {
                    lineNo++;
                    if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                    if (line.isBlank()) continue;
                    String where = file + ", line " + lineNo;
                    int at = line.lastIndexOf('@');
                    if (at < 0) {
                        throw new BadInputException(where + ": no '@' between the sentence and its label;"
                                + " expected sentence@positive, sentence@negative or sentence@neutral");
                    }
                    String text = line.substring(0, at).strip();
                    if (text.isEmpty()) throw BadInputException.at(where, 0, "sentence", "empty");
                    String raw = line.substring(at + 1);
                    String label = raw.strip().toLowerCase(Locale.ROOT);
                    if (!FPB_LABELS.contains(label)) {
                        throw BadInputException.at(where, 0, "label", "unknown label '" + ArticleReader.shorten(raw)
                                + "'; expected positive, negative or neutral");
                    }
                    printer.printRecord(text, label);
                    counts.merge(label, 1L, Long::sum);
                    rows++;
                }
            }
            return new ImportReport(rows, 0, counts);
        });
    }

    /**
     * Stanford Sentiment Treebank sentence files as preprocessed by Kim (2014) ({@code stsa.fine.*},
     * {@code stsa.binary.*}): one {@code <label> <sentence>} per line, lower-cased and tokenised, UTF-8. The dataset's
     * own labels are kept: SST-5 0..4 become {@code very negative, negative, neutral, positive, very positive}, SST-2
     * 0..1 {@code negative, positive}. {@code labels} null means: from the file name ({@link SstLabels#fromFileName}).
     * Writes {@code text, sentiment}; blank lines are skipped.
     */
    public static ImportReport importSst(Path in, Path out, Charset explicit, boolean force, SstLabels labels,
                                         Consumer<String> warn) {
        Consumer<String> w = warn != null ? warn : s -> { };
        String file = in.toString();
        SstLabels set = labels != null ? labels : SstLabels.fromFileName(in);
        if (set == null) {
            throw new BadInputException(file + ": cannot tell SST-5 from SST-2 by the file name (expected stsa.fine.*"
                    + " or stsa.binary.*); say which with --sst-labels fine|binary");
        }
        List<String> names = set.labels();
        return writeAtomically(in, out, force, SENTIMENT_HEADER, printer -> {
            Map<String, Long> counts = labelCounts(names);
            long rows = 0;
            try (BufferedReader reader = new BufferedReader(TextDecoding.open(in, explicit, w), 64 * 1024)) {
                long lineNo = 0;
                String line;
                while ((line = reader.readLine()) != null) {
                    lineNo++;
                    if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                    if (line.isBlank()) continue;
                    String where = file + ", line " + lineNo;
                    String trimmed = line.strip();
                    int space = 0;
                    while (space < trimmed.length() && !Character.isWhitespace(trimmed.charAt(space))) space++;
                    String number = trimmed.substring(0, space);
                    int value = -1;
                    if (!number.isEmpty() && number.length() <= 2 && number.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        value = Integer.parseInt(number);
                    }
                    if (value < 0 || value >= names.size()) {
                        throw BadInputException.at(where, 0, "label", "expected a label 0.." + (names.size() - 1)
                                + " (" + (set == SstLabels.FINE ? "SST-5" : "SST-2") + ") followed by a space and the"
                                + " sentence, found '" + ArticleReader.shorten(number) + "'");
                    }
                    String text = trimmed.substring(space).strip();
                    if (text.isEmpty()) throw BadInputException.at(where, 0, "sentence", "empty");
                    String label = names.get(value);
                    printer.printRecord(text, label);
                    counts.merge(label, 1L, Long::sum);
                    rows++;
                }
            }
            return new ImportReport(rows, 0, counts);
        });
    }

    // --------------------------------------------------------------------------------------------- NewsMTSC helpers

    private static String newsMtscStance(JsonNode p, String file, long line, String field) {
        if (p != null && p.isNumber()) {
            double v = p.asDouble();
            if (v == 2.0) return "against";
            if (v == 4.0) return "neutral";
            if (v == 6.0) return "favor";
        }
        String got = p == null ? "nothing" : p.isNumber() ? p.asText() : ArticleReader.describe(p);
        throw jsonError(file, line, field, "expected polarity 2.0 (against), 4.0 (neutral) or 6.0 (favor), got " + got);
    }

    /** The mention's span: as given when it holds the mention, else the nearest occurrence (with a warning). */
    private static int[] locate(String text, String mention, int from, int to, String file, long line, String field,
                                Consumer<String> warn) {
        if (mention.isEmpty()) throw jsonError(file, line, field + ".mention", "is empty");
        if (from >= 0 && from <= to && to <= text.length() && text.substring(from, to).equals(mention)) {
            return new int[]{from, to};
        }
        int best = -1;
        for (int i = text.indexOf(mention); i >= 0; i = text.indexOf(mention, i + 1)) {
            if (best < 0 || Math.abs(i - from) < Math.abs(best - from)) best = i;
        }
        if (best < 0) {
            throw jsonError(file, line, field + ".mention", "'" + ArticleReader.shorten(mention)
                    + "' does not occur in sentence_normalized (from " + from + ", to " + to + ")");
        }
        warn.accept(file + ", line " + line + ", field '" + field + "': mention '" + ArticleReader.shorten(mention)
                + "' is not at " + from + ".." + to + "; using " + best + ".." + (best + mention.length()));
        return new int[]{best, best + mention.length()};
    }

    static String requireString(JsonNode obj, String key, String file, long line, String field) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) throw jsonError(file, line, field, "missing");
        if (!n.isTextual()) throw jsonError(file, line, field, "expected a string, found " + ArticleReader.describe(n));
        if (n.textValue().isBlank()) throw jsonError(file, line, field, "is blank");
        return n.textValue();
    }

    private static int requireInt(JsonNode obj, String key, String file, long line, String field) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) throw jsonError(file, line, field, "missing");
        if (n.isNumber() && n.canConvertToInt() && n.asDouble() == Math.rint(n.asDouble()) && n.asInt() >= 0) {
            return n.asInt();
        }
        throw jsonError(file, line, field, "expected a character offset (an integer >= 0), found "
                + ArticleReader.describe(n));
    }

    static BadInputException jsonError(String file, long line, String field, String what) {
        StringBuilder sb = new StringBuilder(file).append(", line ").append(line);
        if (field != null) sb.append(", field '").append(field).append('\'');
        return new BadInputException(sb.append(": ").append(what).toString());
    }

    // ------------------------------------------------------------------------------- SemEval and P-Stance helpers

    private static CSVParser parse(CSVFormat format, Reader reader, String file) throws IOException {
        return parse(format, reader, file, SEMEVAL_COLUMNS, "tab");
    }

    /** {@code separator} names the delimiter in messages ("tab", "comma"). */
    private static CSVParser parse(CSVFormat format, Reader reader, String file, List<String> expected,
                                   String separator) throws IOException {
        try {
            CSVParser p = CSVParser.builder().setReader(reader).setFormat(format).get();
            if (p.getHeaderNames().isEmpty()) {
                throw new BadInputException(file + ": empty file; expected a " + separator + "-separated header line"
                        + " with the columns " + String.join(", ", expected));
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ", line 1: bad header (" + e.getMessage() + ")", e);
        }
    }

    /** The parser's records; a parse failure inside the iteration becomes a BadInputException. */
    private static Iterable<CSVRecord> iterate(CSVParser parser, String file) {
        return () -> new java.util.Iterator<>() {
            private final java.util.Iterator<CSVRecord> it = parser.iterator();

            @Override
            public boolean hasNext() {
                try {
                    return it.hasNext();
                } catch (UncheckedIOException e) {
                    throw new BadInputException(file + ", line " + parser.getCurrentLineNumber() + ": "
                            + CsvErrors.describe(e), e);
                }
            }

            @Override
            public CSVRecord next() {
                return it.next();
            }
        };
    }

    private static int column(List<String> names, String wanted, String file, boolean required) {
        return column(names, wanted, file, required, SEMEVAL_COLUMNS, "tab");
    }

    private static int column(List<String> names, String wanted, String file, boolean required, List<String> expected,
                              String separator) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null && names.get(i).strip().equalsIgnoreCase(wanted)) return i;
        }
        if (!required) return -1;
        throw new BadInputException(file + ", line 1: missing column '" + wanted + "'; the header has "
                + String.join(", ", names) + " (expected " + String.join(", ", expected) + ", " + separator
                + "-separated)");
    }

    private static String nonEmpty(String v, String file, long line, String column) {
        if (v == null || v.isBlank()) throw BadInputException.at(file + ", line " + line, 0, column, "empty");
        return v.strip();
    }

    private static String semEvalStance(String v, String file, long line, String column) {
        String s = v == null ? "" : v.strip().toUpperCase(Locale.ROOT);
        return switch (s) {
            case "FAVOR" -> "favor";
            case "AGAINST" -> "against";
            case "NONE" -> "neutral";
            default -> throw BadInputException.at(file + ", line " + line, 0, column,
                    "unknown stance '" + ArticleReader.shorten(v) + "'; expected FAVOR, AGAINST or NONE");
        };
    }

    private static String semEvalSentiment(String v, String file, long line, String column) {
        String s = v == null ? "" : v.strip().toUpperCase(Locale.ROOT);
        return switch (s) {
            case "" -> "";
            case "POSITIVE" -> "positive";
            case "NEGATIVE" -> "negative";
            case "NEITHER" -> "neutral";
            default -> throw BadInputException.at(file + ", line " + line, 0, column,
                    "unknown sentiment '" + ArticleReader.shorten(v) + "'; expected POSITIVE, NEGATIVE or NEITHER");
        };
    }

    // ------------------------------------------------------------------------------------------------ shared helpers

    static Map<String, Long> newCounts() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("favor", 0L);
        m.put("against", 0L);
        m.put("neutral", 0L);
        return m;
    }

    static Map<String, Long> labelCounts(List<String> labels) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String l : labels) m.put(l, 0L);
        return m;
    }

    @FunctionalInterface
    interface Body {
        ImportReport write(CSVPrinter printer) throws IOException;
    }

    /**
     * Checks the output can be written, runs {@code body} against a temporary file beside it, and moves the temporary
     * file over the output (atomically where the file system can). The temporary file is removed on any failure.
     */
    static ImportReport writeAtomically(Path in, Path out, boolean force, List<String> header, Body body) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) throw new BadInputException(out + ": is a directory; give an output file");
        if (Files.exists(target) && !force) throw new BadInputException(out + " exists; use --force to overwrite");
        if (!Files.exists(in)) throw new BadInputException(in + ": no such file");
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StanceKitException("cannot create directory " + dir + " (" + describe(e) + ")",
                    StanceKitException.EXIT_FAILURE, e);
        }
        Path tmp = createTemp(dir, target.getFileName().toString());
        boolean moved = false;
        try {
            ImportReport report;
            try (Writer writer = new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING), StandardCharsets.UTF_8));
                 CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
                printer.printRecord(header);
                report = body.write(printer);
            }
            if (report.rows() == 0 && report.skipped() == 0) { // nothing to train on: fail like train does
                throw new BadInputException(in + ": no records (the file is empty or has only blank lines or a"
                        + " header)");
            }
            move(tmp, target);
            moved = true;
            return report;
        } catch (IOException e) {
            throw new StanceKitException("cannot import " + in + " to " + out + " (" + describe(e) + ")",
                    StanceKitException.EXIT_FAILURE, e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    private static Path createTemp(Path dir, String name) {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".tmp");
            try {
                // created with the default permissions (umask), unlike Files.createTempFile's owner-only ones
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) throw new StanceKitException("cannot create a temporary file in " + dir,
                        StanceKitException.EXIT_FAILURE, e);
            } catch (IOException e) {
                throw new StanceKitException("cannot write to " + dir + " (" + describe(e) + ")",
                        StanceKitException.EXIT_FAILURE, e);
            }
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException atomicFailed) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
