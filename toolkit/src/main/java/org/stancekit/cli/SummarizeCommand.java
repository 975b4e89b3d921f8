package org.stancekit.cli;

import org.stancekit.BadInputException;
import org.stancekit.model.Classifier;
import org.stancekit.report.Period;
import org.stancekit.report.SummaryWriter;
import org.stancekit.report.Summarizer;
import org.stancekit.report.SvgChart;
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

@Command(name = "summarize", description = {"Per-actor stance summaries: per article, per date and over the corpus.",
        "Counts and shares of favor/against/neutral/uncertain among the sentences naming each actor, and the mean net"
                + " stance (P(favor) - P(against)) with a 95% interval. INPUT as for 'score'."})
final class SummarizeCommand extends BaseCommand {
    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Files, directories or - (stdin).")
    List<String> inputs = new ArrayList<>();
    @Mixin
    ModelOptions model;
    @Mixin
    LineBreakOption lineBreaks;
    @Option(names = "--actor", paramLabel = "ID", description = "Only summarise these actors (repeatable).")
    List<String> only = new ArrayList<>();
    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv, json or table (default: table on a terminal, csv otherwise).")
    String format;
    @Option(names = "--output", paramLabel = "FILE", description = "Write the summary here instead of stdout.")
    Path output;
    @Option(names = "--chart", paramLabel = "FILE.svg",
            description = "Also write an SVG chart of the net stance over time per actor (per actor if undated).")
    Path chart;
    @Option(names = "--chart-actors", paramLabel = "N",
            description = "Actors in the chart: the N most mentioned (default 6, at most 8); --actor lists them.")
    int chartActors = 6;
    @Option(names = "--period", paramLabel = "PERIOD",
            description = "Group dates by auto, day, week, month or year (default auto: day up to 62 days between the"
                    + " first and last date, week up to two years, month beyond).")
    String period = "auto";
    @Option(names = "--force", description = "Overwrite existing --output and --chart files.")
    boolean force;
    @Option(names = "--min-confidence", paramLabel = "P",
            description = "Count a stance whose probability is below P as 'uncertain' (default 0).")
    double minConfidence;
    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "Encoding of the inputs (default: UTF-8 if valid, else windows-1252 with a warning).")
    String encoding;
    @Option(names = "--fail-fast", description = "Stop at the first bad input instead of skipping it.")
    boolean failFast;
    @Option(names = "--threads", paramLabel = "N", description = "Score on N threads (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
        if (threads < 1) throw new BadInputException("--threads must be at least 1, got " + threads);
        Abstention.check(minConfidence);
        if (chartActors < 1) throw new BadInputException("--chart-actors must be at least 1, got " + chartActors);
        Period fixed = parsePeriod(period);
        AtomicOutput.check(output, force, "--output");
        AtomicOutput.check(chart, force, "--chart");
        if (output != null && chart != null && output.toAbsolutePath().normalize()
                .equals(chart.toAbsolutePath().normalize())) {
            throw new BadInputException("--output and --chart name the same file: " + chart);
        }
        String fmt = format != null ? format.trim().toLowerCase(Locale.ROOT)
                : (output == null && System.console() != null ? "table" : "csv");
        if (!SummaryWriter.FORMATS.contains(fmt)) {
            throw new BadInputException("unknown --format '" + format + "'; use csv, json or table");
        }
        Scorer scorer = lineBreaks.apply(model.scorer());
        if (scorer.bundle().stance().isEmpty()) {
            throw new BadInputException("the model has no stance task; summarize needs one");
        }
        for (String id : only) ModelOptions.requireKnownActor(scorer, "--actor", id);
        if (!only.isEmpty()) scorer = scorer.restrictTo(only);
        List<String> labels = scorer.bundle().stance().map(Classifier::labels).orElse(List.of());
        Summarizer summarizer = new Summarizer(labels, minConfidence);
        ScoringLoop.Counts counts;
        Period used;
        try (AtomicOutput out = AtomicOutput.open(output, io.out());
             SummaryWriter writer = SummaryWriter.create(fmt, out.writer(), summarizer)) {
            counts = ScoringLoop.run(scorer, inputs, charset(encoding), io.in(), this::warn, failFast, threads,
                    r -> writer.article(r, summarizer.add(r)));
            used = fixed != null ? fixed : summarizer.autoPeriod();
            writer.finish(used);
            out.commit();
        }
        if (summarizer.undatedArticles() > 0 && summarizer.datedArticles() > 0) {
            warn(summarizer.undatedArticles() + " article(s) without an ISO date (yyyy-mm-dd"
                    + (summarizer.undatedExample() != null ? "; e.g. '" + summarizer.undatedExample() + "'" : "")
                    + ") are left out of the by-date numbers");
        }
        if (chart != null) {
            List<String> actors = !only.isEmpty() ? only : SvgChart.topActors(summarizer, chartActors);
            if (actors.size() > SvgChart.MAX_ACTORS) {
                warn("the chart shows the first " + SvgChart.MAX_ACTORS + " of the " + actors.size() + " actors");
            }
            if (summarizer.datedArticles() == 0) {
                warn("no article has an ISO date: the chart shows each actor's net stance over the corpus");
            }
            AtomicOutput.write(chart, SvgChart.document(summarizer, used, actors));
        }
        if (counts.bad() > 0) {
            note(counts.articles() + " article(s) summarised, " + counts.bad() + " input(s) skipped");
            return Main.EXIT_PARTIAL;
        }
        return Main.EXIT_OK;
    }

    /** The period, or null for auto. */
    static Period parsePeriod(String s) {
        String p = s == null ? "auto" : s.trim().toLowerCase(Locale.ROOT);
        if (p.equals("auto")) return null;
        for (Period x : Period.values()) {
            if (x.id().equals(p)) return x;
        }
        throw new BadInputException("unknown --period '" + s + "'; use auto, day, week, month or year");
    }
}
