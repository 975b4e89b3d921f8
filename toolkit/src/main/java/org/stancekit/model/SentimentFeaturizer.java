package org.stancekit.model;

import java.util.List;

/** Sentence features for sentiment: words (negation-marked), bigrams, quotation and punctuation cues. */
public final class SentimentFeaturizer implements Featurizer<String> {
    private final FeatureConfig config;

    public SentimentFeaturizer(FeatureConfig config) {
        this.config = config;
    }

    @Override
    public void features(String sentence, FeatureSink f) {
        TokenView v = new TokenView(sentence, List.of(), List.of());
        addWords(v, f, config);
        if (config.changeCues()) ChangeCues.add(v, f, config.numberCues());
    }

    /**
     * Unigrams (negation-marked when configured), valence buckets, quoted words and bigrams of the whole view; shared
     * by the stance features. The change cues are added for sentence sentiment only (on NewsMTSC stance they did not
     * help: dev macro-F1 0.692 without, 0.690 with).
     */
    static void addWords(TokenView v, FeatureSink f, FeatureConfig config) {
        String prev = "<s>";
        int pos = 0, neg = 0;
        for (int i = 0; i < v.size(); i++) {
            String w = v.word(i);
            if (v.punct(i)) {
                prev = "<p>";
                continue;
            }
            f.part("u=");
            if (config.negation()) v.marked(f, i); else f.part(w);
            f.end();
            if (config.lexicon()) {
                String b = v.bucket(i);
                if (b != null) {
                    boolean negated = v.negated(i);
                    f.part("lx=");
                    if (negated) f.part('!');
                    f.part(b).end();
                    if (negated ? b.equalsIgnoreCase("neg") : b.equalsIgnoreCase("pos")) pos++;
                    else neg++;
                }
            }
            if (v.quoted(i)) f.part("q=").part(w).end();
            if (config.bigrams()) f.part("b=").part(prev).part('_').part(w).end();
            prev = w;
        }
        if (config.bigrams()) f.part("b=").part(prev).part("_</s>").end();
        if (config.lexicon()) {
            f.part("lxp=").part(Math.min(pos, 3)).end();
            f.part("lxn=").part(Math.min(neg, 3)).end();
            f.part("lxd=").part(Integer.signum(pos - neg)).end();
        }
    }
}
