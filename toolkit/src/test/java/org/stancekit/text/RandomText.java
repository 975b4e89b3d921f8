package org.stancekit.text;

import java.util.Random;

/** Seeded generator of nasty mixed-Unicode strings for invariant tests. */
final class RandomText {

    /** Fragments, picked at random: letters, punctuation, abbreviations, quotes, odd whitespace, bad surrogates. */
    private static final String[] PIECES = {
            "a", "b", "z", "A", "M", "T", "Z", "0", "7", " ", " ", " ", "  ", "\t", "\n", "\n\n", "\r", "\r\n",
            ".", ".", "..", "...", "!", "?", "?!", ",", ";", ":", "-", "--", "(", ")", "[", "]", "\"", "'", "/", "%",
            "$", "@", "#", "*", "\u2022", "\u2018", "\u2019", "\u201C", "\u201D", "\u00AB", "\u00BB", "\u2013",
            "\u2014", "\u2212", "\u2026", "\u00A0", "\u2009", "\u200B", "\u200D", "\uFEFF", "\u200F", "\u00AD",
            "\u0000", "\u0007", "\u007F", "\u0085", "\u2028", "\u2029", "\u000B", "\u000C",
            "\uD83D\uDE00", "\uD83C\uDDFA\uD83C\uDDF8", "\uD83D\uDC4D\uD83C\uDFFD", "\uD835\uDC00",
            "\uD800", "\uDC00", "\uDBFF", "\uDFFF", // unpaired surrogates
            "\u0645\u0631\u062D\u0628\u0627", "\u061F", "\u3002", "\uFF1F", "\u4E2D\u56FD", "\u00E9", "e\u0301",
            "U.S.", "U.K.", "Mr.", "Gen.", "No.", "Jan.", "a.m.", "e.g.", "St.", "Inc.", "etc.", "J.", "1.", "iv.",
            " The ", " It ", " the ", "China's", "don't", "3.5", "1,200", "16/5/2024", "10%", "www.nato.int",
            "anti-American", "\"We", "said.\"", "'s", "n't",
    };

    private final Random random;

    RandomText(long seed) {
        this.random = new Random(seed);
    }

    /** A string of up to {@code maxPieces} fragments, sometimes with a random raw UTF-16 char thrown in. */
    String next(int maxPieces) {
        int pieces = random.nextInt(maxPieces + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(10) == 0) {
                sb.append((char) random.nextInt(0x10000)); // anything, incl. lone surrogates and controls
            } else {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return sb.toString();
    }
}
