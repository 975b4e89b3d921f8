package org.stancekit.model;

/**
 * How text becomes sparse binary features for the linear backend. Stored in {@code model.json} so a model extracts
 * exactly the features it was trained with. Every field added after the first release is off when it is false or 0,
 * which is what a {@code model.json} written before it existed gives (a missing field reads as false / 0), so older
 * models keep extracting exactly their old features.
 *
 * @param window       tokens on each side of a target mention that get side/distance features
 * @param bigrams      add word bigrams
 * @param negation     mark words in a negation scope ("did not <u>support</u> ...") as their own features
 * @param clause       add features for words in the same clause as the target and between target and other actors
 * @param actorWords   when the text never names the target (topic stance), conjoin words with the actor id
 * @param lexicon      add prior-valence features from the VADER lexicon (sentence counts, near the target, in its
 *                     clause, negated)
 * @param actorBigrams when the text never names the target, conjoin bigrams with the actor id too (a per-target
 *                     bigram model inside the shared one)
 * @param charNgrams   when the text never names the target, character n-grams of length 2 to this inside each word
 *                     (hashtags included), conjoined with the actor id; 0 = none
 * @param changeCues   sentence sentiment only ({@link ChangeCues}): a word of change (rose, fell, narrowed, eased
 *                     ...) or a numeric change ("to 12.3 from 10.1") joined with whether the thing changing is
 *                     desirable (profit, sales, aid) or undesirable (loss, costs, sanctions), so "loss narrowed" reads
 *                     as good news; the stance featurizer ignores it
 * @param actorTrigrams when the text never names the target, word trigrams conjoined with the actor id
 * @param perTarget    when the text never names the target, every feature is conjoined with the actor id (the shared
 *                     word, bigram and lexicon features too), which makes the model one separate model per topic
 *                     target inside the shared one (the published per-target SVM baseline's set-up)
 * @param hashtags     when the text never names the target, split each hashtag at case changes and digits
 *                     ("#StopHillary2016" -> "stop", "hillary", "0") and add the parts as words, shared and conjoined
 *                     with the actor id; also "@user" for any user handle and "<url>" for any web address
 * @param numberCues   sentence sentiment, with {@code changeCues} only: how many numbers and whether a percentage,
 *                     and each change's polarity joined with its size and with whose it is (the company's own, or
 *                     the market's); see {@link ChangeCues}
 * @param topicOtherWords when the text never names the target, keep other actors' mentions as words instead of the
 *                     {@code <o>} placeholder (a named target's features are unchanged; off in bundles made before it)
 * @param charSpans    with {@code charNgrams}: take the n-grams over the whole sentence (its words joined by single
 *                     spaces, punctuation included), so they also cross word boundaries, instead of inside each word
 * @param lexiconDomain for a target the text names: every feature is also written a second time with a prefix that
 *                     says whether the actor is one the bundle's lexicon knows ({@code L|}: the project's data and
 *                     everything {@code score} finds) or free text ({@code F|}: a NewsMTSC-style mention such as
 *                     "Trump" in an evaluation CSV). Shared weights learn from both; each kind of target also gets
 *                     weights of its own (Daumé III's "frustratingly easy" domain adaptation, keyed on something known
 *                     when scoring)
 */
public record FeatureConfig(int window, boolean bigrams, boolean negation, boolean clause, boolean actorWords,
                            boolean lexicon, boolean actorBigrams, int charNgrams, boolean changeCues,
                            boolean actorTrigrams, boolean perTarget, boolean hashtags, boolean numberCues,
                            boolean charSpans, boolean topicOtherWords, boolean lexiconDomain) {
    public FeatureConfig {
        if (charNgrams < 0 || charNgrams == 1 || charNgrams > 8) {
            throw new IllegalArgumentException("charNgrams must be 0 (off) or 2..8, got " + charNgrams);
        }
    }

    /**
     * The settings {@code train} and {@code cross-validate} use unless told otherwise: character 2-5-grams for topic
     * targets (SemEval-2016 5-fold CV inside the training part: F_avg 0.626 -> 0.680; P-Stance dev macro-F1 0.723 ->
     * 0.725), taken over the whole sentence, with every topic-target feature conjoined with the target and hashtags
     * split (SemEval CV, mean of three fold seeds: 0.670 -> 0.683; P-Stance dev 0.725 -> 0.7525; 2026-11-27), and the
     * change cues (Financial PhraseBank 5-fold CV with another fold seed: accuracy 0.791 -> 0.801; SST-2 and SST-5 dev
     * +0.002); actor bigrams and trigrams and the number cues stay off (no gain in CV); other actors' names stay words
     * for a topic target (P-Stance dev macro-F1 0.746 -> 0.751, SemEval CV F_avg with --favg-shift 0.692 -> 0.692,
     * arg-max 0.682 -> 0.684; 2026-11-27). See README, "Accuracy on public datasets".
     */
    public static FeatureConfig defaults() {
        return new FeatureConfig(5, true, true, true, true, true, false, 5, true, false, true, true, false, true, true,
                false);
    }

    /** The settings of models trained before {@code actorBigrams}, {@code charNgrams} and {@code changeCues}. */
    public static FeatureConfig legacy() {
        return new FeatureConfig(5, true, true, true, true, true, false, 0, false, false, false, false, false, false, false,
                false);
    }

    public FeatureConfig withActorBigrams(boolean on) {
        return new FeatureConfig(window, bigrams, negation, clause, actorWords, lexicon, on, charNgrams, changeCues,
                actorTrigrams, perTarget, hashtags, numberCues, charSpans, topicOtherWords, lexiconDomain);
    }

    public FeatureConfig withCharNgrams(int maxN) {
        return new FeatureConfig(window, bigrams, negation, clause, actorWords, lexicon, actorBigrams, maxN, changeCues,
                actorTrigrams, perTarget, hashtags, numberCues, charSpans, topicOtherWords, lexiconDomain);
    }

    public FeatureConfig withChangeCues(boolean on) {
        return new FeatureConfig(window, bigrams, negation, clause, actorWords, lexicon, actorBigrams, charNgrams, on,
                actorTrigrams, perTarget, hashtags, numberCues, charSpans, topicOtherWords, lexiconDomain);
    }

    public FeatureConfig withActorTrigrams(boolean on) {
        return new FeatureConfig(window, bigrams, negation, clause, actorWords, lexicon, actorBigrams, charNgrams,
                changeCues, on, perTarget, hashtags, numberCues, charSpans, topicOtherWords, lexiconDomain);
    }

    public FeatureConfig withPerTarget(boolean on) {
        return new FeatureConfig(window, bigrams, negation, clause, actorWords, lexicon, actorBigrams, charNgrams,
                changeCues, actorTrigrams, on, hashtags, numberCues, charSpans, topicOtherWords, lexiconDomain);
    }

    public FeatureConfig withNumberCues(boolean on) {
        return new FeatureConfig(window, bigrams, negation, clause, actorWords, lexicon, actorBigrams, charNgrams,
                changeCues, actorTrigrams, perTarget, hashtags, on, charSpans, topicOtherWords, lexiconDomain);
    }

    public FeatureConfig withCharSpans(boolean on) {
        return new FeatureConfig(window, bigrams, negation, clause, actorWords, lexicon, actorBigrams, charNgrams,
                changeCues, actorTrigrams, perTarget, hashtags, numberCues, on, topicOtherWords, lexiconDomain);
    }

    public FeatureConfig withHashtags(boolean on) {
        return new FeatureConfig(window, bigrams, negation, clause, actorWords, lexicon, actorBigrams, charNgrams,
                changeCues, actorTrigrams, perTarget, on, numberCues, charSpans, topicOtherWords, lexiconDomain);
    }

    public FeatureConfig withTopicOtherWords(boolean on) {
        return new FeatureConfig(window, bigrams, negation, clause, actorWords, lexicon, actorBigrams, charNgrams,
                changeCues, actorTrigrams, perTarget, hashtags, numberCues, charSpans, on, lexiconDomain);
    }

    public FeatureConfig withLexiconDomain(boolean on) {
        return new FeatureConfig(window, bigrams, negation, clause, actorWords, lexicon, actorBigrams, charNgrams,
                changeCues, actorTrigrams, perTarget, hashtags, numberCues, charSpans, topicOtherWords, on);
    }
}
