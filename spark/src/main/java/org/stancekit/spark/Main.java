package org.stancekit.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.stancekit.BadInputException;
import org.stancekit.StanceKitException;
import org.stancekit.Version;
import org.stancekit.report.Period;
import org.stancekit.text.LineBreaks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code spark-submit --class org.stancekit.spark.Main stancekit-spark-VERSION.jar --input PATH --format FORMAT
 * --output PATH --output-format FORMAT [...]}. The only place that exits: {@link #main} maps the int from {@link #run}
 * to the exit code, as the command line does: 0 ok, 1 failure, 2 bad usage or bad input (one line on stderr), 3 done but
 * some inputs were skipped.
 */
@Command(name = "stancekit-spark", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        sortOptions = false,
        description = {"Scores articles on Spark: the rows of 'stancekit score --format csv' and, with --summary, the"
                + " per-actor summary of 'stancekit summarize'.",
                "Paths may be on any Hadoop file system (file, directory or glob); outputs are directories of part"
                        + " files."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failure", "2:bad usage or bad input", "3:finished, but some inputs were skipped"})
public final class Main implements Callable<Integer> {
    public static final int EXIT_OK = 0, EXIT_PARTIAL = 3;

    @Option(names = "--input", required = true, paramLabel = "PATH", description = "The articles.")
    String input;
    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "jsonl ({\"id\", \"text\", \"title\"?, \"date\"?} per line), text (one article per file, id ="
                    + " file name) or parquet (columns id, text, optional title and date).")
    String format;
    @Option(names = "--output", required = true, paramLabel = "PATH", description = "Where the rows go.")
    String output;
    @Option(names = "--output-format", required = true, paramLabel = "FORMAT",
            description = "parquet, csv or jsonl (for the rows and the summary).")
    String outputFormat;
    @Option(names = "--model", paramLabel = "DIR",
            description = "Model bundle: a local directory on every node (or shipped with --archives), or a Hadoop"
                    + " URI (hdfs://, s3a://...) copied once per executor. Default: the default model as the"
                    + " command line finds it on the driver.")
    String model;
    @Option(names = "--summary", paramLabel = "PATH", description = "Also write the per-actor summary here.")
    String summary;
    @Option(names = "--min-confidence", paramLabel = "P",
            description = "Write a label whose probability is below P as 'uncertain' (default 0).")
    double minConfidence;
    @Option(names = "--period", paramLabel = "PERIOD",
            description = "How the summary groups dates: auto, day, week, month or year (default auto).")
    String period = "auto";
    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "Encoding of text and JSONL inputs (default: UTF-8 if valid, else windows-1252).")
    String encoding;
    @Option(names = "--partitions", paramLabel = "N",
            description = "Score in N partitions (default: Spark's default parallelism).")
    int partitions;
    @Option(names = "--line-breaks", paramLabel = "MODE",
            description = "auto, boundary or wrapped, as for 'stancekit score' (default auto).")
    String lineBreaks = "auto";
    @Option(names = "--force", description = "Replace existing --output and --summary directories.")
    boolean force;
    @Option(names = "--verbose", description = "Stack traces of failures.")
    boolean verbose;

    private final PrintStream err;
    private final SparkSession given;

    private Main(PrintStream err, SparkSession given) {
        this.err = err;
        this.given = given;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.err, null));
    }

    /**
     * Runs the job and returns the exit code; never exits. Arguments are checked before Spark starts.
     *
     * @param session the session to use (tests); null to get or create one (the master comes from spark-submit, or is
     *                {@code local[*]} when none is set)
     */
    public static int run(String[] args, PrintStream err, SparkSession session) {
        Main main = new Main(err, session);
        CommandLine cl = new CommandLine(main);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        cl.setErr(errWriter);
        cl.setParameterExceptionHandler((ex, a) -> {
            String message = String.valueOf(ex.getMessage()).replaceAll("\\s*\\R\\s*", " ").strip();
            ex.getCommandLine().getErr().println("stancekit-spark: " + message + " (try 'stancekit-spark --help')");
            return StanceKitException.EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            StanceKitException ske = stanceKitCause(ex);
            if (ske != null) {
                e.println("stancekit-spark: " + oneLine(ske.getMessage()));
                if (main.verbose) ex.printStackTrace(e);
                return ske.exitCode();
            }
            e.println("stancekit-spark: unexpected error: " + oneLine(String.valueOf(ex))
                    + (main.verbose ? "" : " (run with --verbose for details)"));
            if (main.verbose) ex.printStackTrace(e);
            return StanceKitException.EXIT_FAILURE;
        });
        try {
            return cl.execute(args);
        } finally {
            errWriter.flush();
        }
    }

    @Override
    public Integer call() {
        Period p = parsePeriod(period);
        LineBreaks breaks;
        try {
            breaks = LineBreaks.parse(lineBreaks);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--line-breaks: " + e.getMessage());
        }
        ScoreJob.Settings settings = new ScoreJob.Settings(input, format, output, outputFormat, model, summary,
                minConfidence, p, encoding, partitions, force, breaks);
        // everything that can be checked without Spark is checked before it starts
        if (!Inputs.FORMATS.contains(Inputs.normalise(format))) {
            throw new BadInputException("unknown --format '" + format + "'; use jsonl, text or parquet");
        }
        if (!ScoreJob.OUTPUT_FORMATS.contains(Inputs.normalise(outputFormat))) {
            throw new BadInputException("unknown --output-format '" + outputFormat + "'; use parquet, csv or jsonl");
        }
        org.stancekit.score.Abstention.check(minConfidence);
        if (partitions < 0) throw new BadInputException("--partitions must be at least 1, got " + partitions);
        Inputs.charset(encoding);
        SparkSession spark = given != null ? given : session();
        try {
            ScoreJob.Result r = ScoreJob.run(spark, settings);
            for (String w : r.warnings()) err.println("warning: " + w);
            for (String x : r.skippedExamples()) err.println("warning: skipped: " + oneLine(x));
            if (r.skipped() > r.skippedExamples().size()) {
                err.println("warning: ... and " + (r.skipped() - r.skippedExamples().size()) + " more skipped");
            }
            err.println("stancekit-spark: " + r.articles() + " article(s) scored into " + output
                    + (summary != null ? ", summary in " + summary : "")
                    + (r.skipped() > 0 ? "; " + r.skipped() + " input(s) skipped" : ""));
            return r.skipped() > 0 ? EXIT_PARTIAL : EXIT_OK;
        } finally {
            if (given == null) spark.stop();
        }
    }

    private static SparkSession session() {
        SparkSession.Builder b = SparkSession.builder().appName("stancekit-score");
        if (!new SparkConf().contains("spark.master")) b = b.master("local[*]");
        return b.getOrCreate();
    }

    static Period parsePeriod(String s) {
        String p = s == null ? "auto" : s.trim().toLowerCase(Locale.ROOT);
        if (p.equals("auto")) return null;
        for (Period x : Period.values()) {
            if (x.id().equals(p)) return x;
        }
        throw new BadInputException("unknown --period '" + s + "'; use auto, day, week, month or year");
    }

    /** The StanceKit exception that caused {@code t} (a task failure on an executor carries it as a cause). */
    static StanceKitException stanceKitCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StanceKitException ske) return ske;
            if (c.getCause() == c) break;
        }
        return null;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"stancekit-spark " + Version.get() + " (Spark " + org.apache.spark.package$.MODULE$
                    .SPARK_VERSION() + ")"};
        }
    }
}
