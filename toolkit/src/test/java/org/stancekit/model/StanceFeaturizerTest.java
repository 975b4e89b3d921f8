package org.stancekit.model;

import org.junit.jupiter.api.Test;
import org.stancekit.actors.Mention;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        assertTrue(feats.contains("t=absent"));
        assertTrue(feats.contains("a=Climate Change|u=action"), feats.toString());
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
        FeatureConfig fc = FeatureConfig.defaults().withActorBigrams(true).withCharNgrams(4);
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
}
