package org.stancekit.train;

import org.junit.jupiter.api.Test;
import org.stancekit.actors.Mention;
import org.stancekit.data.LabelledData;
import org.stancekit.data.SentimentExample;
import org.stancekit.data.StanceExample;
import org.stancekit.model.FeatureConfig;
import org.stancekit.model.LinearClassifier;
import org.stancekit.model.StanceFeaturizer;
import org.stancekit.model.StanceQuery;
import org.stancekit.model.Task;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
    /** Small synthetic data where the word right before or after the target decides the label. */
    static List<StanceExample> examples() {
        String[] pos = {"praised", "thanked", "welcomed", "supported", "applauded"};
        String[] neg = {"condemned", "accused", "sanctioned", "attacked", "threatened"};
        String[] obj = {"Spain", "Chile", "Kenya", "Nepal", "Peru", "Oman"};
        List<StanceExample> out = new ArrayList<>();
        int id = 0;
        for (String o : obj) {
            for (int i = 0; i < pos.length; i++) {
                for (String[] verbs : List.of(pos, neg)) {
                    String s = "Officials " + verbs[i] + " " + o + " on day " + (id++) + ".";
                    int start = s.indexOf(o);
                    StanceQuery q = new StanceQuery(s, o, List.of(new Mention(o, start, start + o.length(), o)),
                            List.of());
                    out.add(new StanceExample(q, verbs == pos ? "favor" : "against", "test"));
                }
            }
        }
        return out;
    }

    @Test
    void learnsAndIsDeterministic() {
        List<StanceExample> ex = examples();
        List<StanceQuery> in = ex.stream().map(StanceExample::query).toList();
        List<String> gold = ex.stream().map(StanceExample::label).toList();
        LinearClassifier<StanceQuery> a = LinearTrainer.train(in, gold, List.of("favor", "against"),
                new StanceFeaturizer(FeatureConfig.defaults()), LinearParams.defaults());
        LinearClassifier<StanceQuery> b = LinearTrainer.train(in, gold, List.of("favor", "against"),
                new StanceFeaturizer(FeatureConfig.defaults()), LinearParams.defaults());
        int right = 0;
        for (int i = 0; i < in.size(); i++) {
            assertArrayEquals(a.model().probabilities(a.featurizer().features(in.get(i))),
                    b.model().probabilities(b.featurizer().features(in.get(i))));
            if (a.predict(in.get(i)).label().equals(gold.get(i))) right++;
        }
        assertEquals(in.size(), right, "a separable training set is learned");
    }

    @Test
    void trainerCalibratesEvaluatesAndRecordsProvenance() {
        List<SentimentExample> sentiment = new ArrayList<>();
        for (StanceExample e : examples()) {
            sentiment.add(new SentimentExample(e.query().text(), e.label().equals("favor") ? "positive" : "negative",
                    "test"));
        }
        LabelledData data = new LabelledData(examples(), sentiment, List.of());
        Trainer.Result r = Trainer.train(data, null, org.stancekit.actors.ActorLexicon.loadDefault(),
                Trainer.Options.defaults(EnumSet.allOf(Task.class)), msg -> { });
        assertEquals(EnumSet.allOf(Task.class), r.bundle().tasks().keySet());
        Evaluation dev = r.dev().get(Task.STANCE);
        assertTrue(dev.n() > 0 && dev.macroF1() > 0.8, "dev macro-F1 " + dev.macroF1());
        var info = r.bundle().tasks().get(Task.STANCE).info();
        assertEquals(42L, ((Number) info.get("seed")).longValue());
        assertTrue(info.containsKey("dev_metrics") && info.containsKey("hyper_parameters")
                && info.containsKey("feature_config") && info.containsKey("versions"), info.keySet().toString());
    }
}
