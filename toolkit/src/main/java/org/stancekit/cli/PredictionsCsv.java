package org.stancekit.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.stancekit.model.Prediction;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The per-example CSV of {@code evaluate --predictions} and {@code cross-validate --predictions}: task, source, (fold,)
 * actor, text, gold, predicted, the predicted label's probability and one {@code p_<label>} column per label. Written
 * atomically.
 */
final class PredictionsCsv {
    private PredictionsCsv() {}

    /** One example: {@code fold} is the 1-based fold that held it out, or 0 when there are no folds. */
    record Row(String task, String source, int fold, String actor, String text, String gold, Prediction p) {}

    static void write(Path file, PrintStream stdout, List<Row> rows) throws Exception {
        Set<String> labels = new LinkedHashSet<>();
        for (Row r : rows) labels.addAll(r.p().probabilities().keySet());
        boolean folds = rows.stream().anyMatch(r -> r.fold() > 0);
        List<String> header = new ArrayList<>(List.of("task", "source"));
        if (folds) header.add("fold");
        header.addAll(List.of("actor", "text", "gold", "predicted", "confidence"));
        for (String l : labels) header.add("p_" + l);
        try (AtomicOutput o = AtomicOutput.open(file, stdout);
             CSVPrinter printer = new CSVPrinter(o.writer(), CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (Row r : rows) {
                List<Object> rec = new ArrayList<>(List.of(r.task(), r.source()));
                if (folds) rec.add(r.fold());
                rec.addAll(List.of(r.actor(), r.text(), r.gold(), r.p().label(),
                        fmt(r.p().probabilities().get(r.p().label()))));
                for (String l : labels) {
                    Double p = r.p().probabilities().get(l);
                    rec.add(p == null ? "" : fmt(p));
                }
                printer.printRecord(rec);
            }
            printer.flush();
            o.commit();
        }
    }

    private static String fmt(double p) {
        return String.format(Locale.ROOT, "%.6f", p);
    }
}
