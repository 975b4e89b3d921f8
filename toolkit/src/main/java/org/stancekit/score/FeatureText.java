package org.stancekit.score;

/**
 * Feature names of the linear models in words, for explanations. Names are {@code kind=value}: {@code u=word} (a word
 * of the sentence; {@code !word} is inside a negation scope), {@code b=w1_w2} (a bigram; {@code <s>}, {@code </s>} and
 * {@code <p>} mark the sentence start, end and punctuation), {@code lx=neg} (a word of that VADER valence bucket:
 * {@code pos}, {@code neg}, strong {@code POS}, {@code NEG}), {@code L1=word} / {@code R=word} (left or right of the
 * target, at distance 1 or 2, or within the window), {@code C=word} (in the target's clause), {@code TO=}/{@code OT=}
 * (between the target and another actor), {@code a=ID} (the actor itself) and a few flags ({@code t=quoted},
 * {@code t=first}, {@code t=by}, {@code t=absent}, {@code o=present}). {@code <t>} is the target, {@code <o>} another
 * actor. A name this class does not know is returned unchanged.
 */
public final class FeatureText {
    private FeatureText() {}

    /**
     * @param feature a feature name
     * @param actor   the stance target's id, or null (sentiment)
     * @return a short description, e.g. {@code "condemned" just before Russia}
     */
    public static String describe(String feature, String actor) {
        String target = actor == null || actor.isEmpty() ? "the actor" : actor;
        try {
            String d = describe0(feature, target);
            return d == null ? feature : d;
        } catch (RuntimeException e) { // a name of an unexpected shape: show it as it is
            return feature;
        }
    }

    private static String describe0(String f, String t) {
        if (f.startsWith("a=")) {
            int bar = f.indexOf("|u=");
            if (bar > 0) return word(f.substring(bar + 3), t) + " (with " + f.substring(2, bar) + " as the target)";
            return "the target is " + f.substring(2) + " (prior for this actor)";
        }
        switch (f) {
            case "t=absent": return t + " is not named in the text";
            case "t=quoted": return t + " is named inside a quotation";
            case "t=first": return t + " opens the sentence (subject)";
            case "t=by": return t + " follows \"by\" (passive agent)";
            case "o=present": return "another actor is named";
            default: break;
        }
        int eq = f.indexOf('=');
        if (eq <= 0) return null;
        String kind = f.substring(0, eq), v = f.substring(eq + 1);
        switch (kind) {
            case "u": return word(v, t);
            case "q": return word(v, t) + " inside a quotation";
            case "b": return bigram(v, t);
            case "lx": return valence(v);
            case "lxp": return count(v) + " positive word" + plural(v);
            case "lxn": return count(v) + " negative word" + plural(v);
            case "lxd":
                return v.equals("1") ? "more positive than negative words"
                        : v.equals("-1") ? "more negative than positive words" : "as many positive as negative words";
            case "L": return word(v, t) + " before " + t;
            case "R": return word(v, t) + " after " + t;
            case "L1": return word(v, t) + " just before " + t;
            case "R1": return word(v, t) + " just after " + t;
            case "L2": return word(v, t) + " two words before " + t;
            case "R2": return word(v, t) + " two words after " + t;
            case "LB": return bigram(v, t) + " just before " + t;
            case "RB": return bigram(v, t) + " just after " + t;
            case "Llx": return valence(v) + " before " + t;
            case "Rlx": return valence(v) + " after " + t;
            case "Llx3": return valence(v) + " within 3 words before " + t;
            case "Rlx3": return valence(v) + " within 3 words after " + t;
            case "C": return word(v, t) + " in " + t + "'s clause";
            case "Clx": {
                if (v.isEmpty()) return null;
                char side = v.charAt(v.length() - 1);
                String b = v.substring(0, v.length() - 1);
                return valence(b) + (side == '<' ? " before " : " after ") + t + " in its clause";
            }
            case "TO":
            case "OT": {
                String between = kind.equals("TO") ? " between " + t + " and another actor"
                        : " between another actor and " + t;
                if (v.startsWith("lx=")) return valence(v.substring(3)) + between;
                return word(v, t) + between;
            }
            default: return null;
        }
    }

    /** A word in quotes; {@code !word} (negated) becomes {@code "word" (negated)}. */
    private static String word(String w, String t) {
        boolean negated = w.length() > 1 && w.charAt(0) == '!';
        String plain = negated ? w.substring(1) : w;
        String shown = switch (plain) {
            case "<t>" -> t;
            case "<o>" -> "another actor";
            default -> "\"" + plain + "\"";
        };
        return negated ? shown + " (negated)" : shown;
    }

    private static String bigram(String v, String t) {
        int us = v.indexOf('_', v.startsWith("_") ? 1 : 0);
        if (us < 0) return word(v, t);
        return "\"" + token(v.substring(0, us), t) + " " + token(v.substring(us + 1), t) + "\"";
    }

    private static String token(String w, String t) {
        return switch (w) {
            case "<s>" -> "[start]";
            case "</s>" -> "[end]";
            case "<p>" -> "[punctuation]";
            case "<t>" -> t;
            case "<o>" -> "[other actor]";
            default -> w;
        };
    }

    /** {@code pos}, {@code neg}, {@code POS}, {@code NEG}, optionally {@code !}-prefixed. */
    private static String valence(String b) {
        boolean negated = b.startsWith("!");
        String core = negated ? b.substring(1) : b;
        String what = switch (core) {
            case "pos" -> "a positive word";
            case "neg" -> "a negative word";
            case "POS" -> "a strongly positive word";
            case "NEG" -> "a strongly negative word";
            default -> "a word of valence " + core;
        };
        return negated ? what.replaceFirst("^a ", "a negated ") : what;
    }

    private static String count(String v) {
        return v.equals("3") ? "3 or more" : v.equals("0") ? "no" : v;
    }

    private static String plural(String v) {
        return v.equals("1") ? "" : "s";
    }
}
