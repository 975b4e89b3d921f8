package org.stancekit.actors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds actor mentions in text with the lexicon. Immutable and thread-safe.
 *
 * <p>Rules: aliases and leaders' names match case-sensitively at word boundaries (so {@code US} never matches
 * {@code us}); an alias starting with {@code the } also matches {@code The } at the start of a sentence; at each position
 * the longest alias wins, scanning left to right without overlaps; a possessive ({@code China's}, {@code Russia’s},
 * {@code Hamas'}) ends the mention before the apostrophe. A demonym counts only when an official noun follows
 * ({@code Chinese President}, {@code Israeli officials}, {@code Russian forces}, {@code the Russian invasion}) and the
 * mention then covers both words, or when it is coordinated with such a demonym ({@code American and Ukrainian
 * delegations}: two mentions, {@code American} and {@code Ukrainian delegations}), or when a participle of what a state
 * does is hyphenated to it ({@code Saudi-brokered}, {@code Russian-backed}); "a Chinese restaurant" names no actor.
 * An anaphor ("the alliance") names the actor that the article named last among those that use it, and nothing before
 * one of them is named; not when a longer name or another relation goes on from it ("the Alliance for Progress", "the
 * alliance with the north"), but it does before a verb's "of"/"for"/"with" + gerund ("accused the alliance of
 * ignoring"). {@code ignore} rows of the lexicon ("Washington Post") are matched like aliases so that they block the
 * shorter alias inside them, and then dropped. Any run of whitespace in the text (spaces,
 * no-break spaces, tabs, line breaks) matches the single space of a phrase ("North Korea" with a no-break space,
 * "Chinese officials" across a line break), and typographic apostrophes and hyphens (U+2018, U+2019, U+02BC, U+2010,
 * U+2011) match their ASCII forms ("People’s Republic of China"); offsets and mention texts are those of the original
 * text. A place followed by "-based", "-headquartered", "-registered" or "-listed" says where something is and names
 * no actor ("Beijing-based analysts", "a London-listed miner"). Runs in time linear in the text length times the
 * longest alias.
 */
public final class MentionMatcher {
    /** Nouns that turn a demonym into a mention of the state ("Chinese officials"). Matched case-insensitively. */
    static final List<String> OFFICIAL_NOUNS = List.of(
            "president", "prime minister", "premier", "chancellor", "government", "officials", "official",
            "military", "army", "navy", "air force", "armed forces", "forces", "troops", "soldiers", "coast guard",
            "foreign minister", "foreign ministry", "foreign office", "defence minister", "defense minister",
            "defence ministry", "defense ministry", "ministry", "minister", "embassy", "ambassador", "envoy",
            "diplomats", "diplomat", "authorities", "leader", "leaders", "leadership", "state media", "state television",
            "state news agency", "negotiators", "delegation", "regime", "warplanes", "warships", "jets", "drones",
            "missiles", "navy ships", "administration", "cabinet", "parliament", "lawmakers", "security forces",
            "intelligence", "border guards", "spokesman", "spokeswoman", "spokesperson", "counterpart", "counterparts",
            "king", "crown prince", "emir", "junta", "generals", "commanders", "president's", "top diplomat",
            "central bank", "finance minister", "trade minister", "state", "side",
            // more office holders and bodies of the state
            "delegations", "envoys", "ambassadors", "ministers", "negotiator", "police", "prosecutors", "court",
            "courts", "judiciary", "security services", "intelligence services", "spy agency", "special forces",
            "marines", "vice president", "deputy prime minister", "foreign secretary", "defence secretary",
            "defense secretary", "secretary of state", "head of state", "senators", "senator", "congressmen",
            "lawmaker", "legislators", "mps", "meps", "candidate", "nominee", "establishment", "ruling party",
            // what a state does or deploys (the state is the actor of "the Russian invasion", "Israeli strikes")
            "invasion", "aggression", "occupation", "offensive", "assault", "strikes", "airstrikes", "air strikes",
            "attacks", "shelling", "bombardment", "blockade", "incursion", "sanctions", "aid", "missile",
            "warship", "warplane", "submarine", "submarines", "bombers", "tanks", "artillery");

    private static final int ALIAS = 0, DEMONYM = 1, ANAPHOR = 2;

    /** Words after which an anaphor is part of a longer name or another relation ("the Alliance for Progress"). */
    private static final List<String> NOT_AFTER_ANAPHOR = List.of("of", "for", "with", "between", "among");

    /**
     * What an article has named so far, so that an anaphor ("the alliance") can name the actor mentioned before it:
     * each actor with the order of its latest mention. One per article; not thread-safe.
     */
    public static final class Context {
        private final Map<String, Integer> latest = new HashMap<>();
        private int clock;

        void note(String actor) {
            latest.put(actor, ++clock);
        }

        /** When {@code actor} was last named (0: never). */
        int latest(String actor) {
            return latest.getOrDefault(actor, 0);
        }
    }

    private record Entry(String actor, int type, boolean ignore) {}

    /**
     * A trie node. While the lexicon is added the children are in a map; {@link #freeze} then turns them into sorted
     * parallel arrays (a direct table for the root's ASCII children), so matching allocates nothing and boxes no chars.
     */
    private static final class Node {
        Map<Character, Node> building = new HashMap<>(4);
        char[] keys;
        Node[] kids;
        Node[] ascii; // only at a root: child per ASCII char
        List<Entry> entries;

        Node child(char c) {
            if (ascii != null && c < 128) return ascii[c];
            char[] k = keys;
            if (k.length <= 8) {
                for (int i = 0; i < k.length; i++) {
                    if (k[i] == c) return kids[i];
                }
                return null;
            }
            int i = java.util.Arrays.binarySearch(k, c);
            return i >= 0 ? kids[i] : null;
        }

        void freeze(boolean root) {
            List<Character> sorted = new ArrayList<>(building.keySet());
            java.util.Collections.sort(sorted);
            keys = new char[sorted.size()];
            kids = new Node[sorted.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = sorted.get(i);
                kids[i] = building.get(keys[i]);
                kids[i].freeze(false);
            }
            if (root) {
                ascii = new Node[128];
                for (int i = 0; i < keys.length; i++) {
                    if (keys[i] < 128) ascii[keys[i]] = kids[i];
                }
            }
            building = null;
        }
    }

    private final Node root = new Node();

    private final Node nounRoot = new Node();

    public MentionMatcher(ActorLexicon lexicon) {
        for (Actor a : lexicon.actors()) {
            boolean ignore = a.kind() == Actor.Kind.IGNORE;
            for (String alias : a.aliases()) addAlias(alias, new Entry(a.id(), ALIAS, ignore));
            for (String leader : a.leaders()) addAlias(leader, new Entry(a.id(), ALIAS, ignore));
            for (String demonym : a.demonyms()) add(root, demonym, new Entry(a.id(), DEMONYM, ignore));
            if (!ignore) for (String anaphor : a.anaphors()) addAlias(anaphor, new Entry(a.id(), ANAPHOR, false));
        }
        for (String noun : OFFICIAL_NOUNS) add(nounRoot, noun, new Entry(null, ALIAS, false));
        root.freeze(true);
        nounRoot.freeze(true);
    }

    private void addAlias(String alias, Entry e) {
        add(root, alias, e);
        if (alias.startsWith("the ")) add(root, "The " + alias.substring(4), e);
    }

    private static void add(Node root, String s, Entry e) {
        Node n = root;
        for (int i = 0; i < s.length(); i++) {
            char c = fold(s.charAt(i));
            if (c == ' ' && i > 0 && fold(s.charAt(i - 1)) == ' ') continue; // a run of spaces is one space
            n = n.building.computeIfAbsent(c, k -> new Node());
        }
        if (n.entries == null) n.entries = new ArrayList<>(1);
        if (!n.entries.contains(e)) n.entries.add(e);
    }

    /** All mentions in {@code text}, in order, without overlaps; anaphors name only actors named earlier in it. */
    public List<Mention> find(String text) {
        return find(text, new Context());
    }

    /**
     * All mentions in {@code text}, in order, without overlaps, where an anaphor names the actor that {@code context}
     * (the article so far) or this text named last among those that use it; the mentions found are added to it.
     */
    public List<Mention> find(String text, Context context) {
        List<Mention> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (i > 0 && isWordChar(text.charAt(i - 1)) || !canStart(text.charAt(i))) {
                i++;
                continue;
            }
            int matchEnd = -1;
            Entry match = null;
            Node node = root;
            for (int j = i; j < n && node != null; j++) {
                char c = fold(text.charAt(j));
                if (c == ' ') j = lastOfSpaceRun(text, j);
                node = node.child(c);
                if (node == null || node.entries == null) continue;
                int end = j + 1;
                if (end < n && isWordChar(text.charAt(end)) && isWordChar(text.charAt(j))) continue;
                for (Entry e : node.entries) {
                    if (e.type == ANAPHOR) {
                        int seen = context.latest(e.actor);
                        if (seen == 0 || !anaphorMayEnd(text, end)) continue;
                        if (end > matchEnd || end == matchEnd && match.type == ANAPHOR && seen > context.latest(match.actor)) {
                            matchEnd = end;
                            match = e;
                        }
                        continue;
                    }
                    int spanEnd = e.type == DEMONYM ? demonymEnd(text, end, i) : end;
                    if (spanEnd > matchEnd || spanEnd == matchEnd && spanEnd >= 0 && match.type == ANAPHOR) {
                        matchEnd = spanEnd;
                        match = e;
                    }
                }
            }
            if (match == null) {
                i++;
                continue;
            }
            if (!match.ignore && !locatedIn(text, matchEnd)) {
                out.add(new Mention(match.actor, i, matchEnd, text.substring(i, matchEnd)));
                context.note(match.actor);
            }
            i = matchEnd;
        }
        return out;
    }

    /**
     * Every occurrence of {@code words} in {@code text} at word boundaries, as mentions of {@code actor} (for training rows
     * that say which words name the actor).
     */
    public static List<Mention> occurrences(String text, String words, String actor) {
        List<Mention> out = new ArrayList<>();
        if (words.isEmpty()) return out;
        for (int i = text.indexOf(words); i >= 0; i = text.indexOf(words, i + 1)) {
            int end = i + words.length();
            boolean left = i == 0 || !isWordChar(text.charAt(i - 1)) || !isWordChar(words.charAt(0));
            boolean right = end == text.length() || !isWordChar(text.charAt(end))
                    || !isWordChar(words.charAt(words.length() - 1));
            if (left && right) out.add(new Mention(actor, i, end, words));
        }
        return out;
    }

    /** Mentions grouped by actor id, in order of first mention. */
    public Map<String, List<Mention>> findByActor(String text) {
        Map<String, List<Mention>> map = new java.util.LinkedHashMap<>();
        for (Mention m : find(text)) map.computeIfAbsent(m.actor(), k -> new ArrayList<>()).add(m);
        return map;
    }

    /**
     * The end of a demonym's mention, or -1 if it names no actor: the demonym ending at {@code end} (starting at
     * {@code start}) with the official noun that follows it ("Chinese officials"), or the demonym alone when it is
     * coordinated with one that has such a noun ("American and Ukrainian delegations", "British, French and German
     * leaders": each demonym names its state).
     */
    private int demonymEnd(String text, int end, int start) {
        if (start > 0 && text.charAt(start - 1) == '-') return -1; // "pro-Russian", "anti-American"
        int noun = officialNounEnd(text, end);
        if (noun >= 0) return noun;
        int at = end;
        for (int hops = 0; hops < 8; hops++) { // "A, B, C and D officials": at most a few coordinated demonyms
            int next = afterConjunction(text, at);
            if (next < 0) return -1;
            int demonym = demonymAt(text, next);
            if (demonym < 0) return -1;
            if (officialNounEnd(text, demonym) >= 0) return end;
            at = demonym;
        }
        return -1;
    }

    /** Whether an anaphor ending at {@code end} ends its noun phrase (no capitalised word or "of ..." follows). */
    private static boolean anaphorMayEnd(String text, int end) {
        int n = text.length();
        if (end >= n || fold(text.charAt(end)) != ' ') return true;
        int k = lastOfSpaceRun(text, end) + 1;
        if (k >= n) return true;
        if (Character.isUpperCase(text.charAt(k))) return false;
        if (!nextWordIn(text, end, NOT_AFTER_ANAPHOR)) return true;
        // "accused the alliance of ignoring", "criticised the bloc for not acting": a verb's complement, not a name
        int after = wordEnd(text, k);
        String next = wordAt(text, after);
        if (next.equals("not")) next = wordAt(text, wordEnd(text, lastOfSpaceRun(text, after) + 1));
        return next.length() > 4 && next.endsWith("ing") && Character.isLowerCase(next.charAt(0));
    }

    /** Hyphenated words that make a place name say where something is, not who acts ("Beijing-based analysts"). */
    private static final List<String> LOCATED = List.of("-based", "-headquartered", "-registered", "-listed");

    /** Whether the mention ending at {@code end} is followed by "-based" or the like. */
    private static boolean locatedIn(String text, int end) {
        if (end >= text.length() || fold(text.charAt(end)) != '-') return false;
        int wordEnd = wordEnd(text, end + 1);
        String next = "-" + text.substring(end + 1, wordEnd).toLowerCase(java.util.Locale.ROOT);
        return LOCATED.contains(next);
    }

    /** The word after the run of spaces at {@code from} (as written), or "" when none follows. */
    private static String wordAt(String text, int from) {
        if (from >= text.length() || fold(text.charAt(from)) != ' ') return "";
        int k = lastOfSpaceRun(text, from) + 1;
        return text.substring(k, wordEnd(text, k));
    }

    /** Where the next word starts after ", ", " and ", " or " or ", and " at {@code from}, or -1. */
    private static int afterConjunction(String text, int from) {
        int n = text.length();
        int k = from;
        boolean comma = k < n && text.charAt(k) == ',';
        if (comma) k++;
        if (k >= n || fold(text.charAt(k)) != ' ') return -1;
        k = lastOfSpaceRun(text, k) + 1;
        for (String word : new String[] {"and", "or"}) {
            if (text.startsWith(word, k) && k + word.length() < n && fold(text.charAt(k + word.length())) == ' ') {
                return lastOfSpaceRun(text, k + word.length()) + 1;
            }
        }
        return comma ? k : -1;
    }

    /** The end of the longest demonym of the lexicon that starts at {@code k}, or -1. */
    private int demonymAt(String text, int k) {
        Node node = root;
        int best = -1;
        for (int j = k; j < text.length() && node != null; j++) {
            char c = fold(text.charAt(j));
            if (c == ' ') j = lastOfSpaceRun(text, j);
            node = node.child(c);
            if (node == null || node.entries == null) continue;
            if (j + 1 < text.length() && isWordChar(text.charAt(j + 1))) continue;
            for (Entry e : node.entries) {
                if (e.type == DEMONYM && !e.ignore) best = j + 1;
            }
        }
        return best;
    }

    /** The end of the official noun that follows a demonym ending at {@code from}, or -1 if none follows. */
    private int officialNounEnd(String text, int from) {
        int k = from;
        int n = text.length();
        if (k < n && fold(text.charAt(k)) == '-') return hyphenRoleEnd(text, k + 1);
        if (k >= n || fold(text.charAt(k)) != ' ') return -1;
        k = lastOfSpaceRun(text, k) + 1;
        Node node = nounRoot;
        int best = -1;
        for (int j = k; j < n && node != null; j++) {
            char c = fold(text.charAt(j));
            if (c == ' ') j = lastOfSpaceRun(text, j);
            node = node.child(Character.toLowerCase(c));
            if (node != null && node.entries != null && (j + 1 >= n || !isWordChar(text.charAt(j + 1)))) best = j + 1;
        }
        if (best > 0 && text.regionMatches(true, k, "aid", 0, 3) && best == k + 3 && nextWordIn(text, best, AID_NOT_STATE)) {
            return -1; // "American aid workers" are not the state; "American aid" is
        }
        return best;
    }

    /** Participles that make a hyphenated demonym the state acting ("Saudi-brokered", "Russian-backed"). */
    static final List<String> HYPHEN_ROLES = List.of("led", "backed", "brokered", "mediated", "funded", "financed",
            "installed", "sponsored", "supported", "armed", "trained", "allied", "controlled", "occupied", "imposed",
            "drafted", "proposed", "hosted", "organised", "organized");

    /** The end of "led" in "Kenyan-led" (the word starting at {@code k} after the hyphen), or -1 if it is no role. */
    private static int hyphenRoleEnd(String text, int k) {
        int w = wordEnd(text, k);
        return w > k && HYPHEN_ROLES.contains(text.substring(k, w).toLowerCase(java.util.Locale.ROOT)) ? w : -1;
    }

    /** The end of the word (letters and digits) starting at {@code k}. */
    private static int wordEnd(String text, int k) {
        while (k < text.length() && isWordChar(text.charAt(k))) k++;
        return k;
    }

    /** Words after "aid" that make "X aid" a private body rather than a state's aid. */
    private static final List<String> AID_NOT_STATE = List.of("worker", "workers", "agency", "agencies", "group", "groups",
            "organisation", "organisations", "organization", "organizations", "charity", "charities");

    /** Whether the word after the whitespace at {@code from} is one of {@code words} (lower case). */
    private static boolean nextWordIn(String text, int from, List<String> words) {
        return words.contains(wordAt(text, from).toLowerCase(java.util.Locale.ROOT));
    }

    /** How a char is matched: whitespace as a space, typographic apostrophes and hyphens as ASCII. */
    static char fold(char c) {
        if (c == ' ') return c;
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) return ' ';
        return switch (c) {
            case '\u2018', '\u2019', '\u02BC' -> '\'';
            case '\u2010', '\u2011' -> '-';
            default -> c;
        };
    }

    /** The index of the last char of the whitespace run that starts at {@code j}. */
    private static int lastOfSpaceRun(String text, int j) {
        while (j + 1 < text.length() && fold(text.charAt(j + 1)) == ' ') j++;
        return j;
    }

    private static boolean canStart(char c) {
        return Character.isLetterOrDigit(c);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }
}
