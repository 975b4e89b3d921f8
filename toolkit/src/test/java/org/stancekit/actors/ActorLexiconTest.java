package org.stancekit.actors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.BadInputException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActorLexiconTest {
    static final String HEADER = "id\tkind\taliases\tdemonyms\tleaders";

    private static BadInputException parseFails(String content) {
        return assertThrows(BadInputException.class, () -> ActorLexicon.parse(content, "my-actors.tsv"));
    }

    private static void assertOneLine(String message) {
        assertFalse(message.contains("\n"), "one line: " + message);
    }

    @Test
    void parsesColumnsListsCommentsAndBlankLines() {
        String tsv = "# a comment before the header\n\n" + HEADER + "\n"
                + "Ruritania\tstate\tRuritania | Strelsau\tRuritanian\tKing Rudolf|Rudolf\n"
                + "# a comment between rows\n"
                + "Order\torganisation\tGrand Order\t\t\n"
                + "Greens\tparty\tGreen Party\tGreen\tMs Leader\n"
                + "\n"
                + "-skip\tignore\tRuritania Times\t\t\n";
        ActorLexicon lex = ActorLexicon.parse(tsv, "x.tsv");
        assertEquals(4, lex.actors().size());
        assertEquals(List.of("Ruritania", "Order", "Greens"), lex.namedActors().stream().map(Actor::id).toList());
        assertEquals(Actor.Kind.PARTY, lex.get("Greens").kind());
        Actor r = lex.get("Ruritania");
        assertEquals(Actor.Kind.STATE, r.kind());
        assertEquals(List.of("Ruritania", "Strelsau"), r.aliases(), "lists are split on | and trimmed");
        assertEquals(List.of("Ruritanian"), r.demonyms());
        assertEquals(List.of("King Rudolf", "Rudolf"), r.leaders());
        assertEquals(List.of(), lex.get("Order").demonyms(), "an empty column is an empty list");
        assertEquals(Actor.Kind.IGNORE, lex.get("-skip").kind());
        assertTrue(lex.contains("Order"));
        assertFalse(lex.contains("order"), "ids are case-sensitive");
        assertNull(lex.get("Nowhere"));
        assertEquals("x.tsv", lex.source());
        assertEquals(tsv, lex.text(), "the exact text is kept for the bundle");
    }

    @Test
    void optionalSixthColumnHoldsAnaphors() {
        ActorLexicon lex = ActorLexicon.parse(HEADER + "\tanaphors\nPact\torganisation\tThe Pact\t\t\tthe alliance|the pact\n"
                + "Ruritania\tstate\tRuritania\t\t\t\n", "six.tsv");
        assertEquals(List.of("the alliance", "the pact"), lex.get("Pact").anaphors());
        assertEquals(List.of(), lex.get("Ruritania").anaphors());
        assertEquals(List.of(), ActorLexicon.parse(HEADER + "\nA\tgroup\tAlpha\t\t\n", "five.tsv").get("A").anaphors(),
                "a five-column file has none");
        BadInputException e = parseFails(HEADER + "\tanaphors\nA\tgroup\tAlpha\t\t\n");
        assertTrue(e.getMessage().contains("expected 6 tab-separated columns, found 5"), e.getMessage());
        assertOneLine(e.getMessage());
        ActorLexicon built = ActorLexicon.of(lex.actors());
        assertEquals(lex.actors(), built.actors(), "of() keeps the anaphors");
    }

    @Test
    void acceptsByteOrderMarkAndCrLf() {
        ActorLexicon lex = ActorLexicon.parse("\uFEFF" + HEADER + "\r\nA\tgroup\tAlpha\t\t\r\n", "bom.tsv");
        assertEquals(List.of("Alpha"), lex.get("A").aliases());
        assertEquals(Actor.Kind.GROUP, lex.get("A").kind());
    }

    @Test
    void headerIsRequired() {
        BadInputException e = parseFails("# comment\nUS\tstate\tUS\t\t\n");
        assertTrue(e.getMessage().startsWith("my-actors.tsv, row 2"), e.getMessage());
        assertTrue(e.getMessage().contains("header"), e.getMessage());
        assertOneLine(e.getMessage());
    }

    @Test
    void emptyContentHasNoHeader() {
        BadInputException e = parseFails("# only comments\n\n");
        assertTrue(e.getMessage().startsWith("my-actors.tsv"), e.getMessage());
        assertTrue(e.getMessage().contains("no header"), e.getMessage());
    }

    @Test
    void rowsNeedFiveColumns() {
        BadInputException e = parseFails(HEADER + "\nA\tstate\tAlpha\t\t\nB\tstate\tBeta\n");
        assertTrue(e.getMessage().startsWith("my-actors.tsv, row 3"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 5 tab-separated columns, found 3"), e.getMessage());
        assertOneLine(e.getMessage());

        BadInputException six = parseFails(HEADER + "\nA\tstate\tAlpha\t\t\t\n");
        assertTrue(six.getMessage().contains("row 2") && six.getMessage().contains("found 6"), six.getMessage());
    }

    @Test
    void duplicateIdNamesBothLines() {
        BadInputException e = parseFails(HEADER + "\nA\tstate\tAlpha\t\t\n# gap\nA\tgroup\tAleph\t\t\n");
        assertTrue(e.getMessage().startsWith("my-actors.tsv, row 4, column 'id'"), e.getMessage());
        assertTrue(e.getMessage().contains("'A' already defined on line 2"), e.getMessage());
        assertOneLine(e.getMessage());
    }

    @Test
    void unknownKindNamesTheKinds() {
        BadInputException e = parseFails(HEADER + "\nA\tcountry\tAlpha\t\t\n");
        assertTrue(e.getMessage().startsWith("my-actors.tsv, row 2, column 'kind'"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown kind 'country'"), e.getMessage());
        assertTrue(e.getMessage().contains("state, organisation, person, group, party or ignore"), e.getMessage());
        assertOneLine(e.getMessage());
    }

    @Test
    void emptyIdIsRefused() {
        BadInputException e = parseFails(HEADER + "\n\tstate\tAlpha\t\t\n");
        assertTrue(e.getMessage().contains("row 2, column 'id'"), e.getMessage());
    }

    @Test
    void kindIsCaseInsensitive() {
        assertEquals(Actor.Kind.ORGANISATION,
                ActorLexicon.parse(HEADER + "\nO\tOrganisation\tOrg\t\t\n", "k").get("O").kind());
    }

    @Test
    void loadFromFileNamesThePath(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.tsv");
        BadInputException e = assertThrows(BadInputException.class, () -> ActorLexicon.load(missing));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("not found"),
                e.getMessage());

        Path latin1 = dir.resolve("latin1.tsv");
        Files.write(latin1, (HEADER + "\nA\tstate\tS\u00e3o Tom\u00e9\t\t\n").getBytes(StandardCharsets.ISO_8859_1));
        BadInputException enc = assertThrows(BadInputException.class, () -> ActorLexicon.load(latin1));
        assertTrue(enc.getMessage().contains("not valid UTF-8"), enc.getMessage());

        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, HEADER + "\nA\tnation\tAlpha\t\t\n");
        BadInputException kind = assertThrows(BadInputException.class, () -> ActorLexicon.load(bad));
        assertTrue(kind.getMessage().startsWith(bad + ", row 2, column 'kind'"), kind.getMessage());

        Path good = dir.resolve("good.tsv");
        Files.writeString(good, HEADER + "\nA\tstate\tAlpha\t\t\n");
        assertEquals(good.toString(), ActorLexicon.load(good).source());
    }

    @Test
    void ofRoundTripsThroughTheTextFormat() {
        ActorLexicon lex = ActorLexicon.of(List.of(
                new Actor("A", Actor.Kind.STATE, List.of("Alpha", "Alfa"), List.of("Alphan"), List.of("Al Pha")),
                new Actor("B", Actor.Kind.PERSON, List.of("Bea"), List.of(), List.of())));
        ActorLexicon again = ActorLexicon.parse(lex.text(), "again");
        assertEquals(lex.actors(), again.actors());
    }

    @Test
    void defaultLexiconHasTheCoreActorsAndUnMemberStates() {
        ActorLexicon lex = ActorLexicon.loadDefault();
        assertTrue(lex.namedActors().size() >= 150, "named actors: " + lex.namedActors().size());
        Set<String> ids = lex.actors().stream().map(Actor::id).collect(Collectors.toSet());
        for (String id : List.of("US", "NATO", "EU", "UN", "China", "Russia", "Ukraine", "Iran", "Israel",
                "North Korea", "Taiwan")) {
            assertTrue(ids.contains(id), "default lexicon has the id " + id);
            assertNotNull(lex.get(id));
            assertFalse(lex.get(id).aliases().isEmpty(), id + " has aliases");
        }
        // a sample of 30 UN member states, spread over the continents
        List<String> members = List.of("Argentina", "Australia", "Austria", "Bangladesh", "Brazil", "Canada",
                "Chile", "Colombia", "Egypt", "Ethiopia", "Finland", "France", "Germany", "Ghana", "Greece", "India",
                "Indonesia", "Japan", "Kenya", "Mexico", "Nigeria", "Norway", "Pakistan", "Peru", "Poland",
                "Saudi Arabia", "South Africa", "South Korea", "Turkey", "Vietnam");
        assertEquals(30, members.size());
        for (String m : members) {
            assertTrue(ids.contains(m), "default lexicon has the UN member " + m);
            assertEquals(Actor.Kind.STATE, lex.get(m).kind(), m);
        }
        assertEquals(Actor.Kind.ORGANISATION, lex.get("NATO").kind());
        assertEquals(Actor.Kind.STATE, lex.get("US").kind());
        assertTrue(lex.get("Russia").leaders().contains("Putin"));
        assertEquals("default actors.tsv", lex.source());
    }

    @Test
    void defaultLexiconNamesNoPhraseTwice() {
        // the lexicon's own rule: no phrase appears under two actors (else matching would depend on file order)
        java.util.Map<String, String> owner = new java.util.HashMap<>();
        for (Actor a : ActorLexicon.loadDefault().actors()) {
            for (List<String> list : List.of(a.aliases(), a.demonyms(), a.leaders())) {
                for (String phrase : list) {
                    String before = owner.putIfAbsent(phrase, a.id());
                    assertTrue(before == null || before.equals(a.id()),
                            "'" + phrase + "' is listed under " + before + " and " + a.id());
                }
            }
        }
    }
}
