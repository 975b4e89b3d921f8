package org.stancekit.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class LineBreaksTest {
    /** (Also read by the CLI tests.) A wire story hard-wrapped at 70 columns: a headline, a blank line, then paragraphs separated by blank lines. */
    public static final String WRAPPED = """
            Baltic ministers back a joint grid as Minsk protests

            VILNIUS, May 14 (StanceKit Wire) - Energy ministers from Lithuania,
            Latvia and Estonia on Thursday approved a shared reserve of power
            plants to keep the lights on if Russia or Belarus cut the last cables
            still linking the region to the old Soviet grid.
            The plan, which the European Commission will help pay for, was
            welcomed in Warsaw.
            A spokesman for the Belarusian government called it "a provocation"
            and said Minsk would answer in kind.
            """;
    /** The sentences a reader sees in it. */
    public static final List<String> SENTENCES = List.of(
            "Baltic ministers back a joint grid as Minsk protests",
            "VILNIUS, May 14 (StanceKit Wire) - Energy ministers from Lithuania, Latvia and Estonia on Thursday"
                    + " approved a shared reserve of power plants to keep the lights on if Russia or Belarus cut the"
                    + " last cables still linking the region to the old Soviet grid.",
            "The plan, which the European Commission will help pay for, was welcomed in Warsaw.",
            "A spokesman for the Belarusian government called it \"a provocation\" and said Minsk would answer in"
                    + " kind.");

    static List<String> sentences(String text) {
        return new SentenceSplitter().split(text).stream().map(TextSpan::text).toList();
    }

    @Test
    void aHardWrappedStoryIsDetectedAndSplitIntoWholeSentences() {
        assertTrue(LineBreaks.looksWrapped(WRAPPED));
        String unwrapped = LineBreaks.AUTO.apply(WRAPPED);
        assertEquals(SENTENCES, sentences(unwrapped));
        assertEquals(unwrapped, LineBreaks.WRAPPED.apply(WRAPPED), "auto did what wrapped does");
        // read break by break, the same text falls apart into line fragments
        List<String> byLine = sentences(LineBreaks.BOUNDARY.apply(WRAPPED));
        assertEquals(9, byLine.size(), byLine.toString());
        assertEquals("Latvia and Estonia on Thursday approved a shared reserve of power", byLine.get(2));
    }

    @Test
    void theResultHasTheSameLengthAndDiffersOnlyWhereALineBreakBecameASpace() {
        for (String text : List.of(WRAPPED, WRAPPED.replace("\n", "\r\n"), WRAPPED.replace("\n", "\r"))) {
            String out = LineBreaks.WRAPPED.apply(text);
            assertEquals(text.length(), out.length());
            int changed = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) != out.charAt(i)) {
                    assertTrue(text.charAt(i) == '\n' || text.charAt(i) == '\r', "changed at " + i);
                    assertEquals(' ', out.charAt(i));
                    changed++;
                }
            }
            // every break between two lines of one sentence (3 in the dateline's, 1 in each of two others)
            assertEquals(text.contains("\r\n") ? 10 : 5, changed, "chars changed");
            assertEquals(SENTENCES, sentences(out).stream().map(s -> s.replaceAll(" +", " ")).toList());
        }
    }

    @Test
    void newsCopyWithOneParagraphPerLineIsLeftAlone() {
        String text = "Ukraine thanks allies for air-defense pledge\n"
                + "KYIV, June 2 - Ukraine's president on Monday thanked Germany and the United States for new"
                + " air-defense systems, saying they would protect cities that have come under nightly attack.\n"
                + "Russia's defense ministry said the deliveries would only prolong the war.\n"
                + "The systems are expected to arrive before the end of summer, officials said.\n";
        assertFalse(LineBreaks.looksWrapped(text));
        assertSame(text, LineBreaks.AUTO.apply(text));
        assertEquals(4, sentences(LineBreaks.AUTO.apply(text)).size());
    }

    @Test
    void aListOfHeadlinesOfSimilarLengthIsNotTakenForWrappedText() {
        String text = """
                China Protests New U.S. Chip Rules as Talks Stall in Geneva
                Germany Weighs Faster Exit From Russian Gas Contracts This Year
                Brazil and Argentina Sign Beef and Grain Deal at Border Summit
                Japan Raises Defense Budget Again, Citing Missile Tests Nearby
                """;
        assertFalse(LineBreaks.looksWrapped(text));
        assertEquals(4, sentences(LineBreaks.AUTO.apply(text)).size());
    }

    @Test
    void shortLinesBulletsAndIndentedParagraphsStayBoundariesEvenWhenWrapped() {
        String text = """
                The summit's final statement listed three commitments that every
                member government signed up to before the leaders left:
                - more money for the shared air-defense fund by the end of the year
                - joint exercises in the Baltic Sea twice a year
                Officials called it progress
                    A new paragraph opens here, indented as old wire copy did, and
                it runs on over a wrap like the others.
                """;
        List<String> s = sentences(LineBreaks.WRAPPED.apply(text));
        assertEquals(List.of(
                "The summit's final statement listed three commitments that every member government signed up to"
                        + " before the leaders left:",
                "- more money for the shared air-defense fund by the end of the year",
                "- joint exercises in the Baltic Sea twice a year",
                "Officials called it progress",
                "A new paragraph opens here, indented as old wire copy did, and it runs on over a wrap like the"
                        + " others."), s);
    }

    @Test
    void aLineAfterAShortLineJoinsWhenItContinuesInLowerCase() {
        String text = "The ministers met in Riga\non Friday and agreed.\nNobody objected.";
        assertEquals(List.of("The ministers met in Riga on Friday and agreed.", "Nobody objected."),
                sentences(LineBreaks.WRAPPED.apply(text)));
        assertSame(text, LineBreaks.BOUNDARY.apply(text));
    }

    @Test
    void edgeCasesNeverThrowAndKeepTheLength() {
        for (String text : new String[]{"", "\n", "\r\n", "\n\n\n", "a\nb", "a\r", " \n \n ", "\u2028x\u2029",
                "x\n\ny", "- a\n- b"}) {
            for (LineBreaks mode : LineBreaks.values()) assertEquals(text.length(), mode.apply(text).length(), text);
        }
        assertEquals(null, LineBreaks.AUTO.apply(null));
        RandomText random = new RandomText(7);
        for (int i = 0; i < 3000; i++) {
            String text = random.next(60);
            for (LineBreaks mode : LineBreaks.values()) {
                String out = mode.apply(text);
                assertEquals(text.length(), out.length());
                for (int k = 0; k < text.length(); k++) {
                    char a = text.charAt(k), b = out.charAt(k);
                    assertTrue(a == b || (a == '\n' || a == '\r') && b == ' ', "only line breaks become spaces");
                }
            }
        }
    }

    @Test
    void parseAcceptsTheThreeNamesInAnyCase() {
        assertEquals(LineBreaks.AUTO, LineBreaks.parse("auto"));
        assertEquals(LineBreaks.WRAPPED, LineBreaks.parse(" Wrapped "));
        assertEquals(LineBreaks.BOUNDARY, LineBreaks.parse("BOUNDARY"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LineBreaks.parse("soft"));
        assertTrue(e.getMessage().contains("'soft'"), e.getMessage());
    }
}
