package org.stancekit.score;

import org.junit.jupiter.api.Test;
import org.stancekit.TestModels;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One {@link Scorer} shared by 16 threads scoring 2,000 varied articles gives exactly the single-thread results. */
class ScorerConcurrencyTest {
    static final int THREADS = 16, ARTICLES = 2000;

    static final String[] SUBJECTS = {"Japan", "The Kremlin", "NATO", "Chinese officials", "The White House",
            "Germany's chancellor", "Iran", "The EU", "Brazil", "Officials in Kyiv", "Putin", "The UN", "India",
            "Turkey", "Hamas", "Israeli forces", "Canada", "South Korea", "Pakistan", "The African Union"};
    static final String[] VERBS = {"praised", "condemned", "welcomed", "rejected", "accused", "thanked",
            "criticised", "met", "warned", "backed", "did not condemn", "refused to endorse", "hailed"};
    static final String[] OBJECTS = {"France", "Russia", "the United States", "China", "Ukraine", "Egypt", "Qatar",
            "Saudi Arabia", "the IMF", "Poland", "Taiwan", "Venezuela", "Mexico", "Nigeria", "Australia"};
    static final String[] TAILS = {"over the grain deal", "for its swift aid", "after the missile strikes",
            "at the summit in Geneva", "for the border closure", "on Tuesday", "in a joint statement",
            "over 2.5 million tonnes of wheat", "despite the sanctions", "\u201Cwithout delay,\u201D a spokesman said"};
    static final String[] FILLERS = {"The weather stayed mild.", "Markets were calm.", "Talks resume in May.",
            "No details were given.", "Reporters waited outside for hours."};

    /** Short articles of one to four sentences, varied, from a fixed seed. */
    static List<Article> articles() {
        Random r = new Random(16_2000);
        List<Article> out = new ArrayList<>(ARTICLES);
        for (int i = 0; i < ARTICLES; i++) {
            StringBuilder sb = new StringBuilder();
            int sentences = 1 + r.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) sb.append(r.nextInt(5) == 0 ? "\n" : " ");
                if (r.nextInt(6) == 0) {
                    sb.append(FILLERS[r.nextInt(FILLERS.length)]);
                } else {
                    sb.append(SUBJECTS[r.nextInt(SUBJECTS.length)]).append(' ').append(VERBS[r.nextInt(VERBS.length)])
                            .append(' ').append(OBJECTS[r.nextInt(OBJECTS.length)]).append(' ')
                            .append(TAILS[r.nextInt(TAILS.length)]).append(r.nextInt(8) == 0 ? "!" : ".");
                }
            }
            out.add(new Article("a" + i, null, sb.toString(), null));
        }
        return out;
    }

    @Test
    void sixteenThreadsGiveTheSingleThreadResults() throws Exception {
        Scorer scorer = TestModels.tinyScorer();
        List<Article> articles = articles();
        List<ArticleResult> expected = articles.stream().map(scorer::score).toList();
        assertTrue(expected.stream().mapToInt(a -> a.sentences().size()).sum() > ARTICLES, "several sentences");

        AtomicReferenceArray<ArticleResult> got = new AtomicReferenceArray<>(ARTICLES);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) order.add(i);
        Collections.shuffle(order, new Random(7)); // another order than the single-thread pass
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>(order);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    int n = 0;
                    for (Integer i; (i = queue.poll()) != null; n++) got.set(i, scorer.score(articles.get(i)));
                    return n;
                }));
            }
            start.countDown();
            int total = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                int sum = 0;
                for (Future<Integer> f : futures) sum += f.get();
                return sum;
            });
            assertEquals(ARTICLES, total);
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < ARTICLES; i++) assertEquals(expected.get(i), got.get(i), "article " + i);
    }
}
