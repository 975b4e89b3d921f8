package org.stancekit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Target-dependent stance features. The target's mentions become {@code <t>} and other actors' mentions {@code <o>}, so
 * the same sentence yields different features per actor. On top of the sentence's words and bigrams: words in a window
 * left and right of the target with side and distance, words in the target's clause, words between the target and
 * another actor (in order), whether the target is quoted, is the sentence's first word (subject) or follows a passive
 * "by", and the actor id. When the text never names the target, words are also conjoined with the actor id. With
 * {@link FeatureConfig#lexiconDomain()}, a named target's features are written twice, once as they are and once with
 * {@code L|} or {@code F|} in front (the actor is, or is not, one the lexicon knows).
 */
public final class StanceFeaturizer implements Featurizer<StanceQuery> {
    private final FeatureConfig config;
    private final Predicate<String> lexiconActor;

    /** A featurizer for which no actor is a lexicon actor (what {@code lexiconDomain} then keys on). */
    public StanceFeaturizer(FeatureConfig config) {
        this(config, actor -> false);
    }

    /** @param lexiconActor whether an actor id is one the model's lexicon knows (for {@code lexiconDomain}) */
    public StanceFeaturizer(FeatureConfig config, Predicate<String> lexiconActor) {
        this.config = config;
        this.lexiconActor = lexiconActor;
    }

    @Override
    public void features(StanceQuery q, FeatureSink sink) {
        TokenView v = new TokenView(q.text(), q.targets(), q.others());
        sink.part("a=").part(q.actor()).end();
        boolean topic = v.targetPositions.isEmpty();
        // a topic target: other actors' names ("GOP", "Trump") are words like any other, unless told to hide them
        if (topic && config.topicOtherWords() && !q.others().isEmpty()) {
            v = new TokenView(q.text(), q.targets(), List.of());
        }
        // per target: the topic target's every feature conjoined with the actor id (the a= feature stays as it is)
        FeatureSink f = topic && config.perTarget() ? new Prefixed(sink, "a=" + q.actor() + "|")
                : !topic && config.lexiconDomain() ? new Twice(sink, lexiconActor.test(q.actor()) ? "L|" : "F|")
                : sink;
        SentimentFeaturizer.addWords(v, f, config);
        if (topic) {
            f.add("t=absent");
            if (config.actorWords()) {
                for (int i = 0; i < v.size(); i++) {
                    if (!v.punct(i)) {
                        sink.part("a=").part(q.actor()).part("|u=");
                        v.marked(sink, i);
                        sink.end();
                    }
                }
            }
            // these are conjoined with the actor already: straight to the sink (with perTarget they would otherwise
            // read a=X|a=X|...; the unigrams and bigrams then coincide with the prefixed shared ones, counted once)
            if (config.actorBigrams()) actorBigrams(v, sink, q.actor());
            if (config.actorTrigrams()) actorTrigrams(v, sink, q.actor());
            if (config.charNgrams() > 0) {
                if (config.charSpans()) charSpans(v, sink, q.actor(), config.charNgrams());
                else charNgrams(v, sink, q.actor(), config.charNgrams());
            }
            if (config.hashtags()) tweetTokens(v, f, sink, q.actor());
            return;
        }
        if (!v.otherPositions.isEmpty()) f.add("o=present");
        int w = config.window();
        boolean lexicon = config.lexicon();
        for (int t : v.targetPositions) {
            if (v.quoted(t)) f.add("t=quoted");
            if (firstWord(v, t)) f.add("t=first");
            if (t > 0 && v.word(t - 1).equals("by")) f.add("t=by");
            for (int d = 1; d <= w; d++) {
                window(v, f, t - d, "L", d, lexicon);
                window(v, f, t + d, "R", d, lexicon);
            }
            if (config.bigrams()) {
                if (t >= 2) f.part("LB=").part(v.word(t - 2)).part('_').part(v.word(t - 1)).end();
                if (t + 2 < v.size()) f.part("RB=").part(v.word(t + 1)).part('_').part(v.word(t + 2)).end();
            }
            if (config.clause()) {
                int c = v.clause(t);
                for (int i = 0; i < v.size(); i++) {
                    if (i != t && v.clause(i) == c && !v.punct(i)) {
                        v.marked(f.part("C="), i);
                        f.end();
                        if (lexicon && v.bucket(i) != null) {
                            v.markedBucket(f.part("Clx="), i).part(i < t ? '<' : '>').end();
                        }
                    }
                }
                for (int o : v.otherPositions) {
                    int lo = Math.min(t, o), hi = Math.max(t, o);
                    String dir = t < o ? "TO=" : "OT=";
                    if (hi - lo <= 12) {
                        for (int i = lo + 1; i < hi; i++) {
                            if (v.punct(i)) continue;
                            v.marked(f.part(dir), i);
                            f.end();
                            if (lexicon && v.bucket(i) != null) {
                                v.markedBucket(f.part(dir).part("lx="), i).end();
                            }
                        }
                    }
                }
            }
        }
    }

    /** The sentence's bigrams (as {@code b=} in the shared features) conjoined with the actor id. */
    private static void actorBigrams(TokenView v, FeatureSink f, String actor) {
        String prev = "<s>";
        for (int i = 0; i < v.size(); i++) {
            if (v.punct(i)) {
                prev = "<p>";
                continue;
            }
            String w = v.word(i);
            f.part("a=").part(actor).part("|b=").part(prev).part('_').part(w).end();
            prev = w;
        }
        f.part("a=").part(actor).part("|b=").part(prev).part("_</s>").end();
    }

    /** The sentence's word trigrams (punctuation breaks them; {@code <s>} and {@code </s>} pad) with the actor id. */
    private static void actorTrigrams(TokenView v, FeatureSink f, String actor) {
        String p2 = "<s>", p1 = "<s>";
        for (int i = 0; i <= v.size(); i++) {
            String w = i == v.size() ? "</s>" : v.word(i);
            if (i < v.size() && v.punct(i)) {
                p2 = "<p>";
                p1 = "<p>";
                continue;
            }
            if (!(p2.equals("<p>") && p1.equals("<p>"))) {
                f.part("a=").part(actor).part("|tg=").part(p2).part('_').part(p1).part('_').part(w).end();
            }
            p2 = p1;
            p1 = w;
        }
    }

    /**
     * Tweet conventions: a hashtag ("#" then a word) split at case changes and digit runs into its parts
     * ("#StopHillary2016" gives "stop", "hillary", "0"), each part a word ({@code u=}, shared and with the actor id);
     * a hashtag that does not split ("#tcot") adds nothing (it is a word already). A user handle ("@" then a word)
     * adds {@code u=@user}, a web address {@code u=<url>}.
     */
    private static void tweetTokens(TokenView v, FeatureSink f, FeatureSink sink, String actor) {
        for (int i = 0; i < v.size(); i++) {
            String raw = v.raw(i);
            if (raw == null) continue;
            if (raw.startsWith("http://") || raw.startsWith("https://") || raw.startsWith("www.")) {
                f.add("u=<url>");
                continue;
            }
            if (i == 0 || v.punct(i)) continue;
            String before = v.raw(i - 1);
            if ("@".equals(before)) {
                f.add("u=@user");
            } else if ("#".equals(before)) {
                List<String> parts = hashtagParts(raw);
                if (parts.size() < 2) continue;
                for (String p : parts) {
                    f.part("u=").part(p).end();
                    sink.part("a=").part(actor).part("|u=").part(p).end();
                }
            }
        }
    }

    /**
     * A hashtag's parts: split before an upper-case letter that follows a lower-case one ("StopHillary"), before the
     * last capital of a capital run followed by lower case ("NRAKills" -> "nra", "kills"), and around digit runs
     * (each run reads "0", as words' digits do); lower-cased.
     */
    static List<String> hashtagParts(String tag) {
        List<String> parts = new ArrayList<>();
        int start = 0, n = tag.length();
        for (int i = 1; i <= n; i++) {
            boolean cut = i == n;
            if (!cut) {
                char a = tag.charAt(i - 1), b = tag.charAt(i);
                cut = (Character.isLowerCase(a) && Character.isUpperCase(b))
                        || (Character.isDigit(a) != Character.isDigit(b))
                        || (Character.isUpperCase(a) && Character.isUpperCase(b) && i + 1 < n
                        && Character.isLowerCase(tag.charAt(i + 1)))
                        || b == '_';
            }
            if (cut) {
                String part = tag.substring(start, i).replace("_", "");
                if (!part.isEmpty()) {
                    parts.add(Character.isDigit(part.charAt(0)) ? "0" : part.toLowerCase(java.util.Locale.ROOT));
                }
                start = i;
            }
        }
        return parts;
    }

    /** Writes every feature through to {@code out} with {@code prefix} in front. */
    private static final class Prefixed extends FeatureSink {
        private final FeatureSink out;
        private final String prefix;
        private boolean fresh = true;

        Prefixed(FeatureSink out, String prefix) {
            this.out = out;
            this.prefix = prefix;
        }

        /** The sink, with the prefix written first if this is a feature's first piece. */
        private FeatureSink out() {
            if (fresh) {
                out.part(prefix);
                fresh = false;
            }
            return out;
        }

        @Override
        public FeatureSink part(String s) {
            out().part(s);
            return this;
        }

        @Override
        public FeatureSink part(char c) {
            out().part(c);
            return this;
        }

        @Override
        public void end() {
            out.end();
            fresh = true;
        }
    }

    /**
     * Writes every feature through to {@code out} twice: as it is, and with {@code prefix} in front. The pieces go
     * straight through and are replayed char by char for the copy, so a hashing sink never sees a built name.
     */
    private static final class Twice extends FeatureSink {
        private final FeatureSink out;
        private final String prefix;
        private final StringBuilder name = new StringBuilder(48);

        Twice(FeatureSink out, String prefix) {
            this.out = out;
            this.prefix = prefix;
        }

        @Override
        public FeatureSink part(String s) {
            out.part(s);
            name.append(s);
            return this;
        }

        @Override
        public FeatureSink part(char c) {
            out.part(c);
            name.append(c);
            return this;
        }

        @Override
        public void end() {
            out.end();
            out.part(prefix);
            for (int i = 0; i < name.length(); i++) out.part(name.charAt(i));
            out.end();
            name.setLength(0);
        }
    }

    /**
     * Character n-grams, 2 to {@code maxN} long, inside each word with {@code ^} and {@code $} marking its edges
     * ("#FreeSpeech" gives the word "freespeech": "^f", "fr", ..., "ch$", "^fre", ...), conjoined with the actor id.
     * They catch spelling variants, inflections and the parts of run-together hashtags.
     */
    private static void charNgrams(TokenView v, FeatureSink f, String actor, int maxN) {
        for (int i = 0; i < v.size(); i++) {
            if (v.punct(i)) continue;
            String w = v.word(i);
            if (w.equals(TokenView.TARGET) || w.equals(TokenView.OTHER)) continue;
            ngrams("^" + w + "$", f, actor, maxN);
        }
    }

    /** Every character n-gram of {@code padded}, 2 to {@code maxN} long, conjoined with the actor id. */
    private static void ngrams(String padded, FeatureSink f, String actor, int maxN) {
        int len = padded.length();
        for (int n = 2; n <= maxN; n++) {
            for (int s = 0; s + n <= len; s++) {
                f.part("a=").part(actor).part("|c=");
                for (int k = s; k < s + n; k++) f.part(padded.charAt(k));
                f.end();
            }
        }
    }

    /** Character n-grams, 2 to {@code maxN} long, of the sentence's words joined by spaces, with the actor id. */
    private static void charSpans(TokenView v, FeatureSink f, String actor, int maxN) {
        StringBuilder sb = new StringBuilder("^");
        for (int i = 0; i < v.size(); i++) {
            String w = v.word(i);
            if (w.equals(TokenView.TARGET) || w.equals(TokenView.OTHER)) continue;
            if (sb.length() > 1) sb.append(' ');
            sb.append(w);
        }
        ngrams(sb.append('$').toString(), f, actor, maxN);
    }

    private static boolean firstWord(TokenView v, int t) {
        for (int i = 0; i < t; i++) {
            if (!v.punct(i)) return false;
        }
        return true;
    }

    private static void window(TokenView v, FeatureSink f, int i, String side, int d, boolean lexicon) {
        if (i < 0 || i >= v.size()) return;
        if (v.markedPunct(i)) return;
        v.marked(f.part(side).part('='), i);
        f.end();
        if (d <= 2) {
            v.marked(f.part(side).part(d).part('='), i);
            f.end();
        }
        if (lexicon && v.bucket(i) != null) {
            v.markedBucket(f.part(side).part("lx="), i).end();
            if (d <= 3) v.markedBucket(f.part(side).part("lx3="), i).end();
        }
    }
}
