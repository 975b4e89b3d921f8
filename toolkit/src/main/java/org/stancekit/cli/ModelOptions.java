package org.stancekit.cli;

import org.stancekit.actors.ActorLexicon;
import org.stancekit.score.Scorer;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --model} and {@code --actors}, shared by the commands that use a trained model. */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "DIR", description = "Model bundle directory (default: models/default).")
    Path model;
    @Option(names = "--actors", paramLabel = "FILE",
            description = "Actor lexicon TSV to use instead of the one in the model bundle.")
    Path actors;

    Scorer scorer() {
        Scorer s = model == null ? Scorer.loadDefault() : Scorer.load(model);
        return actors == null ? s : s.withLexicon(ActorLexicon.load(actors));
    }

    /** Refuses an actor id that the scorer's lexicon does not know ({@code option} names the flag it came from). */
    static void requireKnownActor(Scorer scorer, String option, String id) {
        if (!scorer.bundle().lexicon().contains(id)) {
            throw new org.stancekit.BadInputException(option + " " + id
                    + ": not an actor id of the lexicon (see 'stancekit actors')");
        }
    }

    Path modelDir() {
        return model == null ? Scorer.defaultModelDir() : model;
    }
}
