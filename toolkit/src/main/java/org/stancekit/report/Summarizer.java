package org.stancekit.report;

import org.stancekit.model.Prediction;
import org.stancekit.score.Abstention;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.SentenceResult;
import org.stancekit.score.StanceResult;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-actor stance summaries of scored articles, accumulated one article at a time: {@link #add} returns the article's
 * own summary, and the corpus and per-day numbers grow as articles come. Memory holds only counts per actor and day.
 *
 * <ul>
 *   <li><b>mentions</b>: sentences naming the actor; <b>counts</b> and <b>shares</b> of the reported labels, where a
 *       label whose probability is under {@code minConfidence} is counted as {@code uncertain}.</li>
 *   <li><b>mean net stance</b>: the mean over those sentences of P(favor) - P(against) (the expected value of +1 for
 *       favor, -1 for against, 0 otherwise under the calibrated probabilities). It uses every sentence, uncertain ones
 *       too, so abstaining does not move it.</li>
 *   <li><b>95% interval</b>: see {@link ActorStats#halfWidth()}: clustered by article when two or more articles mention
 *       the actor, per sentence within one article; Student's t; clipped to [-1, 1].</li>
 * </ul>
 * Not thread-safe: feed it from one thread. The numbers are sums, so summarizers fed with disjoint sets of articles
 * {@link #merge} into the summarizer of all of them (up to the order of floating-point additions); a summarizer is
 * {@link Serializable} so that a distributed job (the Spark module) can summarise each partition and merge the parts.
 */
public final class Summarizer implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The label counted +1 in the net stance and the one counted -1. */
    public static final String FAVOR = "favor", AGAINST = "against";

    private final List<String> labels;
    private final double minConfidence;
    private final Map<String, ActorStats> corpus = new HashMap<>();
    private final TreeMap<LocalDate, Map<String, ActorStats>> byDay = new TreeMap<>();
    private final TreeMap<LocalDate, Integer> articlesByDay = new TreeMap<>();
    private long articles, sentences, undated;
    private String undatedExample;

    /**
     * @param labels        the stance model's labels in its order (e.g. from {@code Classifier.labels()}); labels met in
     *                      results and not listed are added in the order seen
     * @param minConfidence labels under this probability count as {@code uncertain}; 0 for never
     */
    public Summarizer(List<String> labels, double minConfidence) {
        this.labels = new ArrayList<>(labels);
        this.labels.remove(Abstention.UNCERTAIN);
        this.minConfidence = Abstention.check(minConfidence);
    }

    /** The stance labels, in order, without {@code uncertain}. */
    public List<String> labels() {
        return List.copyOf(labels);
    }

    /** The stance labels, then {@code uncertain}: the count columns. */
    public List<String> countLabels() {
        List<String> l = new ArrayList<>(labels);
        l.add(Abstention.UNCERTAIN);
        return l;
    }

    public double minConfidence() {
        return minConfidence;
    }

    /** True when the labels include favor and against, so the net stance is defined. */
    public boolean hasNetStance() {
        return labels.contains(FAVOR) && labels.contains(AGAINST);
    }

    /** Adds an article and returns its per-actor summary (most mentioned first). */
    public List<ActorSummary> add(ArticleResult result) {
        articles++;
        sentences += result.sentences().size();
        Map<String, ActorStats> mine = new HashMap<>();
        for (SentenceResult s : result.sentences()) {
            for (StanceResult st : s.stances()) {
                Prediction p = st.stance();
                if (p == null) continue;
                for (String l : p.probabilities().keySet()) {
                    if (!labels.contains(l) && !l.equals(Abstention.UNCERTAIN)) {
                        if (labels.size() >= MAX_LABELS) throw new IllegalStateException("too many stance labels");
                        labels.add(l);
                    }
                }
                String reported = Abstention.label(p, minConfidence);
                int k = reported.equals(Abstention.UNCERTAIN) ? -1 : labels.indexOf(reported);
                ActorStats a = mine.computeIfAbsent(st.actor(), x -> new ActorStats(MAX_LABELS));
                a.addMention(k < 0 ? MAX_LABELS : k, p.probability(FAVOR) - p.probability(AGAINST));
            }
        }
        for (Map.Entry<String, ActorStats> e : mine.entrySet()) {
            corpus.computeIfAbsent(e.getKey(), x -> new ActorStats(MAX_LABELS)).addArticle(e.getValue());
        }
        String date = result.article().date();
        LocalDate day = Period.parseDate(date);
        if (day == null) {
            undated++;
            if (date != null && undatedExample == null) undatedExample = date;
        } else {
            articlesByDay.merge(day, 1, Integer::sum);
            Map<String, ActorStats> d = byDay.computeIfAbsent(day, x -> new HashMap<>());
            for (Map.Entry<String, ActorStats> e : mine.entrySet()) {
                d.computeIfAbsent(e.getKey(), x -> new ActorStats(MAX_LABELS)).addArticle(e.getValue());
            }
        }
        return summaries(mine);
    }

    /**
     * Adds everything {@code other} has counted, as if its articles had been added here (they must be other articles).
     * Labels {@code other} met that this one has not are appended. Both must use the same minimum confidence.
     *
     * @return this summarizer
     */
    public Summarizer merge(Summarizer other) {
        if (other == this) throw new IllegalArgumentException("cannot merge a summarizer into itself");
        if (Double.compare(other.minConfidence, minConfidence) != 0) {
            throw new IllegalArgumentException("cannot merge summaries made with minimum confidence "
                    + other.minConfidence + " into ones made with " + minConfidence);
        }
        int[] to = new int[other.labels.size()];
        for (int i = 0; i < to.length; i++) {
            String l = other.labels.get(i);
            int k = labels.indexOf(l);
            if (k < 0) {
                if (labels.size() >= MAX_LABELS) throw new IllegalStateException("too many stance labels");
                labels.add(l);
                k = labels.size() - 1;
            }
            to[i] = k;
        }
        for (Map.Entry<String, ActorStats> e : other.corpus.entrySet()) {
            corpus.computeIfAbsent(e.getKey(), x -> new ActorStats(MAX_LABELS)).addAll(e.getValue().relabelled(to));
        }
        for (Map.Entry<LocalDate, Map<String, ActorStats>> d : other.byDay.entrySet()) {
            Map<String, ActorStats> mine = byDay.computeIfAbsent(d.getKey(), x -> new HashMap<>());
            for (Map.Entry<String, ActorStats> e : d.getValue().entrySet()) {
                mine.computeIfAbsent(e.getKey(), x -> new ActorStats(MAX_LABELS)).addAll(e.getValue().relabelled(to));
            }
        }
        other.articlesByDay.forEach((day, n) -> articlesByDay.merge(day, n, Integer::sum));
        articles += other.articles;
        sentences += other.sentences;
        undated += other.undated;
        if (undatedExample == null) undatedExample = other.undatedExample;
        return this;
    }

    /** Label slots in the statistics: more than any model has; the last one is {@code uncertain}. */
    private static final int MAX_LABELS = 32;

    /** Per-actor numbers over every article added so far, most mentioned first. */
    public List<ActorSummary> corpus() {
        return summaries(corpus);
    }

    public long articles() {
        return articles;
    }

    public long sentences() {
        return sentences;
    }

    /** Articles without a date, or with one that does not start with an ISO date (yyyy-mm-dd). */
    public long undatedArticles() {
        return undated;
    }

    /** One date field that was not an ISO date, for a warning; null if none. */
    public String undatedExample() {
        return undatedExample;
    }

    public long datedArticles() {
        return articles - undated;
    }

    /** The period {@link Period#auto} picks for the dates seen (DAY when there are none). */
    public Period autoPeriod() {
        return byDay.isEmpty() ? Period.DAY : Period.auto(byDay.firstKey(), byDay.lastKey());
    }

    /** The numbers of one period. */
    public record PeriodSummary(String key, LocalDate start, long articles, List<ActorSummary> actors) {}

    /** Per-period numbers over the dated articles, in date order. */
    public List<PeriodSummary> byPeriod(Period period) {
        TreeMap<LocalDate, Map<String, ActorStats>> merged = new TreeMap<>();
        TreeMap<LocalDate, Long> counts = new TreeMap<>();
        for (Map.Entry<LocalDate, Map<String, ActorStats>> e : byDay.entrySet()) {
            LocalDate start = period.start(e.getKey());
            Map<String, ActorStats> m = merged.computeIfAbsent(start, x -> new HashMap<>());
            for (Map.Entry<String, ActorStats> a : e.getValue().entrySet()) {
                m.computeIfAbsent(a.getKey(), x -> new ActorStats(MAX_LABELS)).addAll(a.getValue());
            }
        }
        for (Map.Entry<LocalDate, Integer> e : articlesByDay.entrySet()) {
            counts.merge(period.start(e.getKey()), (long) e.getValue(), Long::sum);
        }
        List<PeriodSummary> out = new ArrayList<>();
        for (Map.Entry<LocalDate, Map<String, ActorStats>> e : merged.entrySet()) {
            out.add(new PeriodSummary(period.key(e.getKey()), e.getKey(), counts.getOrDefault(e.getKey(), 0L),
                    summaries(e.getValue())));
        }
        return out;
    }

    private List<ActorSummary> summaries(Map<String, ActorStats> stats) {
        List<ActorSummary> out = new ArrayList<>(stats.size());
        for (Map.Entry<String, ActorStats> e : stats.entrySet()) out.add(summary(e.getKey(), e.getValue()));
        out.sort(Comparator.comparingLong(ActorSummary::mentions).reversed().thenComparing(ActorSummary::actor));
        return out;
    }

    private ActorSummary summary(String actor, ActorStats a) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) counts.put(labels.get(i), a.counts[i]);
        counts.put(Abstention.UNCERTAIN, a.counts[MAX_LABELS]);
        double mean = Double.NaN, lo = Double.NaN, hi = Double.NaN;
        if (hasNetStance() && a.n > 0) {
            mean = a.mean();
            double h = a.halfWidth();
            if (!Double.isNaN(h)) {
                lo = Math.max(-1, mean - h);
                hi = Math.min(1, mean + h);
            }
        }
        return new ActorSummary(actor, a.n, Math.max(1, a.articles), counts, mean, lo, hi);
    }
}
