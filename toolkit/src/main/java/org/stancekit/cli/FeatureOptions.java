package org.stancekit.cli;

import org.stancekit.BadInputException;
import org.stancekit.model.FeatureConfig;
import picocli.CommandLine.Option;

/** The linear backend's optional feature families, shared by train and cross-validate (stored in model.json). */
final class FeatureOptions {
    @Option(names = "--actor-bigrams", negatable = true,
            description = "Linear, topic stance (a target the text never names): also conjoin word bigrams with the"
                    + " actor id (default: off).")
    Boolean actorBigrams;
    @Option(names = "--char-ngrams", paramLabel = "N",
            description = "Linear, topic stance: character n-grams of length 2..N inside each word, conjoined with the"
                    + " actor id; 0 = off (default: 5).")
    Integer charNgrams;
    @Option(names = "--change-cues", negatable = true,
            description = "Linear: change-direction cues (\"loss narrowed\", \"sales rose\", \"to 12.3 from 10.1\")"
                    + " joined with whether the thing changing is desirable; sentence sentiment only (default: on).")
    Boolean changeCues;

    @Option(names = "--actor-trigrams", negatable = true,
            description = "Linear, topic stance: also conjoin word trigrams with the actor id (default: off).")
    Boolean actorTrigrams;
    @Option(names = "--per-target", negatable = true,
            description = "Linear, topic stance: conjoin every feature with the actor id, one separate model per"
                    + " topic target (default: on).")
    Boolean perTarget;
    @Option(names = "--hashtags", negatable = true,
            description = "Linear, topic stance: split hashtags into words (#StopHillary -> stop, hillary); @user and"
                    + " <url> tokens (default: on).")
    Boolean hashtags;

    @Option(names = "--number-cues", negatable = true,
            description = "Linear, sentence sentiment, with --change-cues: count of numbers, percentages, and each"
                    + " change's size and whose it is (the company's own or the market's) (default: off).")
    Boolean numberCues;

    @Option(names = "--char-spans", negatable = true,
            description = "Linear, topic stance: take the --char-ngrams over the whole sentence (across word"
                    + " boundaries) instead of inside each word (default: on).")
    Boolean charSpans;

    @Option(names = "--topic-other-words", negatable = true,
            description = "Linear, topic stance: keep other actors' mentions as words (\"GOP\", \"Trump\") instead of"
                    + " the <o> placeholder (default: on).")
    Boolean topicOtherWords;

    @Option(names = "--lexicon-domain", negatable = true,
            description = "Linear, named targets: also copy every feature with a prefix saying whether the actor is one"
                    + " the lexicon knows or free text (a NewsMTSC-style mention), so each kind gets weights of its own"
                    + " besides the shared ones (default: off).")
    Boolean lexiconDomain;

    /** {@link FeatureConfig#defaults()} with the options given on the command line. */
    FeatureConfig config() {
        FeatureConfig fc = FeatureConfig.defaults();
        if (actorBigrams != null) fc = fc.withActorBigrams(actorBigrams);
        if (charNgrams != null) {
            if (charNgrams < 0 || charNgrams == 1 || charNgrams > 8) {
                throw new BadInputException("--char-ngrams " + charNgrams + ": use 0 (off) or 2 to 8");
            }
            fc = fc.withCharNgrams(charNgrams);
        }
        if (changeCues != null) fc = fc.withChangeCues(changeCues);
        if (actorTrigrams != null) fc = fc.withActorTrigrams(actorTrigrams);
        if (perTarget != null) fc = fc.withPerTarget(perTarget);
        if (hashtags != null) fc = fc.withHashtags(hashtags);
        if (numberCues != null) fc = fc.withNumberCues(numberCues);
        if (charSpans != null) fc = fc.withCharSpans(charSpans);
        if (topicOtherWords != null) fc = fc.withTopicOtherWords(topicOtherWords);
        if (lexiconDomain != null) fc = fc.withLexiconDomain(lexiconDomain);
        return fc;
    }
}
