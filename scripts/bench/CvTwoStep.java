import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.MentionMatcher;
import org.stancekit.data.Columns;
import org.stancekit.data.LabelledData;
import org.stancekit.data.StanceExample;
import org.stancekit.data.TrainingCsv;
import org.stancekit.model.FeatureConfig;
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
import java.util.List;
import java.util.Set;

/**
 * Two-step stance (as ECNU at SemEval-2016 T6): a "has a stance" vs neutral model, and a favor vs against model trained
 * on the tweets with a stance; p(favor) = p(stance) p(favor | stance). SemEval CV as in CvFavg, pooled F_avg, arg-max.
 * Usage: java -cp stancekit-cli.jar scripts/bench/CvTwoStep.java SEEDS FILE.csv...
 */
public class CvTwoStep {
    public static void main(String[] a) {
        long[] seeds = java.util.Arrays.stream(a[0].split(",")).mapToLong(Long::parseLong).toArray();
        TrainingCsv reader = new TrainingCsv(Columns.defaults(), new MentionMatcher(ActorLexicon.loadDefault()),
                StandardCharsets.UTF_8, w -> {});
        List<LabelledData> parts = new ArrayList<>();
        for (int i = 1; i < a.length; i++) parts.add(reader.read(Path.of(a[i]), Set.of(Task.STANCE)));
        List<StanceExample> all = LabelledData.concat(parts).stance();
        StanceFeaturizer feat = new StanceFeaturizer(FeatureConfig.defaults());
        List<List<String>> fx = all.stream().map(e -> feat.features(e.query())).toList();
        LinearParams p = new LinearParams(3.0, 2, 1e-5, 500);
        double sum = 0;
        for (long seed : seeds) {
            int[] fold = Splits.folds(all, 5, seed, StanceExample::group, StanceExample::label);
            List<String> gold = new ArrayList<>(), pred = new ArrayList<>();
            for (int f = 0; f < 5; f++) {
                List<StanceQuery> trA = new ArrayList<>(), trB = new ArrayList<>();
                List<String> yA = new ArrayList<>(), yB = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    if (fold[i] == f) continue;
                    String l = all.get(i).label();
                    trA.add(all.get(i).query());
                    yA.add(l.equals("neutral") ? "neutral" : "stance");
                    if (!l.equals("neutral")) {
                        trB.add(all.get(i).query());
                        yB.add(l);
                    }
                }
                LinearClassifier<StanceQuery> mA = LinearTrainer.train(trA, yA, List.of("stance", "neutral"), feat, p);
                LinearClassifier<StanceQuery> mB = LinearTrainer.train(trB, yB, List.of("favor", "against"), feat, p);
                for (int i = 0; i < all.size(); i++) {
                    if (fold[i] != f) continue;
                    double[] pa = mA.model().probabilities(fx.get(i)), pb = mB.model().probabilities(fx.get(i));
                    double fav = pa[0] * pb[0], ag = pa[0] * pb[1], ne = pa[1];
                    pred.add(fav >= ag && fav >= ne ? "favor" : ag >= ne ? "against" : "neutral");
                    gold.add(all.get(i).label());
                }
            }
            double v = (f1(gold, pred, "favor") + f1(gold, pred, "against")) / 2;
            System.out.printf("seed %d two-step: F_avg %.4f%n", seed, v);
            sum += v;
        }
        System.out.printf("MEAN two-step %.4f%n", sum / seeds.length);
    }

    static double f1(List<String> gold, List<String> pred, String k) {
        int tp = 0, pp = 0, g = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (pred.get(i).equals(k)) pp++;
            if (gold.get(i).equals(k)) g++;
            if (pred.get(i).equals(k) && gold.get(i).equals(k)) tp++;
        }
        return tp == 0 ? 0 : 2.0 * tp / (pp + g);
    }
}
