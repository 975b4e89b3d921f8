import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.MentionMatcher;
import org.stancekit.data.Columns;
import org.stancekit.data.LabelledData;
import org.stancekit.data.StanceExample;
import org.stancekit.data.TrainingCsv;
import org.stancekit.model.FeatureConfig;
import org.stancekit.model.FeatureSink;
import org.stancekit.model.Featurizer;
import org.stancekit.model.LinearClassifier;
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
import java.util.TreeMap;

/**
 * SemEval-style cross-validation of decision rules for F_avg (mean F1 of favor and against), linear backend.
 * Usage: java -cp stancekit-cli.jar scripts/bench/CvFavg.java SEEDS LAMBDA MIN_COUNT FILE.csv...
 * (SEEDS: comma-separated fold seeds). For each fold seed: 5-fold CV (grouped, label-stratified, as cross-validate);
 * prints the pooled F_avg of arg-max predictions and of predictions with label-score shifts chosen on out-of-fold scores
 * of an inner 5-fold CV inside each outer training part (nested: the outer test fold is never seen by the choice).
 */
public class CvFavg {
    static final List<String> LABELS = List.of("favor", "against", "neutral");

    public static void main(String[] a) throws Exception {
        long[] seeds = java.util.Arrays.stream(a[0].split(",")).mapToLong(Long::parseLong).toArray();
        double lambda = Double.parseDouble(a[1]);
        int minCount = Integer.parseInt(a[2]);
        TrainingCsv reader = new TrainingCsv(Columns.defaults(), new MentionMatcher(ActorLexicon.loadDefault()),
                StandardCharsets.UTF_8, w -> {});
        List<LabelledData> parts = new ArrayList<>();
        for (int i = 3; i < a.length; i++) parts.add(reader.read(Path.of(a[i]), java.util.Set.of(Task.STANCE)));
        List<StanceExample> all = LabelledData.concat(parts).stance();
        FeatureConfig fc = FeatureConfig.defaults();
        Featurizer<StanceQuery> feat = new Cached(new StanceFeaturizer(fc));
        LinearParams params = new LinearParams(lambda, minCount, 1e-5, 500);
        String[] rules = {"argmax", "global-macroF1", "global-Favg", "per-target-Favg"};
        double[][] res = new double[rules.length][seeds.length];
        for (int si = 0; si < seeds.length; si++) {
            long seed = seeds[si];
            int[] fold = Splits.folds(all, 5, seed, StanceExample::group, StanceExample::label);
            int n = all.size();
            int[][] pred = new int[rules.length][n];
            for (int f = 0; f < 5; f++) {
                List<StanceExample> tr = new ArrayList<>(), te = new ArrayList<>();
                List<Integer> teIdx = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (fold[i] == f) {
                        te.add(all.get(i));
                        teIdx.add(i);
                    } else tr.add(all.get(i));
                }
                double[][] s = scores(train(tr, feat, params), te, feat);
                // inner CV on tr for the decision rule
                Oof inner = oof(tr, feat, params, seed);
                double[][] shifts = new double[rules.length][];
                double[] dMacro = fit(inner, false, false);
                double[] dFavg = fit(inner, true, false);
                double[] dTarget = fit(inner, true, true);
                for (int j = 0; j < te.size(); j++) {
                    int i = teIdx.get(j);
                    String actor = te.get(j).query().actor();
                    pred[0][i] = argmax(s[j], null, 0);
                    pred[1][i] = argmax(s[j], dMacro, 0);
                    pred[2][i] = argmax(s[j], dFavg, 0);
                    pred[3][i] = argmax(s[j], dTarget, 3 * inner.actorIndex(actor));
                }
                System.err.printf("seed %d fold %d: global-Favg shift %s; per-target %s%n", seed, f,
                        java.util.Arrays.toString(dFavg), java.util.Arrays.toString(dTarget));
            }
            int[] gold = new int[n];
            for (int i = 0; i < n; i++) gold[i] = LABELS.indexOf(all.get(i).label());
            for (int r = 0; r < rules.length; r++) {
                res[r][si] = favg(gold, pred[r]);
                System.out.printf("seed %d %-16s F_avg %.4f  macroF1 %.4f%n", seed, rules[r], res[r][si],
                        macro(gold, pred[r]));
            }
        }
        for (int r = 0; r < rules.length; r++) {
            System.out.printf("MEAN %-16s %.4f  %s%n", rules[r], java.util.Arrays.stream(res[r]).average().orElse(0),
                    java.util.Arrays.toString(res[r]));
        }
    }

    record Oof(double[][] scores, int[] gold, String[] actor, List<String> actors) {
        int actorIndex(String a) {
            int i = actors.indexOf(a);
            return i < 0 ? -1 : i;
        }
    }

    static Oof oof(List<StanceExample> data, Featurizer<StanceQuery> feat, LinearParams params, long seed) {
        int n = data.size();
        int[] fold = Splits.folds(data, 5, seed, StanceExample::group, StanceExample::label);
        double[][] s = new double[n][];
        for (int f = 0; f < 5; f++) {
            List<StanceExample> tr = new ArrayList<>(), te = new ArrayList<>();
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    te.add(data.get(i));
                    idx.add(i);
                } else tr.add(data.get(i));
            }
            double[][] sc = scores(train(tr, feat, params), te, feat);
            for (int j = 0; j < idx.size(); j++) s[idx.get(j)] = sc[j];
        }
        int[] gold = new int[n];
        String[] actor = new String[n];
        java.util.TreeSet<String> actors = new java.util.TreeSet<>();
        for (int i = 0; i < n; i++) {
            gold[i] = LABELS.indexOf(data.get(i).label());
            actor[i] = data.get(i).query().actor();
            actors.add(actor[i]);
        }
        return new Oof(s, gold, actor, new ArrayList<>(actors));
    }

    /** Shifts (per actor x label when perTarget, neutral fixed at 0) by coordinate ascent on a [-2, 2] grid. */
    static double[] fit(Oof o, boolean favgObjective, boolean perTarget) {
        int groups = perTarget ? o.actors.size() : 1;
        double[] d = new double[3 * groups];
        int[] off = new int[o.gold.length];
        for (int i = 0; i < off.length; i++) off[i] = perTarget ? 3 * o.actorIndex(o.actor[i]) : 0;
        double best = objective(o, d, off, favgObjective);
        for (int round = 0; round < 3; round++) {
            for (int g = 0; g < groups; g++) {
                for (int k = 0; k < 2; k++) {
                    int c = 3 * g + k;
                    double keep = d[c];
                    for (int step = -20; step <= 20; step++) {
                        double old = d[c];
                        d[c] = step / 10.0;
                        double v = objective(o, d, off, favgObjective);
                        if (v > best + 1e-12) {
                            best = v;
                            keep = d[c];
                        }
                        d[c] = old;
                    }
                    d[c] = keep;
                }
            }
        }
        return d;
    }

    static double objective(Oof o, double[] d, int[] off, boolean favgObjective) {
        int[] p = new int[o.gold.length];
        for (int i = 0; i < p.length; i++) p[i] = argmax(o.scores[i], d, off[i]);
        return favgObjective ? favg(o.gold, p) : macro(o.gold, p);
    }

    static int argmax(double[] s, double[] d, int off) {
        int best = 0;
        for (int k = 1; k < s.length; k++) {
            double v = s[k] + (d == null ? 0 : d[off + k]), b = s[best] + (d == null ? 0 : d[off + best]);
            if (v > b) best = k;
        }
        return best;
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

    static double favg(int[] gold, int[] pred) {
        return (f1(gold, pred, 0) + f1(gold, pred, 1)) / 2;
    }

    static double macro(int[] gold, int[] pred) {
        return (f1(gold, pred, 0) + f1(gold, pred, 1) + f1(gold, pred, 2)) / 3;
    }

    static LinearClassifier<StanceQuery> train(List<StanceExample> tr, Featurizer<StanceQuery> feat, LinearParams p) {
        List<String> gold = tr.stream().map(StanceExample::label).toList();
        return LinearTrainer.train(tr.stream().map(StanceExample::query).toList(), gold,
                LinearTrainer.labelOrder(gold, LABELS), feat, p);
    }

    static double[][] scores(LinearClassifier<StanceQuery> c, List<StanceExample> te, Featurizer<StanceQuery> feat) {
        double[][] s = LinearTrainer.scores(c, te.stream().map(StanceExample::query).toList());
        return s;
    }

    /** Feature lists computed once per query object. */
    static final class Cached implements Featurizer<StanceQuery> {
        private final Featurizer<StanceQuery> inner;
        private final Map<StanceQuery, List<String>> cache = new IdentityHashMap<>();

        Cached(Featurizer<StanceQuery> inner) {
            this.inner = inner;
        }

        @Override
        public void features(StanceQuery q, FeatureSink sink) {
            inner.features(q, sink);
        }

        @Override
        public synchronized List<String> features(StanceQuery q) {
            return cache.computeIfAbsent(q, inner::features);
        }
    }
}
