package org.stancekit.model;

import java.util.ArrayList;
import java.util.List;

/** Sentence features for sentiment: words (negation-marked), bigrams, quotation and punctuation cues. */
public final class SentimentFeaturizer implements Featurizer<String> {
    private final FeatureConfig config;

    public SentimentFeaturizer(FeatureConfig config) {
        this.config = config;
    }

    @Override
    public List<String> features(String sentence) {
        TokenView v = new TokenView(sentence, List.of(), List.of());
        List<String> f = new ArrayList<>(v.size() * 3 + 2);
        addWords(v, f, "", config);
        return f;
    }

    /** Unigrams (negation-marked when configured) and bigrams of the whole view, each name prefixed by {@code prefix}. */
    static void addWords(TokenView v, List<String> f, String prefix, FeatureConfig config) {
        String prev = "<s>";
        int pos = 0, neg = 0;
        for (int i = 0; i < v.size(); i++) {
            String w = v.words.get(i);
            if (TokenView.isPunct(w)) {
                prev = "<p>";
                continue;
            }
            f.add(prefix + "u=" + (config.negation() ? v.marked(i) : w));
            if (config.lexicon()) {
                String b = v.valence(i);
                if (b != null) {
                    f.add(prefix + "lx=" + b);
                    if (b.charAt(0) == '!' ? b.equalsIgnoreCase("!neg") : b.equalsIgnoreCase("pos")) pos++;
                    else neg++;
                }
            }
            if (v.quoted.get(i)) f.add(prefix + "q=" + w);
            if (config.bigrams()) f.add(prefix + "b=" + prev + "_" + w);
            prev = w;
        }
        if (config.bigrams()) f.add(prefix + "b=" + prev + "_</s>");
        if (config.lexicon()) {
            f.add(prefix + "lxp=" + Math.min(pos, 3));
            f.add(prefix + "lxn=" + Math.min(neg, 3));
            f.add(prefix + "lxd=" + Integer.signum(pos - neg));
        }
    }
}
