package org.stancekit.actors;

import java.util.List;

/**
 * One actor of the lexicon: a canonical id ({@code US}, {@code NATO}, {@code China}...), its kind, and the words that
 * name it. Leaders are folded into their state: they are aliases kept in their own list so the file documents them.
 * Anaphors ("the alliance" for NATO, "the bloc" for the EU) name the actor only once it has been named earlier in the
 * same article; several actors may share one, and it then goes to the one named last.
 */
public record Actor(String id, Kind kind, List<String> aliases, List<String> demonyms, List<String> leaders,
        List<String> anaphors) {
    public enum Kind {
        STATE, ORGANISATION, PERSON, GROUP,
        /** A political party ("AfD", "the Republican Party"); its leaders outside government are folded into it. */
        PARTY,
        /** Phrases that must not be read as any actor ("Washington Post"): matched, then dropped. */
        IGNORE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Actor {
        aliases = List.copyOf(aliases);
        demonyms = List.copyOf(demonyms);
        leaders = List.copyOf(leaders);
        anaphors = List.copyOf(anaphors);
    }

    /** An actor without anaphors. */
    public Actor(String id, Kind kind, List<String> aliases, List<String> demonyms, List<String> leaders) {
        this(id, kind, aliases, demonyms, leaders, List.of());
    }
}
