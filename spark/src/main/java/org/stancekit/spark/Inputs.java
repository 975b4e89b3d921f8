package org.stancekit.spark;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stancekit.BadInputException;
import org.stancekit.io.ArticleItem;
import org.stancekit.io.ArticleReader;
import org.stancekit.io.TextDecoding;
import org.stancekit.score.Article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Reads articles into rows of {@link #SCHEMA}, by the command line's rules. {@code text}: every file the path names is
 * one article, id = its name without extension (and without a compression suffix such as {@code .gz}), decoded as the
 * CLI decodes a {@code .txt} file. {@code jsonl}: every file is JSON Lines, read line by line by the toolkit's reader
 * (same ids, optional title and date, one error row per bad line). {@code parquet}: columns {@code id} (string or
 * integer) and {@code text}, optional {@code title} and {@code date}. A path may be a file, a directory (its files,
 * without hidden ones such as {@code _SUCCESS}) or a glob, on any Hadoop file system; compressed files are read through
 * Hadoop's codecs. An input that cannot be read becomes a row with {@code error} set.
 */
final class Inputs {
    private Inputs() {}

    static final List<String> FORMATS = List.of("jsonl", "text", "parquet");

    /** One article to score, or one input that could not be read ({@code error} set). */
    static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType)
            .add("title", DataTypes.StringType)
            .add("text", DataTypes.StringType)
            .add("date", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("error", DataTypes.StringType);

    private static final Logger LOG = LoggerFactory.getLogger(Inputs.class);

    static Dataset<Row> read(SparkSession spark, String path, String format, String encoding, int partitions) {
        requireExists(spark, path);
        return switch (format) {
            case "text", "jsonl" -> files(spark, path, format.equals("jsonl"), encoding, partitions);
            case "parquet" -> parquet(spark, path);
            default -> throw new BadInputException("unknown --format '" + format + "'; use jsonl, text or parquet");
        };
    }

    /** Fails with one clear line when nothing exists at {@code path} (a glob must match something). */
    static void requireExists(SparkSession spark, String path) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileStatus[] found = fs.globStatus(p);
            if (found == null || found.length == 0) throw new BadInputException(path + ": no such file or directory");
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(path + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static Dataset<Row> files(SparkSession spark, String path, boolean jsonl, String encoding,
                                      int partitions) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> rows = jsc.binaryFiles(path, partitions)
                .flatMap(file -> jsonl ? jsonlFile(file._1(), file._2(), encoding) : textFile(file._1(), file._2(),
                        encoding));
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static Iterator<Row> textFile(String name, PortableDataStream file, String encoding) throws IOException {
        CompressionCodec codec = codec(name);
        byte[] bytes;
        if (codec == null) {
            bytes = file.toArray();
        } else {
            try (InputStream in = codec.createInputStream(file.open())) {
                bytes = in.readAllBytes();
            }
        }
        String fileName = new org.apache.hadoop.fs.Path(name).getName();
        if (codec != null) fileName = CompressionCodecFactory.removeSuffix(fileName, codec.getDefaultExtension());
        return List.of(row(ArticleReader.text(name, fileName, bytes, charset(encoding), warn()))).iterator();
    }

    /** Streams the lines of one JSONL file: one article (or error) in memory at a time. */
    private static Iterator<Row> jsonlFile(String name, PortableDataStream file, String encoding) throws IOException {
        CompressionCodec codec = codec(name);
        InputStream in = codec == null ? file.open() : codec.createInputStream(file.open());
        ArticleReader reader = ArticleReader.jsonl(name, in, charset(encoding), warn());
        return new Iterator<>() {
            private boolean open = true;

            @Override
            public boolean hasNext() {
                if (!open) return false;
                if (reader.hasNext()) return true;
                open = false;
                try {
                    reader.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return false;
            }

            @Override
            public Row next() {
                if (!hasNext()) throw new NoSuchElementException();
                return row(reader.next());
            }
        };
    }

    /** Hadoop's codecs by file suffix; made once per JVM (a Hadoop configuration is slow to build). */
    private static volatile CompressionCodecFactory codecs;

    private static CompressionCodec codec(String name) {
        CompressionCodecFactory f = codecs;
        if (f == null) codecs = f = new CompressionCodecFactory(Scorers.hadoopConfiguration());
        return f.getCodec(new org.apache.hadoop.fs.Path(name));
    }

    private static Dataset<Row> parquet(SparkSession spark, String path) {
        Dataset<Row> df;
        try {
            df = spark.read().parquet(path);
        } catch (Exception e) { // Spark's exceptions are checked ones thrown from Scala
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            String why = String.valueOf(root.getMessage()).lines().findFirst().orElse("").strip();
            throw new BadInputException(path + ": cannot read as Parquet (" + why + ")");
        }
        StructType schema = df.schema();
        List<String> names = Arrays.asList(schema.fieldNames());
        if (!names.contains("id") || !names.contains("text")) {
            throw new BadInputException(path + ": Parquet input needs the columns id and text (optional title and date);"
                    + " found " + String.join(", ", names));
        }
        requireType(path, schema, "id", true);
        requireType(path, schema, "text", false);
        Column title = optional(path, schema, names, "title");
        Column date = optional(path, schema, names, "date");
        Dataset<Row> selected = df.select(col("id").cast(DataTypes.StringType).as("id"), title.as("title"),
                col("text"), date.as("date"), col("_metadata.file_path").as("source"));
        return selected.map((org.apache.spark.api.java.function.MapFunction<Row, Row>) Inputs::checkParquetRow,
                Encoders.row(SCHEMA));
    }

    private static void requireType(String path, StructType schema, String column, boolean integralAllowed) {
        DataType t = schema.apply(column).dataType();
        if (t.equals(DataTypes.StringType) || (integralAllowed && t instanceof IntegralType)) return;
        throw new BadInputException(path + ": column '" + column + "' must be a string"
                + (integralAllowed ? " or an integer" : "") + ", not " + t.simpleString());
    }

    private static Column optional(String path, StructType schema, List<String> names, String column) {
        if (!names.contains(column)) return lit(null).cast(DataTypes.StringType);
        requireType(path, schema, column, false);
        return col(column);
    }

    /** The JSONL rules for one Parquet row: a non-blank id and text; blank title and date count as none. */
    private static Row checkParquetRow(Row r) {
        String id = r.getString(0), title = r.getString(1), text = r.getString(2), date = r.getString(3);
        String source = r.getString(4);
        String where = source + ", id " + (id == null ? "(none)" : "'" + id + "'");
        if (id == null || id.isBlank()) return error(where, "missing or blank id");
        if (text == null) return error(where, "missing text");
        if (text.isBlank()) return error(where, "text is blank");
        return row(ArticleItem.of(new Article(id, blankToNull(title), text, blankToNull(date)), source));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Row error(String source, String what) {
        return RowFactory.create(null, null, null, null, source, source + ": " + what);
    }

    static Row row(ArticleItem item) {
        if (!item.ok()) return RowFactory.create(null, null, null, null, item.source(), item.error().getMessage());
        Article a = item.article();
        return RowFactory.create(a.id(), a.title(), a.text(), a.date(), item.source(), null);
    }

    static Article article(Row r) {
        return new Article(r.getString(0), r.getString(1), r.getString(2), r.getString(3));
    }

    static Charset charset(String encoding) {
        return encoding == null ? null : TextDecoding.parseCharset(encoding);
    }

    /** Warnings (a guessed encoding) go to the executor's log. */
    private static Consumer<String> warn() {
        return w -> LOG.warn("stancekit: {}", w);
    }

    static String normalise(String format) {
        return format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
    }
}
