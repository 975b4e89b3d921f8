package org.stancekit.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.stancekit.score.ArticleResult;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV, one row per sentence and actor; a sentence that names no actor gets one row with empty actor columns.
 * The header is written once, before the first row (or on close when there was no article). Below the minimum
 * confidence a label is written {@code uncertain}; the confidence column still holds the top probability. The rows
 * are {@link ResultRow#of}.
 */
final class CsvResultWriter implements ResultWriter {
    static final List<String> HEADER = ResultRow.HEADER;

    private final Writer out;
    private final double minConfidence;
    private CSVPrinter printer;

    CsvResultWriter(Writer out) {
        this(out, 0);
    }

    CsvResultWriter(Writer out, double minConfidence) {
        this.out = out;
        this.minConfidence = minConfidence;
    }

    private CSVPrinter printer() throws IOException {
        if (printer == null) {
            printer = new CSVPrinter(out, CSVFormat.RFC4180);
            printer.printRecord(HEADER);
        }
        return printer;
    }

    @Override
    public void write(ArticleResult result) throws IOException {
        CSVPrinter p = printer();
        for (ResultRow row : ResultRow.of(result, minConfidence)) p.printRecord(row.values());
        p.flush();
    }

    @Override
    public void close() throws IOException {
        printer().flush();
    }
}
