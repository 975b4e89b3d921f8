package org.stancekit.model;

import java.util.ArrayList;
import java.util.List;

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
    public List<String> features(StanceQuery q) {
        TokenView v = new TokenView(q.text(), q.targets(), q.others());
        List<String> f = new ArrayList<>(v.size() * 8 + 8);
        f.add("a=" + q.actor());
        SentimentFeaturizer.addWords(v, f, "", config);
        if (v.targetPositions.isEmpty()) {
            f.add("t=absent");
            if (config.actorWords()) {
                for (int i = 0; i < v.size(); i++) {
                    if (!TokenView.isPunct(v.words.get(i))) f.add("a=" + q.actor() + "|u=" + v.marked(i));
                }
            }
            return f;
        }
        if (!v.otherPositions.isEmpty()) f.add("o=present");
        int w = config.window();
        for (int t : v.targetPositions) {
            if (v.quoted.get(t)) f.add("t=quoted");
            if (firstWord(v, t)) f.add("t=first");
            if (t > 0 && v.words.get(t - 1).equals("by")) f.add("t=by");
            for (int d = 1; d <= w; d++) {
                window(v, f, t - d, "L", d, config.lexicon());
                window(v, f, t + d, "R", d, config.lexicon());
            }
            if (config.bigrams()) {
                if (t >= 2) f.add("LB=" + v.words.get(t - 2) + "_" + v.words.get(t - 1));
                if (t + 2 < v.size()) f.add("RB=" + v.words.get(t + 1) + "_" + v.words.get(t + 2));
            }
            if (config.clause()) {
                int c = v.clause.get(t);
                for (int i = 0; i < v.size(); i++) {
                    if (i != t && v.clause.get(i) == c && !TokenView.isPunct(v.words.get(i))) {
                        f.add("C=" + v.marked(i));
                        String b = config.lexicon() ? v.valence(i) : null;
                        if (b != null) f.add("Clx=" + b + (i < t ? "<" : ">"));
                    }
                }
                for (int o : v.otherPositions) {
                    int lo = Math.min(t, o), hi = Math.max(t, o);
                    String dir = t < o ? "TO=" : "OT=";
                    if (hi - lo <= 12) {
                        for (int i = lo + 1; i < hi; i++) {
                            if (TokenView.isPunct(v.words.get(i))) continue;
                            f.add(dir + v.marked(i));
                            String b = config.lexicon() ? v.valence(i) : null;
                            if (b != null) f.add(dir + "lx=" + b);
                        }
                    }
                }
            }
        }
        return f;
    }

    private static boolean firstWord(TokenView v, int t) {
        for (int i = 0; i < t; i++) {
            if (!TokenView.isPunct(v.words.get(i))) return false;
        }
        return true;
    }

    private static void window(TokenView v, List<String> f, int i, String side, int d, boolean lexicon) {
        if (i < 0 || i >= v.size()) return;
        String word = v.marked(i);
        if (TokenView.isPunct(word)) return;
        f.add(side + "=" + word);
        if (d <= 2) f.add(side + d + "=" + word);
        String b = lexicon ? v.valence(i) : null;
        if (b != null) {
            f.add(side + "lx=" + b);
            if (d <= 3) f.add(side + "lx3=" + b);
        }
    }
}
