package org.stancekit.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Prior word valence from the VADER sentiment lexicon (Hutto and Gilbert 2014, MIT licence), read from the
 * {@code vader_sentiment_lexicon.txt} resource of the {@code vader-sentiment-analyzer} jar: about 7,500 words and
 * emoticons rated from -4 (most negative) to +4. Loaded once, lazily; immutable.
 */
final class Valence {
    private static final String RESOURCE = "/vader_sentiment_lexicon.txt";

    private Valence() {}

    private static final class Holder {
        static final Map<String, Float> MAP = load();
    }

    /** Valence of a lower-cased word, or 0 when the lexicon does not rate it. */
    static float of(String word) {
        Float v = Holder.MAP.get(word);
        return v == null ? 0f : v;
    }

    /** A coarse feature value: {@code pos}, {@code neg}, {@code POS}, {@code NEG} (strong, |v| >= 2), or null. */
    static String bucket(String word) {
        float v = of(word);
        if (v >= 2f) return "POS";
        if (v >= 0.5f) return "pos";
        if (v <= -2f) return "NEG";
        if (v <= -0.5f) return "neg";
        return null;
    }

    private static Map<String, Float> load() {
        Map<String, Float> map = new HashMap<>(16_000);
        try (InputStream in = Valence.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("VADER lexicon " + RESOURCE + " is not on the classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String[] cols = line.split("\t");
                if (cols.length < 2) continue;
                try {
                    map.put(cols[0], Float.parseFloat(cols[1]));
                } catch (NumberFormatException ignored) {
                    // a malformed line of the third-party file: skip it
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the VADER lexicon", e);
        }
        return Map.copyOf(map);
    }
}
