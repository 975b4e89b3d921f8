package org.stancekit.model;

import java.util.Map;
import java.util.Set;

/**
 * Change-direction cues ({@link FeatureConfig#changeCues()}): whether something went up or down, joined with whether
 * that thing is desirable, so the direction of the news can be read even when no word carries valence of its own
 * ("the loss narrowed" is good news, "orders fell" bad, "sanctions eased" good).
 *
 * <p>Two sources of direction: a word of change (rose, fell, narrowed, cut, eased ...), negation flipping it ("did not
 * rise"), and a numeric change in the "from A to B" / "to B from A" / "B (A)" patterns of economic reporting, with
 * mn/bn/thousand multipliers. The thing changing is the nearest desirable or undesirable noun (general economic and
 * news vocabulary, listed here) before the cue within six tokens or after it within four, not across "but", "while"
 * or ";"; a numeric change looks back from the first number up to ten tokens. Features: {@code chg=DIR|KIND} (DIR
 * {@code up} or {@code down}, {@code !} when negated; KIND {@code good}, {@code bad}, or {@code none} if no thing was
 * found), {@code num=DIR|KIND} for numbers, {@code chgp=+} / {@code chgp=-} for each resolved cue's polarity, and
 * {@code chgd=} the sign of their sum.
 */
final class ChangeCues {
    private ChangeCues() {}

    static final Set<String> UP = Set.of("rose", "rise", "rises", "rising", "risen", "increase", "increased",
            "increases", "increasing", "grew", "grow", "grows", "growing", "grown", "jumped", "jump", "jumps", "climbed",
            "climb", "climbs", "gained", "gain", "gains", "improved", "improve", "improves", "improving", "surged",
            "surge", "surges", "soared", "soar", "soars", "doubled", "tripled", "boosted", "boost", "boosts", "expanded",
            "expand", "expands", "rebounded", "rebound", "widened", "widen", "widens", "accelerated", "higher", "up",
            "raised", "raise", "raises", "hiked", "hike", "strengthened", "escalated", "escalate", "spiked", "mounted",
            "mounting", "swelled", "tightened", "tighten", "intensified", "more");
    static final Set<String> DOWN = Set.of("fell", "fall", "falls", "falling", "fallen", "decreased", "decrease",
            "decreases", "decreasing", "declined", "decline", "declines", "declining", "dropped", "drop", "drops",
            "dropping", "slumped", "slump", "plunged", "plunge", "plummeted", "slid", "slide", "sank", "shrank",
            "shrink", "shrinks", "shrunk", "contracted", "narrowed", "narrows", "narrowing", "lower", "lowered", "down",
            "reduced", "reduce", "reduces", "reduction", "cut", "cuts", "cutting", "weakened", "weaken", "halved",
            "eased", "ease", "eases", "easing", "diminished", "dipped", "tumbled", "slowed", "slowing", "curbed",
            "curb", "trimmed", "slashed", "slash", "fewer", "less", "lifted", "scrapped", "eliminated", "removed");
    /** Things whose growth is good news. */
    static final Set<String> GOOD = Set.of("profit", "profits", "sales", "revenue", "revenues", "earnings", "income",
            "turnover", "orders", "order", "intake", "margin", "margins", "demand", "output", "production", "dividend",
            "dividends", "ebit", "ebitda", "eps", "shares", "share", "stock", "stocks", "value", "volume", "volumes",
            "exports", "employment", "jobs", "job", "workforce", "staff", "personnel", "headcount", "aid", "investment",
            "investments", "cash", "productivity", "capacity", "customers", "subscribers", "traffic", "passengers",
            "confidence", "wages", "salaries", "efficiency", "savings", "growth", "gdp", "surplus", "backlog",
            "deliveries", "bookings", "support", "trust", "cooperation", "trade", "liquidity", "assets", "equity",
            "reserves", "rating", "ratings", "visitors", "tourism", "funding", "result", "results", "performance");
    /** Things whose growth is bad news. */
    static final Set<String> BAD = Set.of("loss", "losses", "deficit", "deficits", "debt", "debts", "costs", "cost",
            "expenses", "layoffs", "redundancies", "unemployment", "jobless", "inflation", "risk", "risks", "tension",
            "tensions", "sanctions", "tariffs", "violence", "casualties", "deaths", "fatalities", "crime", "emissions",
            "pollution", "poverty", "liabilities", "defaults", "delays", "complaints", "impairment", "impairments",
            "write-downs", "writedowns", "burden", "arrears", "bankruptcies", "insolvencies", "strikes", "attacks",
            "fighting", "hostilities", "restrictions", "barriers", "uncertainty", "volatility", "shortages", "damage",
            "waste", "churn", "lay-offs", "cuts");
    private static final Set<String> BARRIERS = Set.of("but", "while", "whereas", "although", "though", ";", "however");
    private static final Map<String, Double> MULTIPLIERS = Map.ofEntries(Map.entry("mn", 1e6), Map.entry("m", 1e6),
            Map.entry("mln", 1e6), Map.entry("million", 1e6), Map.entry("millions", 1e6), Map.entry("bn", 1e9),
            Map.entry("b", 1e9), Map.entry("billion", 1e9), Map.entry("billions", 1e9), Map.entry("thousand", 1e3),
            Map.entry("k", 1e3), Map.entry("tn", 1e12), Map.entry("trillion", 1e12));

    static void add(TokenView v, FeatureSink f) {
        add(v, f, false);
    }

    /** Companies and groups speaking of themselves: what a change after these words belongs to. */
    static final Set<String> OWN = Set.of("its", "our", "we", "company", "company's", "group", "group's", "firm",
            "firm's", "corporation", "bank's", "concern");
    /** Others: the market around the company. */
    static final Set<String> OTHERS = Set.of("market", "markets", "industry", "sector", "competitor", "competitors",
            "rival", "rivals", "peers", "economy", "index", "indices", "prices", "price", "country", "consumers");

    /**
     * @param numberCues also the {@link FeatureConfig#numberCues()} features: how many numbers the sentence holds
     *                   ({@code nn=0..3}), whether any is a percentage ({@code pct}), and for each resolved change its
     *                   polarity joined with its size ({@code chgm=+|big}: a percentage of 10 or more right after the
     *                   cue, or a numeric change of 10% or more; {@code small} otherwise) and with whose it is
     *                   ({@code chgo=+|own} after "its", "company", "group" ... in its clause; {@code other} after
     *                   "market", "industry", "competitors" ...; else {@code none})
     */
    static void add(TokenView v, FeatureSink f, boolean numberCues) {
        int sum = 0;
        for (int i = 0; i < v.size(); i++) {
            String w = v.word(i);
            boolean up = UP.contains(w), down = !up && DOWN.contains(w);
            if (!up && !down) continue;
            if (BAD.contains(w) && hasThingLeft(v, i)) continue; // "job cuts": the noun, not a change
            int thing = thing(v, i, 6, 4);
            boolean negated = v.negated(i);
            int p = emit(f, "chg=", up != negated, negated, thing);
            sum += p;
            if (numberCues && p != 0) {
                double pct = percentAfter(v, i);
                String size = Double.isNaN(pct) ? "none" : Math.abs(pct) >= 10 ? "big" : "small";
                f.part("chgm=").part(p > 0 ? '+' : '-').part('|').part(size).end();
                f.part("chgo=").part(p > 0 ? '+' : '-').part('|').part(whose(v, i)).end();
            }
        }
        sum += numbers(v, f, numberCues);
        f.part("chgd=").part(Integer.signum(sum)).end();
        if (numberCues) {
            int n = 0;
            boolean pct = false;
            for (int i = 0; i < v.size(); i++) {
                if (Double.isNaN(v.number(i))) continue;
                n++;
                if (isPercent(v, i)) pct = true;
            }
            f.part("nn=").part(Math.min(n, 3)).end();
            if (pct) f.add("pct");
        }
    }

    /** Whether the number at i is a percentage ("7%", "7 %", "7 percent", "7 pct"). */
    private static boolean isPercent(TokenView v, int i) {
        String raw = v.raw(i);
        if (raw != null && raw.endsWith("%")) return true;
        if (i + 1 >= v.size()) return false;
        String next = v.word(i + 1);
        return next.equals("%") || next.equals("percent") || next.equals("pct") || next.equals("per");
    }

    /** The first percentage within five tokens after the cue at i ("rose by 12 %", "up 3.5 percent"), or NaN. */
    private static double percentAfter(TokenView v, int i) {
        for (int k = i + 1; k < Math.min(v.size(), i + 6); k++) {
            if (BARRIERS.contains(v.word(k))) return Double.NaN;
            if (!Double.isNaN(v.number(k)) && isPercent(v, k)) return v.number(k);
        }
        return Double.NaN;
    }

    /** {@code own}, {@code other} or {@code none}: the nearest OWN or OTHERS word before i in its clause. */
    private static String whose(TokenView v, int i) {
        for (int k = i - 1; k >= 0 && v.clause(k) == v.clause(i); k--) {
            String w = v.word(k);
            if (OWN.contains(w)) return "own";
            if (OTHERS.contains(w)) return "other";
        }
        return "none";
    }

    private static boolean hasThingLeft(TokenView v, int i) {
        return i > 0 && GOOD.contains(v.word(i - 1));
    }

    /** Writes the cue; returns its polarity (+1 good news, -1 bad news, 0 unknown). */
    private static int emit(FeatureSink f, String prefix, boolean up, boolean negated, int thing) {
        f.part(prefix);
        if (negated) f.part('!');
        f.part(up ? "up" : "down").part('|').part(thing > 0 ? "good" : thing < 0 ? "bad" : "none").end();
        if (thing == 0) return 0;
        int polarity = (up ? 1 : -1) * thing;
        f.part("chgp=").part(polarity > 0 ? '+' : '-').end();
        return polarity;
    }

    /** +1 if the nearest thing around position i is desirable, -1 if undesirable, 0 if none (ties: the left one). */
    static int thing(TokenView v, int i, int left, int right) {
        for (int d = 1; d <= Math.max(left, right); d++) {
            if (d <= left) {
                int j = i - d;
                if (j >= 0 && !barrierBetween(v, j + 1, i - 1)) {
                    int k = kind(v.word(j));
                    if (k != 0) return k;
                }
            }
            if (d <= right) {
                int j = i + d;
                if (j < v.size() && !barrierBetween(v, i + 1, j - 1)) {
                    int k = kind(v.word(j));
                    if (k != 0) return k;
                }
            }
        }
        return 0;
    }

    private static boolean barrierBetween(TokenView v, int lo, int hi) {
        for (int k = lo; k <= hi; k++) {
            if (BARRIERS.contains(v.word(k))) return true;
        }
        return false;
    }

    private static int kind(String w) {
        return GOOD.contains(w) ? 1 : BAD.contains(w) ? -1 : 0;
    }

    /** Numeric changes: "from A ... to B", "to B ... from A", "B (A)". Returns the sum of their polarities. */
    private static int numbers(TokenView v, FeatureSink f, boolean numberCues) {
        int sum = 0;
        for (int i = 0; i < v.size(); i++) {
            String w = v.word(i);
            int before, after;
            double previous, current;
            if (w.equals("from") || w.equals("to")) {
                int a = numberAfter(v, i);
                if (a < 0) continue;
                String other = w.equals("from") ? "to" : "from";
                int j = a + 1;
                int limit = Math.min(v.size(), a + 6);
                while (j < limit && !v.word(j).equals(other)) j++;
                if (j >= limit) continue;
                int b = numberAfter(v, j);
                if (b < 0) continue;
                double x = value(v, a), y = value(v, b);
                previous = w.equals("from") ? x : y;
                current = w.equals("from") ? y : x;
                before = i;
                after = b;
            } else if (w.equals("(") && i > 0) {
                int a = numberBefore(v, i);
                int b = numberAfter(v, i);
                if (a < 0 || b < 0 || !sameUnitWord(v, a, b)) continue;
                current = value(v, a);
                previous = value(v, b);
                before = a;
                after = b;
            } else {
                continue;
            }
            if (current == previous) continue;
            int thing = thing(v, before, 10, 0);
            int p = emit(f, "num=", current > previous, false, thing);
            sum += p;
            if (numberCues && p != 0) {
                boolean big = previous == 0 || Math.abs(current - previous) >= 0.1 * Math.abs(previous);
                f.part("chgm=").part(p > 0 ? '+' : '-').part('|').part(big ? "big" : "small").end();
                f.part("chgo=").part(p > 0 ? '+' : '-').part('|').part(whose(v, before)).end();
            }
            i = after;
        }
        return sum;
    }

    /** The position of a number within the three tokens after i (skipping a currency word or sign), or -1. */
    private static int numberAfter(TokenView v, int i) {
        for (int k = i + 1; k < Math.min(v.size(), i + 4); k++) {
            if (!Double.isNaN(v.number(k))) return k;
            if (BARRIERS.contains(v.word(k)) || v.word(k).equals("(")) return -1;
        }
        return -1;
    }

    /** The position of a number within the two tokens before i (skipping a multiplier such as "mn"), or -1. */
    private static int numberBefore(TokenView v, int i) {
        for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
            if (!Double.isNaN(v.number(k))) return k;
        }
        return -1;
    }

    /** "EUR 5 mn (EUR 4 mn)" compares; "EUR 5 mn (USD 6 mn)" converts: the words before both numbers must agree. */
    private static boolean sameUnitWord(TokenView v, int a, int b) {
        String wa = a > 0 ? v.word(a - 1) : "", wb = b > 0 ? v.word(b - 1) : "";
        if (wb.equals("(")) return true;
        return wa.equals(wb);
    }

    private static double value(TokenView v, int i) {
        double x = v.number(i);
        if (i + 1 < v.size()) {
            Double m = MULTIPLIERS.get(v.word(i + 1));
            if (m != null) x *= m;
        }
        return x;
    }
}
