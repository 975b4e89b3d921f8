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
        return fc;
    }
}
