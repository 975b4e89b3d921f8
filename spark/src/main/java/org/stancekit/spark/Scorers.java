package org.stancekit.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.stancekit.ModelFormatException;
import org.stancekit.score.Scorer;
import scala.Tuple2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One {@link Scorer} per model and JVM. Tasks call {@link #get} with the model's location (a string, the only thing
 * their closures carry); the first call in an executor loads the bundle, every later task on that executor shares the
 * instance ({@code Scorer} is immutable and thread-safe, so the executor's task threads score through it at once). A
 * model is never serialised.
 *
 * <p>A location without a URI scheme ({@code models/default}, {@code /opt/models/news}) is a local directory, resolved
 * against the executor's working directory: present on every node, or shipped with {@code spark-submit --archives
 * bundle.zip#model} and named {@code model}. A location with a scheme ({@code hdfs://...}, {@code s3a://...},
 * {@code file:/...}) is read through Hadoop's file systems and copied once per JVM to a local temporary directory,
 * removed when the JVM exits; the Hadoop settings come from Spark's {@code spark.hadoop.*} properties.
 */
public final class Scorers {
    private static final ConcurrentHashMap<String, Scorer> LOADED = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private Scorers() {}

    /** The scorer for {@code model}, loading it if this JVM has not yet. */
    public static Scorer get(String model) {
        Scorer s = LOADED.get(model);
        if (s != null) return s;
        // computeIfAbsent blocks the other task threads asking for the same model until it is loaded
        return LOADED.computeIfAbsent(model, m -> {
            Scorer loaded = Scorer.load(localDir(m));
            LOADS.incrementAndGet();
            return loaded;
        });
    }

    /** How many models this JVM has loaded successfully (for tests: once per model per JVM). */
    static int loads() {
        return LOADS.get();
    }

    /** A local directory holding the bundle at {@code model}: the path itself, or a local copy of a remote one. */
    static Path localDir(String model) {
        URI uri = schemeUri(model);
        if (uri == null) return Path.of(model);
        try {
            return copyToLocal(new org.apache.hadoop.fs.Path(uri), hadoopConfiguration());
        } catch (IOException e) {
            throw new ModelFormatException(model + ": cannot copy the model (" + e.getMessage() + ")");
        }
    }

    /** The URI of a location with a scheme (two or more letters, so {@code C:\...} is not one), else null. */
    static URI schemeUri(String location) {
        try {
            URI uri = new URI(location);
            String scheme = uri.getScheme();
            return scheme != null && scheme.length() > 1 ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Copies the bundle directory {@code src} into a new local temporary directory, removed when the JVM exits. */
    static Path copyToLocal(org.apache.hadoop.fs.Path src, Configuration conf) throws IOException {
        FileSystem fs = src.getFileSystem(conf);
        FileStatus status;
        try {
            status = fs.getFileStatus(src);
        } catch (java.io.FileNotFoundException e) {
            throw new ModelFormatException(src + ": no such model directory");
        }
        if (!status.isDirectory()) throw new ModelFormatException(src + ": not a model directory");
        Path tmp = Files.createTempDirectory("stancekit-model-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(tmp)));
        Path dst = tmp.resolve(status.getPath().getName().isEmpty() ? "model" : status.getPath().getName());
        // raw local file system: no .crc side files in the copy
        fs.copyToLocalFile(false, status.getPath(), new org.apache.hadoop.fs.Path(dst.toUri()), true);
        return dst;
    }

    /**
     * Hadoop settings for this JVM: the defaults on its classpath plus Spark's {@code spark.hadoop.*} properties (on an
     * executor, from its {@link SparkEnv}).
     */
    static Configuration hadoopConfiguration() {
        Configuration conf = new Configuration();
        SparkEnv env = SparkEnv.get();
        SparkConf sparkConf = env != null ? env.conf() : null;
        if (sparkConf != null) {
            for (Tuple2<String, String> kv : sparkConf.getAll()) {
                if (kv._1().startsWith("spark.hadoop.")) conf.set(kv._1().substring("spark.hadoop.".length()), kv._2());
            }
        }
        return conf;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a temporary directory left behind is harmless
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // idem
        }
    }
}
