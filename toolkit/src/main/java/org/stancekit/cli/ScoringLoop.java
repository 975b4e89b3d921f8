package org.stancekit.cli;

import org.stancekit.BadInputException;
import org.stancekit.io.ArticleItem;
import org.stancekit.io.ArticleReader;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.Scorer;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * What {@code score} and {@code summarize} share: articles are read one at a time, scored on {@code threads} threads
 * (the Scorer is thread-safe) while the next ones are read, and handed to the sink in input order; at most
 * {@code 16 × threads} articles are held at once. A bad input is
 * reported and skipped, or thrown with {@code failFast}.
 */
final class ScoringLoop {
    /** Receives each scored article, in input order. */
    interface Sink {
        void accept(ArticleResult result) throws IOException;
    }

    /** How many articles were scored and how many inputs were skipped. */
    record Counts(int articles, int bad) {}

    /** Errors held back while no article has been scored yet (beyond this they are reported at once). */
    private static final int MAX_HELD = 1000;

    private ScoringLoop() {}

    /**
     * @throws BadInputException when no article could be scored (the input's own error when it was one bad input), or
     *                           with {@code failFast} at the first bad input
     */
    static Counts run(Scorer scorer, List<String> inputs, Charset charset, java.io.InputStream stdin,
                      Consumer<String> warn, boolean failFast, int threads, Sink sink) throws IOException {
        if (threads < 1) throw new BadInputException("--threads must be at least 1, got " + threads);
        int bad = 0, articles = 0;
        List<BadInputException> held = new ArrayList<>();
        ExecutorService pool = null;
        try (ArticleReader reader = ArticleReader.open(inputs, charset, warn, stdin)) {
            // a pipeline: up to `window` articles are in flight on the pool while this thread reads the next ones and
            // hands finished ones to the sink in input order
            int window = threads == 1 ? 1 : threads * 16;
            java.util.ArrayDeque<InFlight> inFlight = new java.util.ArrayDeque<>(window);
            while (reader.hasNext() || !inFlight.isEmpty()) {
                while (inFlight.size() < window && reader.hasNext()) {
                    ArticleItem item = reader.next();
                    if (pool == null && threads > 1) {
                        pool = Executors.newFixedThreadPool(threads, r -> {
                            Thread t = new Thread(r, "stancekit-score");
                            t.setDaemon(true);
                            return t;
                        });
                    }
                    Future<ArticleResult> f = item.error() != null ? CompletableFuture.completedFuture(null)
                            : pool == null ? CompletableFuture.completedFuture(scorer.score(item.article()))
                            : pool.submit(() -> scorer.score(item.article()));
                    inFlight.add(new InFlight(item, f));
                }
                InFlight next = inFlight.poll();
                ArticleItem item = next.item();
                if (item.error() != null) {
                    if (failFast) throw item.error();
                    bad++;
                    // until one article has been scored, hold the errors back: if none ever is, the run fails
                    // with the error itself (exit 2) rather than "skipped" warnings and an empty result
                    if (articles == 0 && held.size() < MAX_HELD) held.add(item.error());
                    else warn.accept("skipped: " + item.error().getMessage());
                    continue;
                }
                ArticleResult result = await(next.result());
                if (articles == 0) {
                    for (BadInputException e : held) warn.accept("skipped: " + e.getMessage());
                    held.clear();
                }
                sink.accept(result);
                articles++;
            }
            // no article at all is bad input: fail before an empty --output replaces anything
            if (articles == 0 && bad == 0) {
                throw new BadInputException("no articles in " + (inputs.isEmpty() ? "standard input"
                        : String.join(", ", inputs)));
            }
            if (articles == 0) {
                if (bad == 1) throw held.get(0);
                for (BadInputException e : held) warn.accept("skipped: " + e.getMessage());
                throw new BadInputException("no article could be read from " + (inputs.isEmpty() ? "standard input"
                        : String.join(", ", inputs)) + ": all " + bad + " inputs were bad (see above)");
            }
        } finally {
            if (pool != null) pool.shutdownNow();
        }
        return new Counts(articles, bad);
    }

    private record InFlight(ArticleItem item, Future<ArticleResult> result) {}

    private static ArticleResult await(Future<ArticleResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
