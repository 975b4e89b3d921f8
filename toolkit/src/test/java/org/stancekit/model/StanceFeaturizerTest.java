package org.stancekit.model;

import org.junit.jupiter.api.Test;
import org.stancekit.actors.Mention;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StanceFeaturizerTest {
    private final StanceFeaturizer f = new StanceFeaturizer(FeatureConfig.defaults());
    private static final String S = "Biden called Xi a dictator after the summit.";
    private static final Mention BIDEN = new Mention("US", 0, 5, "Biden");
    private static final Mention XI = new Mention("China", 13, 15, "Xi");

    @Test
    void featuresDependOnTheTarget() {
        Set<String> us = new HashSet<>(f.features(new StanceQuery(S, "US", List.of(BIDEN), List.of(XI))));
        Set<String> cn = new HashSet<>(f.features(new StanceQuery(S, "China", List.of(XI), List.of(BIDEN))));
        assertNotEquals(us, cn);
        assertTrue(us.contains("t=first"), "Biden is the subject");
        assertFalse(cn.contains("t=first"));
        assertTrue(cn.contains("R=dictator") || cn.contains("R2=dictator"), cn.toString());
        assertTrue(cn.contains("a=China") && us.contains("a=US"));
        assertTrue(us.contains("TO=called"), "words between the target and the other actor, in order: " + us);
        assertTrue(cn.contains("OT=called"));
    }

    @Test
    void negationScopeAndQuotesAreMarked() {
        String s = "Officials said Russia did not honour the ceasefire.";
        Mention ru = new Mention("Russia", 15, 21, "Russia");
        List<String> feats = f.features(new StanceQuery(s, "Russia", List.of(ru), List.of()));
        assertTrue(feats.contains("u=!honour"), feats.toString());
        String q = "\"Ukraine will win,\" the minister said.";
        Mention ua = new Mention("Ukraine", 1, 8, "Ukraine");
        assertTrue(f.features(new StanceQuery(q, "Ukraine", List.of(ua), List.of())).contains("t=quoted"));
    }

    @Test
    void aTargetTheTextNeverNamesGetsActorConjoinedWords() {
        List<String> feats = f.features(new StanceQuery("Climate action cannot wait any longer.", "Climate Change",
                List.of(), List.of()));
        assertTrue(feats.contains("a=Climate Change|t=absent"), "per target (the default): " + feats);
        assertTrue(feats.contains("a=Climate Change|u=action"), feats.toString());
        List<String> shared = new StanceFeaturizer(FeatureConfig.defaults().withPerTarget(false)).features(
                new StanceQuery("Climate action cannot wait any longer.", "Climate Change", List.of(), List.of()));
        assertTrue(shared.contains("t=absent") && shared.contains("u=action")
                && shared.contains("a=Climate Change|u=action"), shared.toString());
    }

    @Test
    void valenceFeaturesNearTheTarget() {
        String s = "Analysts praised Japan for its generous aid.";
        Mention jp = new Mention("Japan", 17, 22, "Japan");
        List<String> feats = f.features(new StanceQuery(s, "Japan", List.of(jp), List.of()));
        assertTrue(feats.contains("Llx=POS") && feats.contains("Llx3=POS"), feats.toString());
    }

    @Test
    void topicTargetsCanGetActorConjoinedBigramsAndCharacterNgrams() {
        FeatureConfig fc = FeatureConfig.defaults().withActorBigrams(true).withCharNgrams(4).withCharSpans(false);
        List<String> feats = new StanceFeaturizer(fc).features(new StanceQuery("Wind farms now power #GreenCities!",
                "Renewables", List.of(), List.of()));
        assertTrue(feats.contains("a=Renewables|b=wind_farms") && feats.contains("a=Renewables|b=<s>_wind"),
                feats.toString());
        assertTrue(feats.contains("a=Renewables|c=^w") && feats.contains("a=Renewables|c=nd$")
                && feats.contains("a=Renewables|c=gree") && feats.contains("a=Renewables|c=ies$"), feats.toString());
        assertFalse(feats.stream().anyMatch(x -> x.startsWith("a=Renewables|c=") && x.length()
                > "a=Renewables|c=".length() + 4), "no n-gram longer than 4: " + feats);
        assertFalse(feats.contains("a=Renewables|c=s_"), "n-grams stay inside words");
    }

    @Test
    void aNamedTargetGetsNoTopicFeaturesAndTheDefaultsAddNone() {
        FeatureConfig fc = FeatureConfig.defaults().withActorBigrams(true).withCharNgrams(5);
        Mention jp = new Mention("Japan", 17, 22, "Japan");
        List<String> named = new StanceFeaturizer(fc).features(new StanceQuery("Analysts praised Japan for its aid.",
                "Japan", List.of(jp), List.of()));
        assertFalse(named.stream().anyMatch(x -> x.startsWith("a=Japan|")), named.toString());
        List<String> legacy = new StanceFeaturizer(FeatureConfig.legacy()).features(new StanceQuery(
                "Climate action cannot wait.", "Climate Change", List.of(), List.of()));
        assertFalse(legacy.stream().anyMatch(x -> x.contains("|c=") || x.contains("|b=")), legacy.toString());
    }

    @Test
    void topicTargetsCanGetActorConjoinedTrigrams() {
        FeatureConfig fc = FeatureConfig.defaults().withActorTrigrams(true);
        List<String> feats = new StanceFeaturizer(fc).features(new StanceQuery("Solar panels cut bills, say owners.",
                "Renewables", List.of(), List.of()));
        for (String tg : List.of("<s>_<s>_solar", "<s>_solar_panels", "solar_panels_cut", "panels_cut_bills",
                "<p>_say_owners")) {
            assertTrue(feats.contains("a=Renewables|tg=" + tg), tg + " in " + feats);
        }
        assertFalse(feats.contains("a=Renewables|tg=cut_bills_say"), "punctuation breaks trigrams: " + feats);
        assertTrue(new StanceFeaturizer(fc).features(new StanceQuery("Solar panels cut bills", "Renewables", List.of(),
                List.of())).contains("a=Renewables|tg=cut_bills_</s>"), "the end pads");
        assertFalse(feats.stream().anyMatch(x -> x.contains("tg=") && !x.startsWith("a=Renewables|")), feats.toString());
        assertFalse(new StanceFeaturizer(FeatureConfig.defaults()).features(new StanceQuery("Solar panels cut bills.",
                "Renewables", List.of(), List.of())).stream().anyMatch(x -> x.contains("tg=")), "off by default");
    }

    @Test
    void perTargetConjoinsEveryTopicFeatureWithTheActor() {
        FeatureConfig fc = FeatureConfig.defaults().withPerTarget(true);
        StanceQuery q = new StanceQuery("Nobody should fear wind farms.", "Renewables", List.of(), List.of());
        List<String> feats = new StanceFeaturizer(fc).features(q);
        assertTrue(feats.contains("a=Renewables"), feats.toString());
        assertTrue(feats.contains("a=Renewables|b=wind_farms") && feats.contains("a=Renewables|t=absent")
                && feats.contains("a=Renewables|u=!fear") && feats.stream().anyMatch(x -> x.startsWith("a=Renewables|lxd=")),
                feats.toString());
        assertFalse(feats.stream().anyMatch(x -> !x.startsWith("a=Renewables")), "nothing shared: " + feats);
        assertFalse(feats.stream().anyMatch(x -> x.startsWith("a=Renewables|a=")), "never conjoined twice: " + feats);
        // a named target keeps its shared features
        Mention jp = new Mention("Japan", 17, 22, "Japan");
        List<String> named = new StanceFeaturizer(fc).features(new StanceQuery("Analysts praised Japan for its aid.",
                "Japan", List.of(jp), List.of()));
        assertTrue(named.contains("u=praised") && !named.stream().anyMatch(x -> x.startsWith("a=Japan|")), named.toString());
    }

    @Test
    void perTargetFeaturesHashLikeTheirNames() {
        // the scorer hashes features piece by piece; the prefixing sink must give the names the string sink gives
        FeatureConfig fc = FeatureConfig.defaults().withPerTarget(true).withHashtags(true).withActorTrigrams(true);
        StanceFeaturizer sf = new StanceFeaturizer(fc);
        StanceQuery q = new StanceQuery("Wind beats coal #CleanAir2030", "Renewables", List.of(), List.of());
        List<String> names = sf.features(q).stream().distinct().sorted().toList();
        LinearModel m = new LinearModel(List.of("favor", "against"), names, new float[2][names.size()], new float[2],
                1.0);
        int[] byHash = m.indices(sf, q), byName = m.indices(sf.features(q));
        java.util.Arrays.sort(byHash);
        java.util.Arrays.sort(byName);
        assertTrue(byHash.length == names.size() && java.util.Arrays.equals(byHash, byName),
                byHash.length + " of " + names.size());
    }

    @Test
    void lexiconDomainCopiesHashLikeTheirNames() {
        // the copying sink replays each name char by char for its copy; the hash must match the built name
        StanceQuery q = new StanceQuery(S, "US", List.of(BIDEN), List.of(XI));
        for (java.util.function.Predicate<String> known : List.<java.util.function.Predicate<String>>of(a -> true,
                a -> false)) {
            StanceFeaturizer sf = new StanceFeaturizer(FeatureConfig.defaults().withLexiconDomain(true), known);
            List<String> names = sf.features(q).stream().distinct().sorted().toList();
            LinearModel m = new LinearModel(List.of("favor", "against"), names, new float[2][names.size()],
                    new float[2], 1.0);
            int[] byHash = m.indices(sf, q), byName = m.indices(sf.features(q));
            java.util.Arrays.sort(byHash);
            java.util.Arrays.sort(byName);
            assertTrue(java.util.Arrays.equals(byHash, byName) && byHash.length == sf.features(q).size(),
                    byHash.length + " of " + sf.features(q).size());
        }
    }

    @Test
    void hashtagsSplitIntoWordsAndHandlesAndLinksAreNormalised() {
        assertTrue(StanceFeaturizer.hashtagParts("StopTheWindTax").equals(List.of("stop", "the", "wind", "tax")));
        assertTrue(StanceFeaturizer.hashtagParts("NRAKills").equals(List.of("nra", "kills")));
        assertTrue(StanceFeaturizer.hashtagParts("Vote2030").equals(List.of("vote", "0")));
        assertTrue(StanceFeaturizer.hashtagParts("go_green").equals(List.of("go", "green")));
        assertTrue(StanceFeaturizer.hashtagParts("solar").equals(List.of("solar")));
        FeatureConfig fc = FeatureConfig.defaults().withHashtags(true).withPerTarget(false);
        List<String> feats = new StanceFeaturizer(fc).features(new StanceQuery(
                "@gridwatch wind beat coal today #CleanAirNow https://example.org/x", "Renewables", List.of(),
                List.of()));
        assertTrue(feats.contains("u=clean") && feats.contains("a=Renewables|u=air") && feats.contains("u=now"),
                feats.toString());
        assertTrue(feats.contains("u=@user") && feats.contains("u=<url>"), feats.toString());
        List<String> off = new StanceFeaturizer(fc.withHashtags(false)).features(new StanceQuery(
                "@gridwatch wind beat coal today #CleanAirNow", "Renewables", List.of(), List.of()));
        assertFalse(off.contains("u=clean") || off.contains("u=@user"), off.toString());
    }

    @Test
    void characterSpansCrossWordBoundaries() {
        FeatureConfig fc = FeatureConfig.defaults().withCharNgrams(3).withCharSpans(true);
        List<String> feats = new StanceFeaturizer(fc).features(new StanceQuery("Go solar, now", "Renewables",
                List.of(), List.of()));
        for (String c : List.of("^g", "^go", "o s", " so", "r ,", ", n", "ow$", "w$")) {
            assertTrue(feats.contains("a=Renewables|c=" + c), c + " in " + feats);
        }
        assertFalse(feats.contains("a=Renewables|c=o$"), "no word-end marks inside the sentence: " + feats);
        List<String> words = new StanceFeaturizer(fc.withCharSpans(false)).features(new StanceQuery("Go solar, now",
                "Renewables", List.of(), List.of()));
        assertTrue(words.contains("a=Renewables|c=o$") && !words.contains("a=Renewables|c=o s"), words.toString());
    }

    @Test
    void topicOtherWordsKeepsOtherActorsNamesForATopicTargetOnly() {
        String text = "The GOP will never back her";
        List<org.stancekit.actors.Mention> gop = List.of(new org.stancekit.actors.Mention("Republican Party", 4, 7, "GOP"));
        FeatureConfig fc = FeatureConfig.defaults();
        List<String> hidden = new StanceFeaturizer(fc.withTopicOtherWords(false))
                .features(new StanceQuery(text, "Hillary Clinton", List.of(), gop));
        List<String> kept = new StanceFeaturizer(fc.withTopicOtherWords(true))
                .features(new StanceQuery(text, "Hillary Clinton", List.of(), gop));
        assertTrue(hidden.stream().anyMatch(f -> f.contains("<o>")) && hidden.stream().noneMatch(f -> f.contains("gop")),
                hidden.toString());
        assertTrue(kept.stream().anyMatch(f -> f.contains("gop")) && kept.stream().noneMatch(f -> f.contains("<o>")),
                kept.toString());
        // a named target: unchanged by the flag
        StanceQuery named = new StanceQuery("The GOP will never back Clinton", "Hillary Clinton",
                List.of(new org.stancekit.actors.Mention("Hillary Clinton", 24, 31, "Clinton")), gop);
        assertEquals(new StanceFeaturizer(fc.withTopicOtherWords(false)).features(named),
                new StanceFeaturizer(fc.withTopicOtherWords(true)).features(named));
    }

    @Test
    void theNewDefaultsAndTheirAbsenceInOlderModels() throws Exception {
        FeatureConfig d = FeatureConfig.defaults();
        assertTrue(d.perTarget() && d.hashtags() && d.charSpans() && d.topicOtherWords() && !d.actorTrigrams()
                && !d.numberCues());
        // a model.json written before these fields existed: they read as off (the old features)
        String old = "{\"window\":5,\"bigrams\":true,\"negation\":true,\"clause\":true,\"actorWords\":true,"
                + "\"lexicon\":true,\"actorBigrams\":false,\"charNgrams\":5,\"changeCues\":true}";
        FeatureConfig read = new com.fasterxml.jackson.databind.ObjectMapper().readValue(old, FeatureConfig.class);
        assertFalse(read.perTarget() || read.hashtags() || read.charSpans() || read.actorTrigrams()
                || read.numberCues() || read.topicOtherWords() || read.lexiconDomain());
        StanceQuery q = new StanceQuery("Wind beats coal #CleanAirNow", "Renewables", List.of(), List.of());
        List<String> before = new StanceFeaturizer(new FeatureConfig(5, true, true, true, true, true, false, 5, true,
                false, false, false, false, false, false, false)).features(q);
        assertTrue(new StanceFeaturizer(read).features(q).equals(before));
        assertTrue(before.contains("u=wind") && before.contains("a=Renewables|c=nd$"), before.toString());
    }

    @Test
    void lexiconDomainCopiesANamedTargetsFeaturesKeyedOnTheLexicon() {
        StanceQuery q = new StanceQuery(S, "US", List.of(BIDEN), List.of(XI));
        List<String> plain = new StanceFeaturizer(FeatureConfig.defaults()).features(q);
        FeatureConfig on = FeatureConfig.defaults().withLexiconDomain(true);
        List<String> known = new StanceFeaturizer(on, Set.of("US", "China")::contains).features(q);
        List<String> free = new StanceFeaturizer(on, a -> false).features(q);
        assertFalse(plain.stream().anyMatch(f -> f.startsWith("L|") || f.startsWith("F|")), "off by default");
        List<String> shared = known.stream().filter(f -> !f.startsWith("L|")).toList();
        assertEquals(plain, shared, "the shared features are the plain ones");
        for (String f : plain) {
            if (f.startsWith("a=")) continue; // the actor feature itself is not copied
            assertTrue(known.contains("L|" + f), "copied for a lexicon actor: " + f);
            assertTrue(free.contains("F|" + f), "copied for free text: " + f);
        }
        assertFalse(known.stream().anyMatch(f -> f.startsWith("F|")));
        assertFalse(free.stream().anyMatch(f -> f.startsWith("L|")));
        // a topic target (never named) is left alone
        StanceQuery topic = new StanceQuery("Wind beats coal", "Renewables", List.of(), List.of());
        assertEquals(new StanceFeaturizer(FeatureConfig.defaults()).features(topic),
                new StanceFeaturizer(on, a -> true).features(topic));
    }
}
