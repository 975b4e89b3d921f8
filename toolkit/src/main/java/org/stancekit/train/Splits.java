package org.stancekit.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded, stratified splits that keep every example of one sentence on the same side (several actors of one sentence
 * never straddle train and dev). Deterministic for a given seed and input order.
 */
public final class Splits {
    private Splits() {}

    /** Fold number (0..k-1) of every item. Groups (by {@code group}) are dealt round-robin per stratum after a shuffle. */
    public static <T> int[] folds(List<T> items, int k, long seed, Function<T, String> group, Function<T, String> label) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) groups.computeIfAbsent(group.apply(items.get(i)), g -> new ArrayList<>()).add(i);
        Map<String, List<List<Integer>>> strata = new LinkedHashMap<>();
        for (List<Integer> members : groups.values()) {
            strata.computeIfAbsent(label.apply(items.get(members.get(0))), l -> new ArrayList<>()).add(members);
        }
        Random random = new Random(seed);
        int[] fold = new int[items.size()];
        int next = 0;
        for (List<List<Integer>> stratum : strata.values()) {
            java.util.Collections.shuffle(stratum, random);
            for (List<Integer> members : stratum) {
                for (int i : members) fold[i] = next;
                next = (next + 1) % k;
            }
        }
        return fold;
    }

    /** A train/dev split: the dev side holds about {@code devFraction} of the groups of every stratum. */
    public static <T> Split<T> trainDev(List<T> items, double devFraction, long seed, Function<T, String> group,
                                        Function<T, String> label) {
        if (devFraction <= 0 || devFraction >= 1) throw new IllegalArgumentException("dev fraction must be in (0, 1)");
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) groups.computeIfAbsent(group.apply(items.get(i)), g -> new ArrayList<>()).add(i);
        Map<String, List<List<Integer>>> strata = new LinkedHashMap<>();
        for (List<Integer> members : groups.values()) {
            strata.computeIfAbsent(label.apply(items.get(members.get(0))), l -> new ArrayList<>()).add(members);
        }
        Random random = new Random(seed);
        boolean[] dev = new boolean[items.size()];
        for (List<List<Integer>> stratum : strata.values()) {
            java.util.Collections.shuffle(stratum, random);
            int take = (int) Math.round(stratum.size() * devFraction);
            for (int g = 0; g < take; g++) for (int i : stratum.get(g)) dev[i] = true;
        }
        List<T> train = new ArrayList<>(), devItems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) (dev[i] ? devItems : train).add(items.get(i));
        return new Split<>(train, devItems);
    }

    public record Split<T>(List<T> train, List<T> dev) {}
}
