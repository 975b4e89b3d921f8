package org.stancekit.actors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.stancekit.NewsArbitraries;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property-based tests (jqwik) of {@link MentionMatcher} with the default lexicon on generated hostile text (tries:
 * {@code jqwik.tries.default}, see {@code junit-platform.properties}).
 */
class MentionMatcherProperties {
    static final ActorLexicon LEXICON = ActorLexicon.loadDefault();
    static final MentionMatcher MATCHER = new MentionMatcher(LEXICON);

    @Provide
    Arbitrary<String> texts() {
        return NewsArbitraries.hostileText();
    }

    @Property
    void offsetsMapBackToTheExactOriginalSubstring(@ForAll("texts") String text) {
        NewsArbitraries.check(text, () -> {
            for (Mention m : MATCHER.find(text)) {
                assertTrue(0 <= m.start() && m.start() < m.end() && m.end() <= text.length(), m::toString);
                assertEquals(text.substring(m.start(), m.end()), m.text());
            }
        });
    }

    @Property
    void mentionsAreInOrderAndNeverOverlap(@ForAll("texts") String text) {
        NewsArbitraries.check(text, () -> {
            int previousEnd = 0;
            for (Mention m : MATCHER.find(text)) {
                assertTrue(m.start() >= previousEnd, () -> "overlap or out of order at " + m);
                previousEnd = m.end();
            }
        });
    }

    @Property
    void mentionsNameKnownActorsAtWordBoundaries(@ForAll("texts") String text) {
        NewsArbitraries.check(text, () -> {
            for (Mention m : MATCHER.find(text)) {
                assertTrue(LEXICON.contains(m.actor()), () -> "unknown actor in " + m);
                assertFalse(m.start() > 0 && Character.isLetterOrDigit(text.charAt(m.start() - 1)),
                        () -> "starts inside a word: " + m);
                assertFalse(m.end() < text.length() && Character.isLetterOrDigit(text.charAt(m.end()))
                                && Character.isLetterOrDigit(text.charAt(m.end() - 1)),
                        () -> "ends inside a word: " + m);
            }
        });
    }

    @Property
    void findByActorGroupsExactlyTheMentionsFound(@ForAll("texts") String text) {
        NewsArbitraries.check(text, () -> {
            List<Mention> all = MATCHER.find(text);
            Map<String, List<Mention>> byActor = MATCHER.findByActor(text);
            assertEquals(all.size(), byActor.values().stream().mapToInt(List::size).sum());
            byActor.forEach((actor, ms) -> ms.forEach(m -> assertEquals(actor, m.actor())));
            assertEquals(all, MATCHER.find(text), "deterministic");
        });
    }

    @Property
    void neverThrowsOnArbitraryUnicode(@ForAll String any) {
        NewsArbitraries.check(any, () -> {
            MentionMatcherTest.assertValid(any, MATCHER.find(any));
        });
    }

    /** A lexicon alias alone between full stops is found whole (unless an ignore row or the demonym rule applies). */
    @Property
    void aliasBetweenSentencesIsFound(@ForAll("aliases") Actor actorAndAlias) {
        String alias = actorAndAlias.aliases().get(0);
        String text = "Officials spoke. " + alias + ". Talks ended.";
        List<Mention> found = MATCHER.find(text);
        int at = "Officials spoke. ".length();
        assertTrue(found.stream().anyMatch(m -> m.start() == at && m.end() == at + alias.length()
                        && m.actor().equals(actorAndAlias.id())),
                () -> alias + " -> " + found);
    }

    @Provide
    Arbitrary<Actor> aliases() {
        List<Actor> single = LEXICON.actors().stream().filter(a -> a.kind() != Actor.Kind.IGNORE)
                .flatMap(a -> a.aliases().stream().map(alias -> new Actor(a.id(), a.kind(), List.of(alias),
                        List.of(), List.of())))
                .filter(a -> !blocked(a.aliases().get(0)))
                .toList();
        return Arbitraries.of(single);
    }

    /** Aliases that a longer phrase of the lexicon (an ignore row, another alias) contains are not tested alone. */
    private static boolean blocked(String alias) {
        List<Mention> whole = MATCHER.find(alias);
        return whole.size() != 1 || whole.get(0).start() != 0 || whole.get(0).end() != alias.length();
    }
}
