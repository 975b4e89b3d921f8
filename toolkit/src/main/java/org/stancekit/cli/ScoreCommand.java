package org.stancekit.cli;

import org.stancekit.BadInputException;
import org.stancekit.io.ResultWriter;
import org.stancekit.io.ResultWriters;
import org.stancekit.model.Classifier;
import org.stancekit.score.Abstention;
import org.stancekit.score.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@Command(name = "score", description = {"Label every sentence of articles with sentiment and stance toward the actors"
        + " it names.", "INPUT: a .txt file (one article), a .jsonl file ({\"id\",\"text\"} per line, optional title,"
        + " date), a directory of those, or - for stdin (the default)."})
final class ScoreCommand extends BaseCommand {
    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Files, directories or - (stdin).")
    List<String> inputs = new ArrayList<>();
    @Mixin
    ModelOptions model;
    @Mixin
    LineBreakOption lineBreaks;
    @Option(names = "--actor", paramLabel = "ID", description = "Only report stances toward this actor (repeatable).")
    List<String> only = new ArrayList<>();
    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv, jsonl, table or html (default: table on a terminal, csv otherwise).")
    String format;
    @Option(names = "--output", paramLabel = "FILE", description = "Write results here instead of stdout.")
    Path output;
    @Option(names = "--force", description = "Overwrite an existing --output file.")
    boolean force;
    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "Encoding of the inputs (default: UTF-8 if valid, else windows-1252 with a warning).")
    String encoding;
    @Option(names = "--fail-fast", description = "Stop at the first bad input instead of skipping it.")
    boolean failFast;
    @Option(names = "--threads", paramLabel = "N", description = "Score on N threads (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--min-confidence", paramLabel = "P",
            description = "Report a label whose probability is below P as 'uncertain' (probabilities kept; default 0).")
    double minConfidence;
    @Option(names = "--explain", description = "Add the features that pushed each label most (jsonl, table, html).")
    boolean explain;
    @Option(names = "--explain-top", paramLabel = "N", description = "How many features --explain shows (default 5).")
    int explainTop = 5;
    @Option(names = "--focus", paramLabel = "ID",
            description = "html: colour the sentences by their stance toward this actor at first.")
    String focus;
    @Option(names = "--title", paramLabel = "TEXT", description = "html: the page title.")
    String title;

    @Override
    public Integer call() throws IOException {
        if (threads < 1) throw new BadInputException("--threads must be at least 1, got " + threads);
        Abstention.check(minConfidence);
        if (explainTop < 1) throw new BadInputException("--explain-top must be at least 1, got " + explainTop);
        AtomicOutput.check(output, force, "--output");
        String fmt = format != null ? format.trim().toLowerCase(Locale.ROOT)
                : (output == null && System.console() != null ? "table" : "csv");
        if (!ResultWriters.FORMATS.contains(fmt)) {
            throw new BadInputException("unknown --format '" + format + "'; use csv, jsonl, table or html");
        }
        if (focus != null && !fmt.equals("html")) warn("--focus only affects --format html");
        if (explain && fmt.equals("csv")) warn("--explain is shown by --format jsonl, table and html, not csv");
        Scorer scorer = lineBreaks.apply(model.scorer());
        for (String id : only) ModelOptions.requireKnownActor(scorer, "--actor", id);
        if (focus != null) ModelOptions.requireKnownActor(scorer, "--focus", focus);
        if (!only.isEmpty()) scorer = scorer.restrictTo(only);
        if (explain) scorer = scorer.withExplanations(explainTop);
        List<String> labels = scorer.bundle().stance().map(Classifier::labels).orElse(List.of());
        ResultWriters.Options options = new ResultWriters.Options(output == null && System.console() != null,
                minConfidence, focus, labels, title);
        ScoringLoop.Counts counts;
        try (AtomicOutput out = AtomicOutput.open(output, io.out());
             ResultWriter writer = ResultWriters.create(fmt, out.writer(), options)) {
            counts = ScoringLoop.run(scorer, inputs, charset(encoding), io.in(), this::warn, failFast, threads,
                    writer::write);
            out.commit(); // the writer closes first (html writes its summary), then the file is moved into place
        }
        if (counts.bad() > 0) {
            note(counts.articles() + " article(s) scored, " + counts.bad() + " input(s) skipped");
            return Main.EXIT_PARTIAL;
        }
        return Main.EXIT_OK;
    }
}
