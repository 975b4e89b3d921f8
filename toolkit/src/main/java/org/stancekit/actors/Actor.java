package org.stancekit.actors;

import java.util.List;

/**
 * One actor of the lexicon: a canonical id ({@code US}, {@code NATO}, {@code China}...), its kind, and the words that
 * name it. Leaders are folded into their state: they are aliases kept in their own list so the file documents them.
 */
public record Actor(String id, Kind kind, List<String> aliases, List<String> demonyms, List<String> leaders) {
    public enum Kind {
        STATE, ORGANISATION, PERSON, GROUP,
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
    }
}
