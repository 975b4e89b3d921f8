package org.stancekit.io;

import org.stancekit.BadInputException;
import org.stancekit.score.Abstention;

import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Makes a {@link ResultWriter} for an output format: {@code csv}, {@code jsonl}, {@code table} or {@code html}. */
public final class ResultWriters {
    /** The format names {@link #create} accepts. */
    public static final List<String> FORMATS = List.of("csv", "jsonl", "table", "html");

    private ResultWriters() {}

    /**
     * How results are written.
     *
     * @param color         ANSI colours in the table format (favor green, against red); ignored by the others
     * @param minConfidence a label whose probability is below this is written as {@code uncertain} (probabilities
     *                      are kept); 0 never abstains. See {@link Abstention}.
     * @param focus         html: the actor whose stance colours the sentences at first (null: the most mentioned)
     * @param stanceLabels  html: the stance model's labels, in order, for the summary table (empty: as met)
     * @param title         html: the page title (null: "StanceKit report")
     */
    public record Options(boolean color, double minConfidence, String focus, List<String> stanceLabels,
                          String title) {
        public Options {
            Abstention.check(minConfidence);
            stanceLabels = stanceLabels == null ? List.of() : List.copyOf(stanceLabels);
        }

        public static Options defaults() {
            return new Options(false, 0, null, List.of(), null);
        }

        public Options withColor(boolean c) {
            return new Options(c, minConfidence, focus, stanceLabels, title);
        }
    }

    /** A writer for {@code format} with no terminal colours. */
    public static ResultWriter create(String format, Writer out) {
        return create(format, out, Options.defaults());
    }

    /** A writer for {@code format}; {@code color} as in {@link Options#color()}. */
    public static ResultWriter create(String format, Writer out, boolean color) {
        return create(format, out, Options.defaults().withColor(color));
    }

    /**
     * @param format {@code csv}, {@code jsonl}, {@code table} or {@code html} (case does not matter)
     * @param out    where to write; flushed after each article, never closed
     * @throws BadInputException for another format
     */
    public static ResultWriter create(String format, Writer out, Options options) {
        Objects.requireNonNull(out, "out");
        Options o = options == null ? Options.defaults() : options;
        String f = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "csv" -> new CsvResultWriter(out, o.minConfidence());
            case "jsonl" -> new JsonlResultWriter(out, o.minConfidence());
            case "table" -> new TableResultWriter(out, o.color(), o.minConfidence());
            case "html" -> new HtmlResultWriter(out, o);
            default -> throw new BadInputException("unknown --format '" + format + "'; use csv, jsonl, table or html");
        };
    }
}
