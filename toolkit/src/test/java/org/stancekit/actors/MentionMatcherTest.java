package org.stancekit.actors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MentionMatcherTest {
    static final MentionMatcher MATCHER = new MentionMatcher(ActorLexicon.loadDefault());

    /** Finds mentions and checks the invariants every result must keep. */
    static List<Mention> find(String text) {
        List<Mention> found = MATCHER.find(text);
        assertValid(text, found);
        return found;
    }

    static void assertValid(String text, List<Mention> found) {
        int previousEnd = 0;
        for (Mention m : found) {
            assertTrue(m.start() >= previousEnd, "in order, no overlap: " + found + " in " + text);
            assertTrue(m.end() > m.start() && m.end() <= text.length(), "span inside the text: " + m);
            assertEquals(text.substring(m.start(), m.end()), m.text(), "offsets map back to the text: " + m);
            previousEnd = m.end();
        }
    }

    static List<String> actors(String text) {
        return find(text).stream().map(Mention::actor).toList();
    }

    /** The only mention in {@code text}. */
    static Mention only(String text) {
        List<Mention> found = find(text);
        assertEquals(1, found.size(), "one mention in '" + text + "': " + found);
        return found.get(0);
    }

    @Test
    void usMatchesOnlyAsTheUpperCaseWord() {
        Mention m = only("US troops crossed the river at dawn.");
        assertEquals(new Mention("US", 0, 2, "US"), m);
        assertEquals(List.of(), find("Let us go, said the farmer to us."));
        assertEquals(List.of(), find("BUSINESS as usual; USB sticks; AUS dollars."), "no match inside words");
    }

    @Test
    void dottedAbbreviationMatches() {
        String text = "The U.S. envoy arrived late.";
        Mention m = only(text);
        assertEquals("US", m.actor());
        assertEquals("U.S.", m.text());
        assertEquals(4, m.start());
        Mention end = only("Aid came from the U.S.");
        assertEquals("U.S.", end.text(), "at the end of the text too");
    }

    @Test
    void possessivesEndBeforeTheApostrophe() {
        String straight = "China's navy sailed on.";
        assertEquals(List.of(new Mention("China", 0, 5, "China")), find(straight));

        String curly = "They rejected Russia\u2019s demands.";
        Mention r = only(curly);
        assertEquals("Russia", r.actor());
        assertEquals("Russia", r.text());
        assertEquals(curly.indexOf("Russia"), r.start());

        String bare = "Hamas' leaders met on Sunday.";
        Mention h = only(bare);
        assertEquals(new Mention("Hamas", 0, 5, "Hamas"), h);
    }

    @Test
    void longestMatchWins() {
        Mention nk = only("North Korea fired a missile.");
        assertEquals(new Mention("North Korea", 0, 11, "North Korea"), nk);
        assertEquals(List.of(), find("Korea is a peninsula."), "bare Korea names no state");

        String usa = "The United States of America signed it.";
        Mention us = only(usa);
        assertEquals("United States of America", us.text());
        assertEquals("US", us.actor());

        Mention un = only("The UN Security Council met.");
        assertEquals("UN Security Council", un.text());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Washington imposed new tariffs.             | US          | Washington
            Officials at the White House declined.      | US          | White House
            The White House declined to comment.        | US          | White House
            Beijing protested the visit.                | China       | Beijing
            Moscow recalled its ambassador.             | Russia      | Moscow
            A spokesman for the Kremlin said nothing.   | Russia      | Kremlin
            Kyiv asked for more air defence.            | Ukraine     | Kyiv
            Brussels proposed a new package.            | EU          | Brussels
            Tehran denied the report.                   | Iran        | Tehran
            Pyongyang launched a satellite.             | North Korea | Pyongyang
            Taipei thanked its partners.                | Taiwan      | Taipei
            Putin spoke for an hour.                    | Russia      | Putin
            Zelensky addressed parliament.              | Ukraine     | Zelensky
            """)
    void metonymsAndLeadersNameTheirState(String text, String actor, String words) {
        Mention m = only(text);
        assertEquals(actor, m.actor());
        assertEquals(words, m.text());
    }

    @Test
    void demonymCountsOnlyBeforeAnOfficialNoun() {
        List<Mention> xi = find("Chinese President Xi Jinping arrived on Monday.");
        assertEquals("China", xi.get(0).actor());
        assertEquals("Chinese President", xi.get(0).text(), "the mention covers demonym and noun");
        assertEquals("Xi Jinping", xi.get(1).text());
        assertEquals("China", xi.get(1).actor());
        assertEquals(2, xi.size(), xi.toString());

        Mention israel = only("Israeli officials declined to comment.");
        assertEquals(new Mention("Israel", 0, 17, "Israeli officials"), israel);

        Mention lower = only("Russian forces withdrew.");
        assertEquals("Russia", lower.actor());

        assertEquals(List.of(), find("We ate at a Chinese restaurant."));
        assertEquals("Chinese delegation", only("The Chinese delegation walked out.").text());
        assertEquals(List.of(), find("She is a pro-Russian blogger with Russian friends."));
    }

    @Test
    void coordinatedDemonymsEachNameTheirState() {
        assertEquals(List.of(new Mention("US", 11, 19, "American"), new Mention("Ukraine", 24, 45, "Ukrainian delegations")),
                find("Jeddah saw American and Ukrainian delegations."),
                "the first demonym alone, the last with its noun");
        assertEquals(List.of("United Kingdom", "France", "Germany"), actors("British, French and German leaders met."));
        assertEquals(List.of("Russia", "China"), actors("Russian or Chinese warships shadowed the convoy."));
        assertEquals(List.of(), find("Russian and Chinese tourists filled the hotels."), "no official noun at the end");
        assertEquals(List.of("China"), actors("The anti-American and Chinese officials clashed."),
                "a hyphenated 'anti-' demonym stays out of the coordination");
    }

    @Test
    void demonymBeforeWhatAStateDoesNamesTheState() {
        assertEquals(new Mention("Russia", 4, 20, "Russian invasion"), find("The Russian invasion began in 2022.").get(0));
        assertEquals("Israeli strikes", only("Israeli strikes hit the camp overnight.").text());
        assertEquals("Kosovo", only("Kosovar police raided the office.").actor());
        assertEquals(List.of(), find("Chinese investors and Russian novels."), "other nouns still name nothing");
        assertEquals("American aid", only("American aid kept the hospital open.").text());
        assertEquals(List.of(), find("Two American aid workers were freed."), "aid workers are not the state");
        assertEquals(new Mention("Saudi Arabia", 4, 18, "Saudi-brokered"), only("The Saudi-brokered truce held."));
        assertEquals("Russian-backed", only("Russian-backed separatists advanced.").text());
        assertEquals(List.of(), find("Chinese-made drones and a Russian-speaking town."), "origin and language: no state");
        assertEquals(List.of(), find("Beijing-based analysts and a London‑listed miner cited Washington-headquartered banks."),
                "where something is: no actor");
        assertEquals(List.of("Russia"), actors("Kremlin-backed forces advanced."), "what a state does still counts");
    }

    @Test
    void anaphorsNeedTheirActorNamedBefore() {
        assertEquals(List.of(), find("The alliance met. The bloc agreed."), "nothing named before");
        List<Mention> nato = find("NATO met, and the alliance agreed.");
        assertEquals(List.of(new Mention("NATO", 0, 4, "NATO"), new Mention("NATO", 14, 26, "the alliance")), nato);
        assertEquals(List.of("EU", "ASEAN", "ASEAN"), actors("The EU met ASEAN, and the bloc agreed."),
                "a shared anaphor names the actor named last");
        assertEquals(List.of("ASEAN", "EU", "EU"), actors("ASEAN met the EU, and the bloc agreed."));
        assertEquals(List.of("NATO"), actors("NATO watched the Alliance for Progress and the alliance with the north."), "part of a longer name, or another alliance");
        assertEquals(List.of("NATO", "NATO", "Turkey", "NATO"),
                actors("NATO met; critics accused the alliance of ignoring Turkey and faulted the alliance for not acting."),
                "of/for + gerund is the verb's complement, so the anaphor stands");
        assertEquals(List.of("NATO", "China"), actors("NATO met the alliance of Beijing and the alliance of democracies."),
                "of + a name or a noun: another alliance");

        MentionMatcher.Context article = new MentionMatcher.Context();
        assertEquals(List.of("NATO"), MATCHER.find("NATO leaders met.", article).stream().map(Mention::actor).toList());
        assertEquals(List.of(new Mention("NATO", 0, 12, "The alliance")), MATCHER.find("The alliance agreed.", article),
                "a context carries what earlier sentences of the article named");
        assertEquals(List.of(), MATCHER.find("The alliance agreed."), "without it, nothing");
    }

    @Test
    void partiesAndTheirLeadersOutsideGovernment() {
        assertEquals(List.of("AfD", "Germany"), actors("The AfD surged as Chancellor Merz struggled."));
        assertEquals(List.of("India", "BJP"), actors("Modi's BJP lost its majority."),
                "a head of government stays with the state, the party is its own actor");
        assertEquals(new Mention("National Rally", 0, 13, "Marine Le Pen"), only("Marine Le Pen attacked the budget."));
        assertEquals("National Rally", only("Jordan Bardella led the list.").actor());
        assertEquals("Reform UK", only("Farage promised a referendum.").actor());
        assertEquals(new Mention("Republican Party", 0, 20, "Republican lawmakers"), only("Republican lawmakers blocked the aid."));
        assertEquals(List.of("Democratic Party", "Republican Party"), actors("Democrats accused the GOP of stalling."));
        assertEquals("CDU", only("The Christian Democrats won the state vote.").actor());
        assertEquals(List.of(), find("The Social Democratic Party and the New Democratic Party met."), "other countries' Democrats are not the US party");
        assertEquals("Sweden Democrats", only("The Sweden Democrats backed the budget.").actor());
        assertEquals(List.of(), find("The republican ideal and a conservative critic."), "lower case names no party");
        assertEquals(List.of(), find("Labour Day parades and BNP Paribas shares."));
    }

    @Test
    void ignorePhrasesBlockTheShorterAlias() {
        assertEquals(List.of(), find("The Washington Post reported the leak."));
        assertEquals(List.of(), find("Fishing boats crowded the South China Sea."));
        assertEquals(List.of(), find("A destroyer sailed through the Taiwan Strait after signing the Ottawa Treaty."));
        assertEquals("Taiwan", only("Drills in the Taiwan Strait drew a protest from Taiwan.").actor());
        String both = "The Washington Post said Washington would respond.";
        Mention m = only(both);
        assertEquals("US", m.actor());
        assertEquals(both.lastIndexOf("Washington"), m.start());
    }

    @Test
    void anyWhitespaceRunMatchesTheSpaceOfAPhrase() {
        // news text scraped from the web has no-break spaces; plain-text articles are wrapped at line ends
        Mention nbsp = only("North\u00a0Korea fired a missile.");
        assertEquals(new Mention("North Korea", 0, 11, "North\u00a0Korea"), nbsp);
        Mention wrapped = only("Talks with North\nKorea stalled.");
        assertEquals("North\nKorea", wrapped.text());
        assertEquals("North Korea", wrapped.actor());
        assertEquals("United  States of\tAmerica", only("The United  States of\tAmerica agreed.").text());
        Mention demonym = only("Chinese\u00a0President spoke.");
        assertEquals("China", demonym.actor());
        assertEquals("Chinese\u00a0President", demonym.text());
        assertEquals("Israeli\n  officials", only("Israeli\n  officials declined.").text());
        assertEquals("Chinese  foreign ministry", only("Chinese  foreign ministry spokesmen.").text(),
                "multi-word official nouns too");
        assertEquals("North\n\nKorea", only("North\n\nKorea").text(), "any run of whitespace");
        assertEquals("Xi\u202fJinping", only("Xi\u202fJinping").text(), "narrow no-break space");
    }

    @Test
    void typographicApostrophesAndHyphensMatchTheAsciiForms() {
        Mention prc = only("The People\u2019s Republic of China objected.");
        assertEquals("China", prc.actor());
        assertEquals("People\u2019s Republic of China", prc.text());
        assertEquals("North Korea", only("The Democratic People\u2019s Republic of Korea replied.").actor());
        assertEquals("Kim Jong\u2011un", only("Kim Jong\u2011un inspected the site.").text());
        assertEquals(List.of(), find("They toured Xi\u2019an and Xi'an."), "ignore rows work with both forms");
    }

    @Test
    void caseMattersForAliases() {
        assertEquals(List.of(), find("turkey and stuffing"));
        assertEquals(List.of("Turkey"), actors("Turkey closed the strait."));
    }

    @Test
    void manyActorsInOneSentenceInOrder() {
        String text = "Ukraine thanked the EU for the new aid package while condemning Russia's latest missile "
                + "strikes on Kyiv, NATO said.";
        List<Mention> found = find(text);
        assertEquals(List.of("Ukraine", "EU", "Russia", "Ukraine", "NATO"), found.stream().map(Mention::actor).toList());
        Map<String, List<Mention>> byActor = MATCHER.findByActor(text);
        assertEquals(List.of("Ukraine", "EU", "Russia", "NATO"), List.copyOf(byActor.keySet()));
        assertEquals(2, byActor.get("Ukraine").size());
        assertEquals("Kyiv", byActor.get("Ukraine").get(1).text());
    }

    @Test
    void overlapsAreNeverReturnedAndOffsetsMapBack() {
        String text = "Xi Jinping and Vladimir Putin met as U.S. and E.U. envoys, the UN Secretary-General "
                + "Antonio Guterres and North Korean officials watched; Israeli Defense Forces, the IDF, "
                + "the State Department and the Pentagon's Defense Department were quiet. The Kremlin's "
                + "Moscow Times story on Taiwan's ROC flag and the People's Republic of China ran in "
                + "the South China Sea edition of the Washington Post, said Zelenskyy.";
        List<Mention> found = find(text);
        assertTrue(found.size() >= 15, found.toString());
        assertTrue(found.stream().anyMatch(m -> m.text().equals("North Korean officials")), found.toString());
        assertTrue(found.stream().anyMatch(m -> m.text().equals("People's Republic of China")), found.toString());
        assertTrue(found.stream().noneMatch(m -> m.text().equals("Moscow")), "Moscow Times is ignored");
    }

    @Test
    void offsetsMapBackForEveryAliasOfTheLexicon() {
        // every alias and leader, embedded in a sentence, is found with offsets that map back to the text
        ActorLexicon lex = ActorLexicon.loadDefault();
        for (Actor a : lex.namedActors()) {
            for (String alias : a.aliases()) {
                String text = "Yesterday " + alias + " spoke.";
                List<Mention> found = find(text);
                assertTrue(found.stream().anyMatch(m -> m.start() == 10 && m.actor().equals(a.id())),
                        "'" + alias + "' names " + a.id() + ": " + found);
            }
        }
    }

    @Test
    void occurrencesFindsExplicitWordsAtWordBoundaries() {
        String text = "Oman and Romania met; Oman hosted.";
        List<Mention> oman = MentionMatcher.occurrences(text, "Oman", "Oman");
        assertEquals(List.of(new Mention("Oman", 0, 4, "Oman"), new Mention("Oman", 22, 26, "Oman")), oman);
        assertEquals(List.of(), MentionMatcher.occurrences(text, "man", "X"), "not inside a word");
        assertEquals(List.of(), MentionMatcher.occurrences(text, "", "X"));
        assertEquals(1, MentionMatcher.occurrences("Talks in (Oman).", "(Oman)", "Oman").size(),
                "words starting with punctuation");
    }

    @Test
    void emptyAndWordlessTextsHaveNoMentions() {
        assertEquals(List.of(), find(""));
        assertEquals(List.of(), find("   ... !!! 123"));
    }

    @Test
    void customLexiconIsUsed() {
        ActorLexicon lex = ActorLexicon.parse(ActorLexiconTest.HEADER + "\n"
                + "Ruritania\tstate\tRuritania|Strelsau\tRuritanian\tRudolf\n", "custom");
        MentionMatcher m = new MentionMatcher(lex);
        String text = "Strelsau and Ruritanian troops backed Rudolf; the US stayed out.";
        List<Mention> found = m.find(text);
        assertValid(text, found);
        assertEquals(List.of("Strelsau", "Ruritanian troops", "Rudolf"), found.stream().map(Mention::text).toList());
        assertTrue(found.stream().allMatch(x -> x.actor().equals("Ruritania")));
    }
}
