package org.stancekit.score;

import org.stancekit.ModelFormatException;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.Mention;
import org.stancekit.actors.MentionMatcher;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.model.Classifier;
import org.stancekit.model.EnsembleClassifier;
import org.stancekit.model.LinearClassifier;
import org.stancekit.model.Prediction;
import org.stancekit.model.StanceQuery;
import org.stancekit.text.LineBreaks;
import org.stancekit.text.SentenceSplitter;
import org.stancekit.text.TextSpan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The library facade: splits an article into sentences, finds the actors each sentence names, and predicts the
 * sentence's sentiment and its stance toward each actor.
 *
 * <p>Thread-safety: a {@code Scorer} is immutable; one instance can be shared by any number of threads (load it once).
 * The neural backend keeps a private network copy per concurrently scoring thread. The sentiments of an article's
 * sentences and all its stance queries are predicted in one batch each ({@link Classifier#predictAll}).
 * Sentences longer than {@link #MAX_TOKENS} whitespace-separated tokens are scored on a window of that many tokens (the
 * start of the sentence for sentiment, around the actor's first mention for stance) and flagged {@code truncated}.
 */
public final class Scorer {
    /** The longest sentence, in whitespace-separated tokens, that is scored whole. */
    public static final int MAX_TOKENS = 200;
    /** System property and environment variable that point at the default model directory. */
    public static final String MODEL_PROPERTY = "stancekit.model", MODEL_ENV = "STANCEKIT_MODEL";

    private final ModelBundle bundle;
    private final MentionMatcher matcher;
    private final Set<String> only;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final Classifier<StanceQuery> stance;
    private final Classifier<String> sentiment;
    private final int explainTop;
    private final LineBreaks lineBreaks;

    private Scorer(ModelBundle bundle, Set<String> only, int explainTop, LineBreaks lineBreaks) {
        this.bundle = bundle;
        this.matcher = new MentionMatcher(bundle.lexicon());
        this.only = Set.copyOf(only);
        this.stance = bundle.stance().orElse(null);
        this.sentiment = bundle.sentiment().orElse(null);
        this.explainTop = explainTop;
        this.lineBreaks = lineBreaks;
    }

    public static Scorer of(ModelBundle bundle) {
        return new Scorer(bundle, Set.of(), 0, LineBreaks.AUTO);
    }

    /** Loads the bundle in {@code dir}. */
    public static Scorer load(Path dir) {
        return of(ModelBundle.load(dir));
    }

    /**
     * Loads the default model: the directory named by the {@code stancekit.model} system property or the
     * {@code STANCEKIT_MODEL} environment variable, else {@code models/default} under the {@code stancekit.home}
     * property, the working directory or one of its parents.
     */
    public static Scorer loadDefault() {
        return load(defaultModelDir());
    }

    public static Path defaultModelDir() {
        String explicit = System.getProperty(MODEL_PROPERTY, System.getenv(MODEL_ENV));
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        List<Path> tried = new ArrayList<>();
        String home = System.getProperty("stancekit.home");
        if (home != null) tried.add(Path.of(home, "models", "default"));
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            tried.add(p.resolve("models").resolve("default"));
        }
        for (Path p : tried) {
            if (Files.isRegularFile(p.resolve(ModelBundle.BUNDLE_FILE))) return p;
        }
        throw new ModelFormatException("no default model found (looked for models/default/bundle.json from "
                + Path.of("").toAbsolutePath() + " upward); give --model DIR or set " + MODEL_ENV);
    }

    /** The same models with another actor lexicon. */
    public Scorer withLexicon(ActorLexicon lexicon) {
        return new Scorer(bundle.withLexicon(lexicon), only, explainTop, lineBreaks);
    }

    /** Only report stances toward these actor ids (empty = all). */
    public Scorer restrictTo(Collection<String> actors) {
        return new Scorer(bundle, Set.copyOf(actors), explainTop, lineBreaks);
    }

    /**
     * The same scorer, also explaining every label it gives: {@link StanceResult#explanation()} and
     * {@link SentenceResult#sentimentExplanation()} hold the {@code top} features that pushed hardest toward or away
     * from the chosen label (see {@link Explanation}); {@code top = 0} turns explanations off. The linear backend
     * explains exactly; an ensemble is explained by its linear part; with the neural backend they stay null. Scoring
     * with explanations featurizes each input twice.
     */
    public Scorer withExplanations(int top) {
        if (top < 0) throw new IllegalArgumentException("top must be >= 0, got " + top);
        return new Scorer(bundle, only, top, lineBreaks);
    }

    /**
     * The same scorer, reading line breaks as {@code mode} says (default {@link LineBreaks#AUTO}: a hard-wrapped text's
     * wrapping breaks are spaces, every other line break ends a sentence). Offsets stay offsets into the article's
     * text; a sentence that ran over a wrap carries spaces where the text had the line break.
     */
    public Scorer withLineBreaks(LineBreaks mode) {
        return new Scorer(bundle, only, explainTop, java.util.Objects.requireNonNull(mode, "mode"));
    }

    public LineBreaks lineBreaks() {
        return lineBreaks;
    }

    public ModelBundle bundle() {
        return bundle;
    }

    public MentionMatcher matcher() {
        return matcher;
    }

    public ArticleResult score(String text) {
        return score(new Article("text", text));
    }

    public ArticleResult score(Article article) {
        String text = lineBreaks.apply(article.text()); // same length: offsets stay the article's
        List<TextSpan> spans = splitter.split(text);
        // every sentence's sentiment and every stance query of the article go to the models in one batch each
        List<Pending> pending = new ArrayList<>(spans.size());
        List<String> sentenceInputs = new ArrayList<>(spans.size());
        List<StanceQuery> queries = new ArrayList<>();
        MentionMatcher.Context named = new MentionMatcher.Context(); // for anaphors: "NATO ... The alliance ..."
        for (TextSpan span : spans) pending.add(prepare(span, sentenceInputs, queries, named));
        List<Prediction> sentiments = sentiment == null || sentenceInputs.isEmpty() ? List.of()
                : sentiment.predictAll(sentenceInputs);
        List<Prediction> stancePredictions = stance == null || queries.isEmpty() ? List.of()
                : stance.predictAll(queries);
        List<SentenceResult> out = new ArrayList<>(spans.size());
        int q = 0;
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            List<StanceResult> stances = new ArrayList<>(p.actors().size());
            for (int a = 0; a < p.actors().size(); a++, q++) {
                Prediction sp = stancePredictions.get(q);
                stances.add(new StanceResult(p.actors().get(a), p.mentions().get(a), sp,
                        explain(stance, queries.get(q), sp, p.actors().get(a))));
            }
            Prediction sent = sentiment == null ? null : sentiments.get(i);
            Explanation sentWhy = sentiment == null ? null : explain(sentiment, sentenceInputs.get(i), sent, null);
            out.add(new SentenceResult(i, p.span().start(), p.span().end(), p.span().text(), sent, stances,
                    p.truncated(), sentWhy));
        }
        return new ArticleResult(article, out);
    }

    /** A sentence whose model inputs are queued: its actors and their mentions (article offsets), in query order. */
    private record Pending(TextSpan span, boolean truncated, List<String> actors, List<List<Mention>> mentions) {}

    /** Scores articles lazily, in order; memory does not grow with the number of articles. */
    public Stream<ArticleResult> scoreAll(Stream<Article> articles) {
        return articles.map(this::score);
    }

    private Pending prepare(TextSpan span, List<String> sentenceInputs, List<StanceQuery> queries,
            MentionMatcher.Context named) {
        String s = span.text();
        int[] tokenStarts = tokenStarts(s);
        boolean truncated = tokenStarts.length > MAX_TOKENS;
        if (sentiment != null) sentenceInputs.add(truncated ? s.substring(0, windowEnd(s, tokenStarts, 0)) : s);
        List<String> actors = new ArrayList<>();
        List<List<Mention>> mentions = new ArrayList<>();
        if (stance != null) {
            List<Mention> all = matcher.find(s, named);
            Map<String, List<Mention>> byActor = new LinkedHashMap<>();
            for (Mention m : all) byActor.computeIfAbsent(m.actor(), k -> new ArrayList<>()).add(m);
            for (Map.Entry<String, List<Mention>> e : byActor.entrySet()) {
                if (!only.isEmpty() && !only.contains(e.getKey())) continue;
                List<Mention> mine = e.getValue();
                List<Mention> others = all.stream().filter(m -> !m.actor().equals(e.getKey())).toList();
                queries.add(truncated ? window(s, tokenStarts, e.getKey(), mine, others)
                        : new StanceQuery(s, e.getKey(), mine, others));
                actors.add(e.getKey());
                mentions.add(mine.stream().map(m -> m.shift(span.start())).toList());
            }
        }
        return new Pending(span, truncated, actors, mentions);
    }

    private <I> Explanation explain(Classifier<I> classifier, I input, Prediction p, String actor) {
        if (explainTop == 0) return null;
        // an ensemble is explained by its linear part (the neural part has no per-feature contributions)
        LinearClassifier<I> linear = classifier instanceof LinearClassifier<I> l ? l
                : classifier instanceof EnsembleClassifier<I> en ? en.linear() : null;
        if (linear == null) return null;
        return Explanation.of(p.label(), linear.explain(input, p.label()), explainTop, actor);
    }

    /** A query on the {@link #MAX_TOKENS}-token window around the first target mention; offsets moved into it. */
    private static StanceQuery window(String s, int[] starts, String actor, List<Mention> mine, List<Mention> others) {
        int first = mine.get(0).start();
        int tok = 0;
        while (tok + 1 < starts.length && starts[tok + 1] <= first) tok++;
        int from = Math.max(0, Math.min(tok - MAX_TOKENS / 2, starts.length - MAX_TOKENS));
        int begin = starts[from], end = windowEnd(s, starts, from);
        String w = s.substring(begin, end);
        return new StanceQuery(w, actor, inside(mine, begin, end), inside(others, begin, end));
    }

    private static List<Mention> inside(List<Mention> ms, int begin, int end) {
        return ms.stream().filter(m -> m.start() >= begin && m.end() <= end).map(m -> m.shift(-begin)).toList();
    }

    private static int windowEnd(String s, int[] starts, int from) {
        int last = from + MAX_TOKENS;
        return last < starts.length ? starts[last] : s.length();
    }

    private static int[] tokenStarts(String s) {
        int[] starts = new int[16];
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inWord) {
                if (n == starts.length) starts = java.util.Arrays.copyOf(starts, n * 2);
                starts[n++] = i;
            }
            inWord = !space;
        }
        return java.util.Arrays.copyOf(starts, n);
    }
}
