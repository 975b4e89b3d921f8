package org.stancekit.io;

import org.stancekit.BadInputException;

import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Makes a {@link ResultWriter} for an output format: {@code csv}, {@code jsonl} or {@code table}. */
public final class ResultWriters {
    /** The format names {@link #create} accepts. */
    public static final List<String> FORMATS = List.of("csv", "jsonl", "table");

    private ResultWriters() {}

    /** A writer for {@code format} with no terminal colours. */
    public static ResultWriter create(String format, Writer out) {
        return create(format, out, false);
    }

    /**
     * @param format {@code csv}, {@code jsonl} or {@code table} (case does not matter)
     * @param out    where to write; flushed after each article, never closed
     * @param color  ANSI colours in the table format (favor green, against red); ignored by csv and jsonl
     * @throws BadInputException for another format
     */
    public static ResultWriter create(String format, Writer out, boolean color) {
        Objects.requireNonNull(out, "out");
        String f = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "csv" -> new CsvResultWriter(out);
            case "jsonl" -> new JsonlResultWriter(out);
            case "table" -> new TableResultWriter(out, color);
            default -> throw new BadInputException("unknown --format '" + format + "'; use csv, jsonl or table");
        };
    }
}
