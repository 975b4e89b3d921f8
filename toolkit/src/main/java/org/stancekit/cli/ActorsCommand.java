package org.stancekit.cli;

import org.stancekit.actors.Actor;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.Mention;
import org.stancekit.actors.MentionMatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Command(name = "actors", description = {"List the actor lexicon, or show the actor mentions found in TEXT.",
        "Uses --actors FILE, else the lexicon of --model DIR, else the shipped lexicon."})
final class ActorsCommand extends BaseCommand {
    @Option(names = "--actors", paramLabel = "FILE", description = "Actor lexicon TSV.")
    Path actors;
    @Option(names = "--model", paramLabel = "DIR", description = "Use the lexicon of this model bundle.")
    Path model;
    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Text to search for mentions (words are joined).")
    List<String> text = new ArrayList<>();

    @Override
    public Integer call() {
        ActorLexicon lexicon = actors != null ? ActorLexicon.load(actors)
                : model != null ? org.stancekit.bundle.ModelBundle.load(model).lexicon() : ActorLexicon.loadDefault();
        if (text.isEmpty()) {
            io.out().printf("%-32s %-13s %s%n", "id", "kind", "aliases, demonyms (+ official noun), leaders, anaphors (after a mention: ^)");
            for (Actor a : lexicon.namedActors()) {
                List<String> names = new ArrayList<>(a.aliases());
                a.demonyms().forEach(d -> names.add(d + "+"));
                names.addAll(a.leaders());
                a.anaphors().forEach(x -> names.add("^" + x));
                io.out().printf("%-32s %-13s %s%n", a.id(), a.kind().label(), String.join(" | ", names));
            }
            note(lexicon.namedActors().size() + " actors (" + lexicon.source() + ")");
            return Main.EXIT_OK;
        }
        String joined = String.join(" ", text);
        List<Mention> found = new MentionMatcher(lexicon).find(joined);
        io.out().printf("%-24s %6s %6s  %s%n", "actor", "start", "end", "mention");
        for (Mention m : found) io.out().printf("%-24s %6d %6d  %s%n", m.actor(), m.start(), m.end(), m.text());
        if (found.isEmpty()) note("no actor mentioned");
        return Main.EXIT_OK;
    }
}
