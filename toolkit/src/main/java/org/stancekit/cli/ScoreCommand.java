package org.stancekit.cli;

import org.stancekit.BadInputException;
import org.stancekit.StanceKitException;
import org.stancekit.io.ArticleItem;
import org.stancekit.io.ArticleReader;
import org.stancekit.io.ResultWriter;
import org.stancekit.io.ResultWriters;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

@Command(name = "score", description = {"Label every sentence of articles with sentiment and stance toward the actors"
        + " it names.", "INPUT: a .txt file (one article), a .jsonl file ({\"id\",\"text\"} per line, optional title,"
        + " date), a directory of those, or - for stdin (the default)."})
final class ScoreCommand extends BaseCommand {
    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Files, directories or - (stdin).")
    List<String> inputs = new ArrayList<>();
    @Mixin
    ModelOptions model;
    @Option(names = "--actor", paramLabel = "ID", description = "Only report stances toward this actor (repeatable).")
    List<String> only = new ArrayList<>();
    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv, jsonl or table (default: table on a terminal, csv otherwise).")
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

    private java.util.concurrent.ExecutorService pool;

    /** Scores the good items of a batch (null for bad ones), in parallel when there are several threads. */
    private List<ArticleResult> scoreBatch(Scorer scorer, List<ArticleItem> batch) {
        if (threads == 1 || batch.size() == 1) {
            List<ArticleResult> out = new ArrayList<>(batch.size());
            for (ArticleItem item : batch) out.add(item.error() == null ? scorer.score(item.article()) : null);
            return out;
        }
        if (pool == null) {
            pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "stancekit-score");
                t.setDaemon(true);
                return t;
            });
        }
        List<java.util.concurrent.Future<ArticleResult>> futures = new ArrayList<>(batch.size());
        for (ArticleItem item : batch) {
            futures.add(item.error() == null ? pool.submit(() -> scorer.score(item.article()))
                    : java.util.concurrent.CompletableFuture.completedFuture(null));
        }
        List<ArticleResult> out = new ArrayList<>(batch.size());
        try {
            for (java.util.concurrent.Future<ArticleResult> f : futures) out.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
        return out;
    }

    @Override
    public Integer call() throws IOException {
        if (threads < 1) throw new BadInputException("--threads must be at least 1, got " + threads);
        if (output != null && Files.isDirectory(output)) {
            throw new BadInputException(output + ": is a directory; give --output a file name");
        }
        if (output != null && Files.exists(output) && !force) {
            throw new BadInputException(output + ": already exists; use --force to overwrite it");
        }
        String fmt = format != null ? format : (output == null && System.console() != null ? "table" : "csv");
        Scorer scorer = model.scorer();
        for (String id : only) {
            if (!scorer.bundle().lexicon().contains(id)) {
                throw new BadInputException("--actor " + id + ": not an actor id of the lexicon (see 'stancekit actors')");
            }
        }
        if (!only.isEmpty()) scorer = scorer.restrictTo(only);
        Path tmp = null;
        Writer out;
        if (output == null) {
            out = new BufferedWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8));
        } else {
            Path parent = output.toAbsolutePath().getParent();
            try {
                Files.createDirectories(parent);
                tmp = Files.createTempFile(parent, "." + output.getFileName(), ".tmp");
            } catch (IOException e) { // an I/O failure (exit 1), said in one line without the exception's name
                String why = e instanceof NoSuchFileException ? "no such directory: " + e.getMessage()
                        : e instanceof java.nio.file.FileAlreadyExistsException ? "not a directory: " + e.getMessage()
                        : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
                throw new StanceKitException("cannot write " + output + " (" + why + ")",
                        StanceKitException.EXIT_FAILURE, e);
            }
            out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        }
        int bad = 0, articles = 0;
        boolean complete = false;
        try (ArticleReader reader = ArticleReader.open(inputs, charset(encoding), this::warn, io.in());
             ResultWriter writer = ResultWriters.create(fmt, out, output == null && System.console() != null)) {
            // Articles are read in batches, scored on `threads` threads (the Scorer is thread-safe) and written in
            // input order; memory holds one batch at most.
            int batchSize = threads == 1 ? 1 : threads * 16;
            List<ArticleItem> batch = new ArrayList<>(batchSize);
            while (reader.hasNext()) {
                batch.clear();
                while (batch.size() < batchSize && reader.hasNext()) batch.add(reader.next());
                List<ArticleResult> results = scoreBatch(scorer, batch);
                for (int i = 0; i < batch.size(); i++) {
                    ArticleItem item = batch.get(i);
                    if (item.error() != null) {
                        if (failFast) throw item.error();
                        warn("skipped: " + item.error().getMessage());
                        bad++;
                        continue;
                    }
                    writer.write(results.get(i));
                    articles++;
                }
            }
            // an input with no article at all is bad input: fail before an empty --output replaces anything
            if (articles == 0 && bad == 0) throw new BadInputException("no articles in the input");
            complete = true;
        } finally {
            if (pool != null) pool.shutdownNow();
            if (output == null) {
                out.flush();
            } else {
                out.close();
                if (complete) {
                    Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(tmp);
                }
            }
        }
        if (bad > 0) {
            note(articles + " article(s) scored, " + bad + " input(s) skipped");
            return Main.EXIT_PARTIAL;
        }
        return Main.EXIT_OK;
    }

}
