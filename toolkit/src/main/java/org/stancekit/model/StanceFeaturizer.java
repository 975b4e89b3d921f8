package org.stancekit.model;

/**
 * Target-dependent stance features. The target's mentions become {@code <t>} and other actors' mentions {@code <o>}, so
 * the same sentence yields different features per actor. On top of the sentence's words and bigrams: words in a window
 * left and right of the target with side and distance, words in the target's clause, words between the target and
 * another actor (in order), whether the target is quoted, is the sentence's first word (subject) or follows a passive
 * "by", and the actor id. When the text never names the target, words are also conjoined with the actor id.
 */
public final class StanceFeaturizer implements Featurizer<StanceQuery> {
    private final FeatureConfig config;

    public StanceFeaturizer(FeatureConfig config) {
        this.config = config;
    }

    @Override
    public void features(StanceQuery q, FeatureSink f) {
        TokenView v = new TokenView(q.text(), q.targets(), q.others());
        f.part("a=").part(q.actor()).end();
        SentimentFeaturizer.addWords(v, f, config);
        if (v.targetPositions.isEmpty()) {
            f.add("t=absent");
            if (config.actorWords()) {
                for (int i = 0; i < v.size(); i++) {
                    if (!v.punct(i)) {
                        f.part("a=").part(q.actor()).part("|u=");
                        v.marked(f, i);
                        f.end();
                    }
                }
            }
            if (config.actorBigrams()) actorBigrams(v, f, q.actor());
            if (config.charNgrams() > 0) charNgrams(v, f, q.actor(), config.charNgrams());
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
            String padded = "^" + w + "$";
            int len = padded.length();
            for (int n = 2; n <= maxN; n++) {
                for (int s = 0; s + n <= len; s++) {
                    f.part("a=").part(actor).part("|c=");
                    for (int k = s; k < s + n; k++) f.part(padded.charAt(k));
                    f.end();
                }
            }
        }
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
