package org.stancekit.text;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Abbreviation knowledge shared by {@link SentenceSplitter} and {@link Tokenizer}. Package-private.
 *
 * <p>A period after an abbreviation is classified by {@link Kind}:
 * <ul>
 *   <li>{@link Kind#TITLE}: always followed by a name or the like ("Mr.", "Gen.", "Sen.", "vs."): never a sentence
 *       end.</li>
 *   <li>{@link Kind#WEAK}: often ends a sentence too ("U.S.", "Inc.", "St.", "Jan.", "etc.", "a.m."): a sentence
 *       end only when a common sentence starter follows (see {@link #isSentenceStarter(String)}).</li>
 *   <li>{@link Kind#NUMBER_PREFIX}: an abbreviation only before a number ("No. 10", "Art. 5", "p. 12"); otherwise
 *       an ordinary word ("The answer was No. The...").</li>
 * </ul>
 */
final class Abbreviations {

    enum Kind { NONE, TITLE, WEAK, NUMBER_PREFIX }

    private static final Map<String, Kind> TABLE = new HashMap<>();

    static {
        add(Kind.TITLE, "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Mme", "Mlle", "Dr", "Drs", "Prof", "Profs", "Gen",
                "Gens", "Lt", "Col", "Maj", "Capt", "Cpt", "Cmdr", "Cdr", "Adm", "Brig", "Sgt", "Cpl", "Pvt", "Spc",
                "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Pres", "Rev", "Hon", "Amb", "Supt", "Insp", "Det",
                "Atty", "Fr", "Mt", "Ft", "vs", "v", "cf", "viz");
        add(Kind.WEAK, "Inc", "Corp", "Ltd", "Co", "Cos", "Bros", "Jr", "Sr", "St", "Ave", "Blvd", "Rd", "Dept",
                "Univ", "Assn", "Intl", "Natl", "Govt", "etc", "al", "approx", "ca", "est",
                // months ("Jan. 6" never splits: a digit is not a sentence starter)
                "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
                // U.S. states, AP style ("Sen. Jane Doe (D-Calif.)")
                "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky",
                "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn",
                "Tex", "Va", "Vt", "Wash", "Wis", "Wyo");
        add(Kind.NUMBER_PREFIX, "No", "Nos", "Art", "Arts", "Sec", "Secs", "Ch", "Vol", "Vols", "Fig", "Figs", "Para",
                "Pt", "pp", "p");
    }

    /** Dotted abbreviations that never end a sentence (compared case-insensitively, without the final period). */
    private static final Set<String> DOTTED_TITLES = Set.of("e.g", "i.e");

    /**
     * Capitalised words that commonly open a news sentence but rarely follow "U.S."/"Inc."/"a.m." inside one:
     * pronouns, determiners, conjunctions and sentence adverbials. Deliberately excludes content words such as
     * "President", "Officials" or "Army", which usually continue ("the U.S. Army").
     */
    private static final Set<String> STARTERS = Set.of(
            "The", "A", "An", "It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "My",
            "Your", "This", "That", "These", "Those", "There", "Here", "But", "And", "Or", "So", "Yet", "Nor",
            "In", "On", "At", "For", "As", "If", "When", "While", "After", "Before", "During", "Since", "Although",
            "Though", "Because", "Until", "Once", "However", "Meanwhile", "Still", "Also", "Then", "Now", "Today",
            "Yesterday", "Tomorrow", "Some", "Many", "Most", "Several", "All", "Both", "Each", "Every", "Such", "No",
            "Not", "Neither", "Yes", "Asked", "According", "Despite", "Instead", "Moreover", "Furthermore",
            "Nevertheless", "Nonetheless", "Separately", "Earlier", "Later", "Last", "Next", "What", "Why", "How",
            "Who", "Where", "Which", "Whether", "Another", "Others", "Even", "Only", "Indeed", "Thus", "Therefore",
            "Overall", "Among", "Amid", "Unlike");

    private Abbreviations() {
    }

    private static void add(Kind kind, String... words) {
        for (String w : words) TABLE.put(w, kind);
    }

    /**
     * The kind of a plain (period-free, letters-only) word used before a period. Exact match first; an all-caps word
     * ("MR", "INC", "NO") is also tried capitalised and lower-cased.
     */
    static Kind lookup(String word) {
        Kind k = TABLE.get(word);
        if (k != null) return k;
        if (word.length() > 1 && isAllUpper(word)) {
            String cap = word.charAt(0) + word.substring(1).toLowerCase(java.util.Locale.ROOT);
            k = TABLE.get(cap);
            if (k == null) k = TABLE.get(word.toLowerCase(java.util.Locale.ROOT));
        }
        return k == null ? Kind.NONE : k;
    }

    /**
     * Whether {@code w} (without its final period) is a dotted abbreviation such as "U.S", "e.g", "a.m", "D.C",
     * "U.S.A" or "Ph.D": at least two period-separated segments of one or two letters each. "www.nato.int" and
     * "3.5" are not.
     */
    static boolean isDotted(CharSequence w, int from, int to) {
        int segments = 0, segLen = 0;
        for (int i = from; i < to; i++) {
            char c = w.charAt(i);
            if (c == '.') {
                if (segLen == 0) return false;
                segments++;
                segLen = 0;
            } else if (Character.isLetter(c)) {
                if (++segLen > 2) return false;
            } else {
                return false;
            }
        }
        if (segLen == 0) return false;
        return segments + 1 >= 2;
    }

    /** Kind of a dotted abbreviation (see {@link #isDotted}): TITLE for "e.g."/"i.e.", WEAK otherwise. */
    static Kind dottedKind(String w) {
        return DOTTED_TITLES.contains(w.toLowerCase(java.util.Locale.ROOT)) ? Kind.TITLE : Kind.WEAK;
    }

    /** Whether {@code w} is a capitalised word that commonly starts a news sentence (see {@link #STARTERS}). */
    static boolean isSentenceStarter(String w) {
        return STARTERS.contains(w);
    }

    private static boolean isAllUpper(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isUpperCase(w.charAt(i))) return false;
        }
        return true;
    }
}
