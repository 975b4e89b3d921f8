package org.stancekit.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.stancekit.actors.Mention;
import org.stancekit.model.Prediction;
import org.stancekit.score.Abstention;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.SentenceResult;
import org.stancekit.score.StanceResult;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * RFC 4180 CSV, one row per sentence and actor; a sentence that names no actor gets one row with empty actor columns.
 * The header is written once, before the first row (or on close when there was no article). Below the minimum
 * confidence a label is written {@code uncertain}; the confidence column still holds the top probability.
 */
final class CsvResultWriter implements ResultWriter {
    static final List<String> HEADER = List.of("article_id", "sentence_index", "start", "end", "sentence",
            "sentiment", "sentiment_confidence", "actor", "mention", "stance", "stance_confidence");

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
        String id = result.id();
        for (SentenceResult s : result.sentences()) {
            String text = oneLine(s.text());
            Prediction sentiment = s.sentiment();
            String sLabel = sentiment == null ? "" : Abstention.label(sentiment, minConfidence);
            String sConf = sentiment == null ? "" : confidence(sentiment.confidence());
            if (s.stances().isEmpty()) {
                p.printRecord(id, s.index(), s.start(), s.end(), text, sLabel, sConf, "", "", "", "");
                continue;
            }
            for (StanceResult st : s.stances()) {
                Prediction pred = st.stance();
                p.printRecord(id, s.index(), s.start(), s.end(), text, sLabel, sConf, st.actor(),
                        mentionTexts(st.mentions()), pred == null ? "" : Abstention.label(pred, minConfidence),
                        pred == null ? "" : confidence(pred.confidence()));
            }
        }
        p.flush();
    }

    @Override
    public void close() throws IOException {
        printer().flush();
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replace('\r', ' ').replace('\n', ' ');
    }

    static String confidence(double c) {
        return String.format(Locale.ROOT, "%.4f", c);
    }

    /** The distinct mention texts, in order of first appearance, joined with {@code |}. */
    static String mentionTexts(List<Mention> mentions) {
        Set<String> seen = new LinkedHashSet<>();
        for (Mention m : mentions) {
            if (m.text() != null) seen.add(oneLine(m.text()));
        }
        return String.join("|", seen);
    }
}
