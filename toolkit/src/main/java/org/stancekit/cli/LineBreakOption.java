package org.stancekit.cli;

import org.stancekit.BadInputException;
import org.stancekit.score.Scorer;
import org.stancekit.text.LineBreaks;
import picocli.CommandLine.Option;

/** {@code --line-breaks}, shared by the commands that split articles into sentences. */
final class LineBreakOption {
    @Option(names = "--line-breaks", paramLabel = "MODE",
            description = "auto, boundary or wrapped: whether a single line break ends a sentence (boundary), is the"
                    + " wrapping of hard-wrapped text (wrapped), or whichever the text looks like (default auto).")
    String lineBreaks = "auto";

    /** The scorer reading line breaks as the option says. */
    Scorer apply(Scorer scorer) {
        try {
            return scorer.withLineBreaks(LineBreaks.parse(lineBreaks));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--line-breaks: " + e.getMessage());
        }
    }
}
