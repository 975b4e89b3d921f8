import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.MentionMatcher;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.data.Columns;
import org.stancekit.data.LabelledData;
import org.stancekit.data.SentimentExample;
import org.stancekit.data.StanceExample;
import org.stancekit.data.TrainingCsv;
import org.stancekit.model.Classifier;
import org.stancekit.model.FeatureConfig;
import org.stancekit.model.FeatureSink;
import org.stancekit.model.Featurizer;
import org.stancekit.model.LinearClassifier;
import org.stancekit.model.SentimentFeaturizer;
import org.stancekit.model.StanceFeaturizer;
import org.stancekit.model.StanceQuery;
import org.stancekit.model.Task;
import org.stancekit.train.LinearParams;
import org.stancekit.train.LinearTrainer;
import org.stancekit.train.Splits;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sentence sentiment as a stance feature, conjoined with the topic target ("a=X|sent=negative"), SemEval CV as in
 * CvFavg (pooled F_avg, arg-max). MODE: none | shipped (the sentiment of models/default, trained on news) |
 * stacked (a sentiment model trained on the fold's training tweets' own sentiment column: out-of-fold predictions of
 * an inner 5-fold CV for the training tweets, the model on the whole training part for the test fold).
 * Usage: java -cp stancekit-cli.jar scripts/bench/CvSentimentFeature.java SEEDS MODE MODEL_DIR FILE.csv...
 */
public class CvSentimentFeature {
    static final List<String> LABELS = List.of("favor", "against", "neutral");

    public static void main(String[] a) {
        long[] seeds = java.util.Arrays.stream(a[0].split(",")).mapToLong(Long::parseLong).toArray();
        String mode = a[1];
        TrainingCsv reader = new TrainingCsv(Columns.defaults(), new MentionMatcher(ActorLexicon.loadDefault()),
                StandardCharsets.UTF_8, w -> {});
        List<LabelledData> parts = new ArrayList<>();
        for (int i = 3; i < a.length; i++) parts.add(reader.read(Path.of(a[i]), Set.of(Task.STANCE, Task.SENTIMENT)));
        LabelledData d = LabelledData.concat(parts);
        List<StanceExample> all = d.stance();
        List<SentimentExample> sent = d.sentiment();
        if (sent.size() != all.size()) throw new IllegalStateException(sent.size() + " vs " + all.size());
        for (int i = 0; i < all.size(); i++) {
            if (!sent.get(i).text().equals(all.get(i).query().text())) throw new IllegalStateException("row " + i);
        }
        LinearParams params = new LinearParams(3.0, 2, 1e-5, 500);
        Map<StanceQuery, String> feature = new IdentityHashMap<>();
        Featurizer<StanceQuery> base = new StanceFeaturizer(FeatureConfig.defaults());
        Featurizer<StanceQuery> feat = new Featurizer<>() {
            final Map<StanceQuery, List<String>> cache = new IdentityHashMap<>();

            @Override
            public void features(StanceQuery q, FeatureSink sink) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<String> features(StanceQuery q) {
                List<String> f = new ArrayList<>(cache.computeIfAbsent(q, base::features));
                String s = feature.get(q);
                if (s != null) f.add("a=" + q.actor() + "|sent=" + s);
                return f;
            }
        };
        Classifier<String> shipped = null;
        if (mode.equals("shipped")) {
            @SuppressWarnings("unchecked")
            Classifier<String> c = (Classifier<String>) ModelBundle.load(Path.of(a[2])).tasks().get(Task.SENTIMENT)
                    .classifier();
            shipped = c;
            for (StanceExample e : all) feature.put(e.query(), c.predict(e.query().text()).label());
        }
        SentimentFeaturizer sf = new SentimentFeaturizer(FeatureConfig.defaults());
        double sum = 0;
        for (long seed : seeds) {
            int[] fold = Splits.folds(all, 5, seed, StanceExample::group, StanceExample::label);
            int n = all.size();
            int[] gold = new int[n], pred = new int[n];
            for (int f = 0; f < 5; f++) {
                List<Integer> tr = new ArrayList<>(), te = new ArrayList<>();
                for (int i = 0; i < n; i++) (fold[i] == f ? te : tr).add(i);
                if (mode.equals("stacked")) {
                    // the test fold: a sentiment model on the whole training part
                    LinearClassifier<String> sm = trainSentiment(tr, sent, sf, params);
                    for (int i : te) feature.put(all.get(i).query(), sm.predict(sent.get(i).text()).label());
                    // the training part: inner out-of-fold predictions
                    List<StanceExample> trEx = tr.stream().map(all::get).toList();
                    int[] inner = Splits.folds(trEx, 5, seed, StanceExample::group, StanceExample::label);
                    for (int g = 0; g < 5; g++) {
                        List<Integer> itr = new ArrayList<>(), ite = new ArrayList<>();
                        for (int j = 0; j < tr.size(); j++) (inner[j] == g ? ite : itr).add(tr.get(j));
                        LinearClassifier<String> im = trainSentiment(itr, sent, sf, params);
                        for (int i : ite) feature.put(all.get(i).query(), im.predict(sent.get(i).text()).label());
                    }
                }
                List<String> g = tr.stream().map(i -> all.get(i).label()).toList();
                LinearClassifier<StanceQuery> c = LinearTrainer.train(tr.stream().map(i -> all.get(i).query())
                        .toList(), g, LinearTrainer.labelOrder(g, LABELS), feat, params);
                for (int i : te) {
                    double[] s = c.model().scores(c.model().indices(feat.features(all.get(i).query())));
                    int best = 0;
                    for (int k = 1; k < s.length; k++) if (s[k] > s[best]) best = k;
                    pred[i] = LABELS.indexOf(c.labels().get(best));
                    gold[i] = LABELS.indexOf(all.get(i).label());
                }
            }
            double fa = (f1(gold, pred, 0) + f1(gold, pred, 1)) / 2;
            System.out.printf("seed %d %s: F_avg %.4f%n", seed, mode, fa);
            sum += fa;
        }
        System.out.printf("MEAN %s %.4f%n", mode, sum / seeds.length);
    }

    static LinearClassifier<String> trainSentiment(List<Integer> idx, List<SentimentExample> sent,
                                                   SentimentFeaturizer sf, LinearParams p) {
        List<String> g = idx.stream().map(i -> sent.get(i).label()).toList();
        return LinearTrainer.train(idx.stream().map(i -> sent.get(i).text()).toList(), g,
                LinearTrainer.labelOrder(g, List.of("positive", "negative", "neutral")), sf, p);
    }

    static double f1(int[] gold, int[] pred, int k) {
        int tp = 0, p = 0, g = 0;
        for (int i = 0; i < gold.length; i++) {
            if (pred[i] == k) p++;
            if (gold[i] == k) g++;
            if (pred[i] == k && gold[i] == k) tp++;
        }
        return tp == 0 ? 0 : 2.0 * tp / (p + g);
    }
}
