package org.stancekit.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stancekit.actors.Mention;
import org.stancekit.model.Prediction;
import org.stancekit.score.Abstention;
import org.stancekit.score.Article;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.Explanation;
import org.stancekit.score.SentenceResult;
import org.stancekit.score.StanceResult;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * JSON Lines, one object per sentence:
 * <pre>{"article_id", "title"?, "date"?, "sentence_index", "start", "end", "text",
 *  "sentiment": {"label", "confidence", "probabilities": {label: p}, "explanation"?},
 *  "stances": [{"actor", "mentions": [{"text", "start", "end"}], "label", "confidence", "probabilities",
 *               "explanation"?}],
 *  "truncated"}</pre>
 * Offsets are article offsets; probabilities and confidences are rounded to 6 decimals. Below the minimum confidence
 * {@code label} is {@code uncertain} and {@code confidence} stays the top probability. {@code explanation} (when the
 * results carry one) is {@code {"label", "features": [{"feature", "description", "contribution"}], "rest"}}.
 */
final class JsonlResultWriter implements ResultWriter {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final Writer out;
    private final double minConfidence;

    JsonlResultWriter(Writer out) {
        this(out, 0);
    }

    JsonlResultWriter(Writer out, double minConfidence) {
        this.out = out;
        this.minConfidence = minConfidence;
    }

    @Override
    public void write(ArticleResult result) throws IOException {
        Article a = result.article();
        for (SentenceResult s : result.sentences()) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("article_id", a.id());
            if (a.title() != null) o.put("title", a.title());
            if (a.date() != null) o.put("date", a.date());
            o.put("sentence_index", s.index());
            o.put("start", s.start());
            o.put("end", s.end());
            o.put("text", s.text());
            if (s.sentiment() == null) {
                o.putNull("sentiment");
            } else {
                ObjectNode sent = o.putObject("sentiment");
                putPrediction(sent, s.sentiment(), minConfidence);
                putExplanation(sent, s.sentimentExplanation());
            }
            ArrayNode stances = o.putArray("stances");
            for (StanceResult st : s.stances()) {
                ObjectNode so = stances.addObject();
                so.put("actor", st.actor());
                ArrayNode ms = so.putArray("mentions");
                for (Mention m : st.mentions()) {
                    ObjectNode mo = ms.addObject();
                    mo.put("text", m.text());
                    mo.put("start", m.start());
                    mo.put("end", m.end());
                }
                if (st.stance() == null) {
                    so.putNull("label");
                } else {
                    putPrediction(so, st.stance(), minConfidence);
                    putExplanation(so, st.explanation());
                }
            }
            o.put("truncated", s.truncated());
            out.write(toJson(o));
            out.write('\n');
        }
        out.flush();
    }

    private static String toJson(ObjectNode o) throws IOException {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void putPrediction(ObjectNode o, Prediction p, double minConfidence) {
        o.put("label", Abstention.label(p, minConfidence));
        putNumber(o, "confidence", p.confidence());
        ObjectNode probs = o.putObject("probabilities");
        for (Map.Entry<String, Double> e : p.probabilities().entrySet()) {
            putNumber(probs, e.getKey(), e.getValue() == null ? Double.NaN : e.getValue());
        }
    }

    private static void putExplanation(ObjectNode o, Explanation e) {
        if (e == null) return;
        ObjectNode x = o.putObject("explanation");
        x.put("label", e.label());
        ArrayNode fs = x.putArray("features");
        for (Explanation.Contribution c : e.top()) {
            ObjectNode f = fs.addObject();
            f.put("feature", c.feature());
            f.put("description", c.description());
            putNumber(f, "contribution", c.value());
        }
        putNumber(x, "rest", e.rest());
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, round6(v));
        else o.putNull(key);
    }

    /** {@code v} rounded half-up to 6 decimals, written plainly ({@code 0.000001}, not {@code 1E-6}). */
    static BigDecimal round6(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 1 ? d.setScale(1, RoundingMode.UNNECESSARY) : d;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
