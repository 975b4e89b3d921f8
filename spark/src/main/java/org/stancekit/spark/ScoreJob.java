package org.stancekit.spark;

import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.stancekit.BadInputException;
import org.stancekit.StanceKitException;
import org.stancekit.io.ResultRow;
import org.stancekit.model.Classifier;
import org.stancekit.report.ActorSummary;
import org.stancekit.report.Period;
import org.stancekit.report.SummaryWriter;
import org.stancekit.report.Summarizer;
import org.stancekit.score.Abstention;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.Scorer;
import org.stancekit.text.LineBreaks;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.stream.StreamSupport;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;

/**
 * The Spark job: reads articles, scores each once with the model's {@link Scorer} (one per executor JVM, see
 * {@link Scorers}), and writes the rows of {@code score --format csv} and, when asked, the per-actor summary of
 * {@code summarize --format csv}, as Parquet, CSV or JSON lines. The steps are public for use from other Spark code:
 * {@link #readArticles}, {@link #score}, {@link #resultRows}, {@link #summary}. Never exits: {@link Main} does.
 */
public final class ScoreJob {
    private ScoreJob() {}

    public static final List<String> OUTPUT_FORMATS = List.of("parquet", "csv", "jsonl");

    /** A confidence, share, mean or interval end: four decimals, as the CSV writes them. */
    public static final DataType FOUR_DECIMALS = DataTypes.createDecimalType(5, 4);

    /**
     * The columns of {@code score --format csv}, typed: indices and offsets are integers, confidences decimals with four
     * places; an empty CSV cell (the actor columns of a sentence that names no actor, a missing sentiment model) is null.
     */
    public static final StructType RESULT_SCHEMA = new StructType()
            .add("article_id", DataTypes.StringType, false)
            .add("sentence_index", DataTypes.IntegerType, false)
            .add("start", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false)
            .add("sentence", DataTypes.StringType, false)
            .add("sentiment", DataTypes.StringType)
            .add("sentiment_confidence", FOUR_DECIMALS)
            .add("actor", DataTypes.StringType)
            .add("mention", DataTypes.StringType)
            .add("stance", DataTypes.StringType)
            .add("stance_confidence", FOUR_DECIMALS);

    /**
     * What to do.
     *
     * @param input         a path on any Hadoop file system: file, directory or glob
     * @param inputFormat   {@code jsonl}, {@code text} or {@code parquet}
     * @param output        where the result rows go (a directory of part files)
     * @param outputFormat  {@code parquet}, {@code csv} or {@code jsonl}
     * @param model         the model bundle's location (see {@link Scorers}); null for the default model as the
     *                      command line finds it on the driver
     * @param summary       where the per-actor summary goes, in the output format; null for none
     * @param minConfidence labels below this probability are reported {@code uncertain} (0 to 1)
     * @param period        how the summary groups dates; null for automatic, as {@code summarize}
     * @param encoding      the encoding of text and JSONL inputs; null to guess per file, as the command line
     * @param partitions    how many partitions to score in; 0 for Spark's default parallelism
     * @param force         replace existing outputs
     * @param lineBreaks    what a single line break in an article means (as {@code score --line-breaks})
     */
    public record Settings(String input, String inputFormat, String output, String outputFormat, String model,
                           String summary, double minConfidence, Period period, String encoding, int partitions,
                           boolean force, LineBreaks lineBreaks) {
        public Settings {
            java.util.Objects.requireNonNull(lineBreaks, "lineBreaks");
        }

        /** The settings with line breaks read as {@link LineBreaks#AUTO}, the command line's default. */
        public Settings(String input, String inputFormat, String output, String outputFormat, String model,
                        String summary, double minConfidence, Period period, String encoding, int partitions,
                        boolean force) {
            this(input, inputFormat, output, outputFormat, model, summary, minConfidence, period, encoding, partitions,
                    force, LineBreaks.AUTO);
        }
    }

    /**
     * What happened: articles scored, inputs skipped (bad JSONL lines, unreadable files) with the first few reasons,
     * and warnings for the user.
     */
    public record Result(long articles, long skipped, List<String> skippedExamples, List<String> warnings) {}

    /** How many reasons for skipped inputs {@link Result} keeps. */
    static final int EXAMPLES = 10;

    public static Result run(SparkSession spark, Settings s) {
        String inputFormat = Inputs.normalise(s.inputFormat());
        String outputFormat = Inputs.normalise(s.outputFormat());
        if (!Inputs.FORMATS.contains(inputFormat)) {
            throw new BadInputException("unknown --format '" + s.inputFormat() + "'; use jsonl, text or parquet");
        }
        if (!OUTPUT_FORMATS.contains(outputFormat)) {
            throw new BadInputException("unknown --output-format '" + s.outputFormat() + "'; use parquet, csv or jsonl");
        }
        Abstention.check(s.minConfidence());
        if (s.partitions() < 0) throw new BadInputException("--partitions must be at least 1, got " + s.partitions());
        Inputs.charset(s.encoding());
        checkOutputs(spark, s);
        String model = s.model() != null ? s.model() : Scorer.defaultModelDir().toAbsolutePath().toString();
        List<String> labels = stanceLabels(spark, model);
        if (s.summary() != null && labels.isEmpty()) {
            throw new BadInputException("the model has no stance task; --summary needs one");
        }
        int partitions = s.partitions() > 0 ? s.partitions() : spark.sparkContext().defaultParallelism();

        Dataset<Row> articles = readArticles(spark, s.input(), inputFormat, s.encoding(), partitions);
        Dataset<Row> scored = score(articles, model, partitions, s.lineBreaks()).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Row counts = scored.agg(count(when(col("error").isNull(), 1)), count(when(col("error").isNotNull(), 1)))
                    .first();
            long ok = counts.getLong(0), bad = counts.getLong(1);
            List<String> examples = new ArrayList<>();
            if (bad > 0) {
                for (Row r : scored.filter(col("error").isNotNull()).select("error").limit(EXAMPLES).collectAsList()) {
                    examples.add(r.getString(0));
                }
            }
            if (ok == 0) {
                throw new BadInputException(bad > 0 ? examples.get(0) : s.input() + ": no articles");
            }
            write(resultRows(scored, s.minConfidence()), outputFormat, s.output(), s.force());
            List<String> warnings = new ArrayList<>();
            if (s.summary() != null) {
                Summary sum = summary(scored, labels, s.minConfidence(), s.period());
                write(sum.rows(), outputFormat, s.summary(), s.force());
                warnings.addAll(sum.warnings());
            }
            return new Result(ok, bad, List.copyOf(examples), List.copyOf(warnings));
        } finally {
            scored.unpersist();
        }
    }

    /** Articles as rows of {@code id, title, text, date, source, error}: see {@link Inputs}. */
    public static Dataset<Row> readArticles(SparkSession spark, String path, String format, String encoding,
                                            int partitions) {
        return Inputs.read(spark, path, Inputs.normalise(format), encoding, Math.max(1, partitions));
    }

    /**
     * Scores articles (rows of {@link #readArticles}' schema) in {@code partitions} partitions with the model at
     * {@code model}. Each row of the result is one scored article (or a passed-through input error); keep it
     * ({@code persist}) when it is used more than once, so that each article is scored once.
     */
    public static Dataset<Row> score(Dataset<Row> articles, String model, int partitions) {
        return score(articles, model, partitions, LineBreaks.AUTO);
    }

    /** {@link #score(Dataset, String, int)}, reading line breaks as {@code lineBreaks} says. */
    public static Dataset<Row> score(Dataset<Row> articles, String model, int partitions, LineBreaks lineBreaks) {
        MapPartitionsFunction<Row, Row> scoreAll = items -> {
            Scorer loaded = Scorers.get(model);
            Scorer scorer = loaded.lineBreaks() == lineBreaks ? loaded : loaded.withLineBreaks(lineBreaks);
            return map(items, r -> r.isNullAt(5)
                    ? ArticleCodec.encode(scorer.score(Inputs.article(r)), r.getString(4))
                    : ArticleCodec.error(r.getString(4), r.getString(5)));
        };
        return articles.select("id", "title", "text", "date", "source", "error")
                .repartition(Math.max(1, partitions)).mapPartitions(scoreAll, Encoders.row(ArticleCodec.SCHEMA));
    }

    /** The rows of {@code score --format csv} ({@link #RESULT_SCHEMA}) of scored articles. */
    public static Dataset<Row> resultRows(Dataset<Row> scored, double minConfidence) {
        Abstention.check(minConfidence);
        FlatMapFunction<Row, Row> rows = r -> {
            List<Row> out = new ArrayList<>();
            for (ResultRow x : ResultRow.of(ArticleCodec.decode(r), minConfidence)) {
                out.add(RowFactory.create(x.articleId(), x.sentenceIndex(), x.start(), x.end(), x.sentence(),
                        emptyToNull(x.sentiment()), decimal(x.sentimentConfidence()), emptyToNull(x.actor()),
                        emptyToNull(x.mention()), emptyToNull(x.stance()), decimal(x.stanceConfidence())));
            }
            return out.iterator();
        };
        return scored.filter(col("error").isNull()).flatMap(rows, Encoders.row(RESULT_SCHEMA));
    }

    /** The summary's rows and the warnings {@code summarize} would print about them. */
    public record Summary(Dataset<Row> rows, List<String> warnings) {}

    /**
     * The per-actor summary of {@code summarize --format csv} as a DataFrame with the same columns
     * ({@link SummaryWriter#csvHeader}): a row per actor and article (scope {@code article}), per period of the dated
     * articles ({@code date}) and over the corpus ({@code corpus}); counts are longs, shares, means and interval ends
     * decimals with four places, empty cells null. Each partition is summarised on its executor and the parts merged on
     * the driver ({@link Summarizer#merge}); only the date and corpus rows pass through the driver.
     *
     * @param labels the stance model's labels, in its order ({@link #stanceLabels})
     * @param period how dates are grouped; null for automatic, as {@code summarize}
     */
    public static Summary summary(Dataset<Row> scored, List<String> labels, double minConfidence, Period period) {
        List<String> stance = List.copyOf(labels);
        Summarizer shape = new Summarizer(stance, minConfidence);
        StructType schema = summarySchema(shape);
        Dataset<Row> ok = scored.filter(col("error").isNull());
        FlatMapFunction<Row, Row> perArticle = r -> {
            ArticleResult a = ArticleCodec.decode(r);
            Summarizer one = new Summarizer(stance, minConfidence);
            String date = a.article().date() == null ? "" : a.article().date();
            List<Row> out = new ArrayList<>();
            for (ActorSummary s : one.add(a)) out.add(summaryRow(one, "article", a.id(), date, s));
            return out.iterator();
        };
        Dataset<Row> articleRows = ok.flatMap(perArticle, Encoders.row(schema));
        Summarizer all = ok.javaRDD().mapPartitions(rows -> {
            Summarizer part = new Summarizer(stance, minConfidence);
            while (rows.hasNext()) part.add(ArticleCodec.decode(rows.next()));
            return List.of(part).iterator();
        }).reduce(Summarizer::merge);
        Period used = period != null ? period : all.autoPeriod();
        List<Row> driverRows = new ArrayList<>();
        for (Summarizer.PeriodSummary p : all.byPeriod(used)) {
            for (ActorSummary s : p.actors()) driverRows.add(summaryRow(all, "date", "", p.key(), s));
        }
        for (ActorSummary s : all.corpus()) driverRows.add(summaryRow(all, "corpus", "", "", s));
        Dataset<Row> rows = articleRows.union(scored.sparkSession().createDataFrame(driverRows, schema));
        List<String> warnings = new ArrayList<>();
        if (all.undatedArticles() > 0 && all.datedArticles() > 0) {
            warnings.add(all.undatedArticles() + " article(s) without an ISO date (yyyy-mm-dd"
                    + (all.undatedExample() != null ? "; e.g. '" + all.undatedExample() + "'" : "")
                    + ") are left out of the by-date numbers");
        }
        return new Summary(rows, List.copyOf(warnings));
    }

    /** The columns of {@link SummaryWriter#csvHeader}, typed. */
    static StructType summarySchema(Summarizer s) {
        List<String> header = SummaryWriter.csvHeader(s);
        int k = s.countLabels().size();
        StructType t = new StructType();
        for (int i = 0; i < header.size(); i++) {
            DataType type = i < 4 ? DataTypes.StringType : i < 6 + k ? DataTypes.LongType : FOUR_DECIMALS;
            t = t.add(header.get(i), type, !(i == 0 || i == 3 || (i >= 4 && i < 6 + k)));
        }
        return t;
    }

    private static Row summaryRow(Summarizer s, String scope, String id, String date, ActorSummary a) {
        List<Object> values = SummaryWriter.csvRow(s, scope, id, date, a);
        int k = s.countLabels().size();
        Object[] out = new Object[values.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = values.get(i);
            out[i] = i < 4 ? emptyToNull((String) v) : i < 6 + k ? ((Number) v).longValue() : decimal((String) v);
        }
        return RowFactory.create(out);
    }

    /**
     * The stance labels of the model at {@code model}, asked of an executor (which loads the model there, as the job
     * would: a bad model fails here, before any input is read); empty when the model has no stance task.
     */
    public static List<String> stanceLabels(SparkSession spark, String model) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        try {
            return jsc.parallelize(List.of(0), 1)
                    .map(x -> new ArrayList<>(Scorers.get(model).bundle().stance().map(Classifier::labels)
                            .orElse(List.of())))
                    .collect().get(0);
        } catch (Exception e) { // a failed task: Spark's checked exception, with the executor's as its cause
            StanceKitException cause = Main.stanceKitCause(e);
            if (cause != null) throw cause;
            throw e;
        }
    }

    /** Writes rows as Parquet, CSV (RFC 4180 quoting, with a header) or JSON lines (every column in every line). */
    public static void write(Dataset<Row> rows, String format, String path, boolean force) {
        DataFrameWriter<Row> w = rows.write().mode(force ? SaveMode.Overwrite : SaveMode.ErrorIfExists);
        switch (Inputs.normalise(format)) {
            case "parquet" -> w.parquet(path);
            case "csv" -> w.option("header", true).option("escape", "\"")
                    .option("ignoreLeadingWhiteSpace", false).option("ignoreTrailingWhiteSpace", false)
                    .option("emptyValue", "").csv(path);
            case "jsonl" -> w.option("ignoreNullFields", false).json(path);
            default -> throw new BadInputException("unknown --output-format '" + format + "'; use parquet, csv or jsonl");
        }
    }

    /** Outputs must differ from each other and from the input, and not exist unless {@code force}. */
    private static void checkOutputs(SparkSession spark, Settings s) {
        String input = qualified(spark, s.input());
        String output = qualified(spark, s.output());
        String summary = s.summary() == null ? null : qualified(spark, s.summary());
        if (output.equals(input)) throw new BadInputException("--output is the input: " + s.output());
        if (summary != null && summary.equals(input)) throw new BadInputException("--summary is the input: " + s.summary());
        if (summary != null && summary.equals(output)) {
            throw new BadInputException("--output and --summary name the same path: " + s.output());
        }
        if (!s.force()) {
            for (String p : summary == null ? List.of(s.output()) : List.of(s.output(), s.summary())) {
                if (exists(spark, p)) throw new BadInputException(p + ": already exists; use --force to replace it");
            }
        }
    }

    private static String qualified(SparkSession spark, String path) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            return fs.makeQualified(p).toString();
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(path + ": not a usable path (" + e.getMessage() + ")");
        }
    }

    private static boolean exists(SparkSession spark, String path) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot check (" + e.getMessage() + ")");
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static BigDecimal decimal(String s) {
        return s == null || s.isEmpty() ? null : new BigDecimal(s);
    }

    /** Maps lazily: one article in memory at a time. */
    private static <T, U> Iterator<U> map(Iterator<T> in, java.util.function.Function<T, U> f) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(in, 0), false).map(f).iterator();
    }
}
