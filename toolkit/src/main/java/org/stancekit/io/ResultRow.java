package org.stancekit.io;

import org.stancekit.actors.Mention;
import org.stancekit.model.Prediction;
import org.stancekit.score.Abstention;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.SentenceResult;
import org.stancekit.score.StanceResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One row of {@code score --format csv}: a sentence and one actor it names, or, for a sentence that names no actor, one
 * row whose actor, mention, stance and stance confidence are empty. The values are exactly the CSV's: confidences with
 * four decimals (the probability of the model's best label), a label whose probability is under the minimum confidence
 * written {@code uncertain}, line breaks in the sentence and mentions replaced by spaces, {@code ""} for an empty cell.
 *
 * <p>{@link #of} is the one place these rows are made: the CSV writer prints them, and the Spark job (module
 * {@code stancekit-spark}) writes the same rows as Parquet, CSV or JSON lines.
 */
public record ResultRow(String articleId, int sentenceIndex, int start, int end, String sentence, String sentiment,
                        String sentimentConfidence, String actor, String mention, String stance,
                        String stanceConfidence) {
    /** The column names, in order. */
    public static final List<String> HEADER = List.of("article_id", "sentence_index", "start", "end", "sentence",
            "sentiment", "sentiment_confidence", "actor", "mention", "stance", "stance_confidence");

    /** The rows of one scored article, in sentence order and, within a sentence, in the scorer's actor order. */
    public static List<ResultRow> of(ArticleResult result, double minConfidence) {
        List<ResultRow> rows = new ArrayList<>();
        String id = result.id();
        for (SentenceResult s : result.sentences()) {
            String text = oneLine(s.text());
            Prediction sentiment = s.sentiment();
            String sLabel = sentiment == null ? "" : Abstention.label(sentiment, minConfidence);
            String sConf = sentiment == null ? "" : confidence(sentiment.confidence());
            if (s.stances().isEmpty()) {
                rows.add(new ResultRow(id, s.index(), s.start(), s.end(), text, sLabel, sConf, "", "", "", ""));
                continue;
            }
            for (StanceResult st : s.stances()) {
                Prediction pred = st.stance();
                rows.add(new ResultRow(id, s.index(), s.start(), s.end(), text, sLabel, sConf, st.actor(),
                        mentionTexts(st.mentions()), pred == null ? "" : Abstention.label(pred, minConfidence),
                        pred == null ? "" : confidence(pred.confidence())));
            }
        }
        return rows;
    }

    /** The values in {@link #HEADER} order (indices and offsets as integers, the rest as text). */
    public List<Object> values() {
        return Arrays.asList(articleId, sentenceIndex, start, end, sentence, sentiment, sentimentConfidence, actor,
                mention, stance, stanceConfidence);
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replace('\r', ' ').replace('\n', ' ');
    }

    /** A probability as the CSV writes it: four decimals, rounded half-up from its shortest decimal form. */
    public static String confidence(double c) {
        // fast path for a probability not within 1e-6 of a rounding tie, where every rounding rule agrees;
        // String.format (a hundred times slower) decides the rest
        if (c >= 0 && c <= 1 && Double.doubleToRawLongBits(c) >= 0) {
            double scaled = c * 10_000;
            double frac = scaled - Math.floor(scaled);
            if (Math.abs(frac - 0.5) > 1e-6) {
                int v = (int) Math.round(scaled);
                char[] out = {(char) ('0' + v / 10_000), '.', (char) ('0' + v / 1000 % 10), (char) ('0' + v / 100 % 10),
                        (char) ('0' + v / 10 % 10), (char) ('0' + v % 10)};
                return new String(out);
            }
        }
        return String.format(Locale.ROOT, "%.4f", c);
    }

    /** The distinct mention texts, in order of first appearance, joined with {@code |}. */
    static String mentionTexts(List<Mention> mentions) {
        Set<String> seen = new LinkedHashSet<>();
        for (Mention m : mentions) {
            if (m.text() != null) seen.add(oneLine(m.text()));
        }
        return String.join("|", seen);
    }
}
