package org.stancekit.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.stancekit.actors.Mention;
import org.stancekit.model.Prediction;
import org.stancekit.score.Article;
import org.stancekit.score.ArticleResult;
import org.stancekit.score.SentenceResult;
import org.stancekit.score.StanceResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scored article as a Spark row, so that it is scored once, cached, and turned into result rows and summaries
 * afterwards. Everything the writers and the summary use is kept: the article's id, title and date, and per sentence its
 * index, span, text, truncation flag, sentiment and stances with their mentions and every label's probability
 * (explanations are not kept, and neither is the article text, which the sentences already hold). A row whose
 * {@code error} is set stands for an input that could not be read and has no sentences.
 */
final class ArticleCodec {
    private ArticleCodec() {}

    static final StructType PREDICTION = new StructType()
            .add("labels", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("probabilities", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
    static final StructType MENTION = new StructType()
            .add("actor", DataTypes.StringType)
            .add("start", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false)
            .add("text", DataTypes.StringType);
    static final StructType STANCE = new StructType()
            .add("actor", DataTypes.StringType, false)
            .add("mentions", DataTypes.createArrayType(MENTION, false), false)
            .add("stance", PREDICTION, true);
    static final StructType SENTENCE = new StructType()
            .add("index", DataTypes.IntegerType, false)
            .add("start", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false)
            .add("text", DataTypes.StringType, false)
            .add("truncated", DataTypes.BooleanType, false)
            .add("sentiment", PREDICTION, true)
            .add("stances", DataTypes.createArrayType(STANCE, false), false);
    /** One scored article, or one input that could not be read ({@code error} set, no sentences). */
    static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType)
            .add("title", DataTypes.StringType)
            .add("date", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("error", DataTypes.StringType)
            .add("sentences", DataTypes.createArrayType(SENTENCE, false));

    static final int ERROR = SCHEMA.fieldIndex("error");

    static Row encode(ArticleResult r, String source) {
        Article a = r.article();
        List<Row> sentences = new ArrayList<>(r.sentences().size());
        for (SentenceResult s : r.sentences()) {
            List<Row> stances = new ArrayList<>(s.stances().size());
            for (StanceResult st : s.stances()) {
                List<Row> mentions = new ArrayList<>(st.mentions().size());
                for (Mention m : st.mentions()) mentions.add(RowFactory.create(m.actor(), m.start(), m.end(), m.text()));
                stances.add(RowFactory.create(st.actor(), seq(mentions), encode(st.stance())));
            }
            sentences.add(RowFactory.create(s.index(), s.start(), s.end(), s.text(), s.truncated(),
                    encode(s.sentiment()), seq(stances)));
        }
        return RowFactory.create(a.id(), a.title(), a.date(), source, null, seq(sentences));
    }

    static Row error(String source, String message) {
        return RowFactory.create(null, null, null, source, message, null);
    }

    static boolean isError(Row row) {
        return !row.isNullAt(ERROR);
    }

    /** The scored article again (its text empty: see the class comment). */
    static ArticleResult decode(Row row) {
        List<Row> sentences = row.getList(5);
        List<SentenceResult> out = new ArrayList<>(sentences.size());
        for (Row s : sentences) {
            List<Row> stanceRows = s.getList(6);
            List<StanceResult> stances = new ArrayList<>(stanceRows.size());
            for (Row st : stanceRows) {
                List<Row> mentionRows = st.getList(1);
                List<Mention> mentions = new ArrayList<>(mentionRows.size());
                for (Row m : mentionRows) {
                    mentions.add(new Mention(m.getString(0), m.getInt(1), m.getInt(2), m.getString(3)));
                }
                stances.add(new StanceResult(st.getString(0), mentions, decodePrediction(st.getStruct(2))));
            }
            out.add(new SentenceResult(s.getInt(0), s.getInt(1), s.getInt(2), s.getString(3),
                    decodePrediction(s.getStruct(5)), stances, s.getBoolean(4)));
        }
        return new ArticleResult(new Article(row.getString(0), row.getString(1), "", row.getString(2)), out);
    }

    private static Row encode(Prediction p) {
        if (p == null) return null;
        List<String> labels = new ArrayList<>(p.probabilities().size());
        List<Double> probabilities = new ArrayList<>(p.probabilities().size());
        for (Map.Entry<String, Double> e : p.probabilities().entrySet()) {
            labels.add(e.getKey());
            probabilities.add(e.getValue());
        }
        return RowFactory.create(seq(labels), seq(probabilities));
    }

    /** Spark's row encoder takes Scala sequences for array columns. */
    private static <T> scala.collection.Seq<T> seq(List<T> list) {
        return scala.jdk.javaapi.CollectionConverters.asScala(list);
    }

    private static Prediction decodePrediction(Row r) {
        if (r == null) return null;
        List<String> labels = r.getList(0);
        List<Double> probabilities = r.getList(1);
        double[] p = new double[probabilities.size()];
        for (int i = 0; i < p.length; i++) p[i] = probabilities.get(i);
        return Prediction.of(labels, p);
    }
}
