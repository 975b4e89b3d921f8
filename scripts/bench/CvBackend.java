import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.MentionMatcher;
import org.stancekit.data.Columns;
import org.stancekit.data.LabelledData;
import org.stancekit.data.StanceExample;
import org.stancekit.data.TrainingCsv;
import org.stancekit.model.Classifier;
import org.stancekit.model.FeatureConfig;
import org.stancekit.model.Prediction;
import org.stancekit.model.StanceQuery;
import org.stancekit.model.Task;
import org.stancekit.model.neural.NeuralParams;
import org.stancekit.train.LinearParams;
import org.stancekit.train.Splits;
import org.stancekit.train.Trainer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 5-fold CV of `train` as the benchmark runs it (dev split 0.1 inside each fold's training part, seed 42) with a given
 * backend; pooled F_avg of favor and against per fold seed, and the three labels' F1.
 * Usage: java -cp stancekit-cli.jar scripts/bench/CvBackend.java SEEDS BACKEND BAG FILE.csv...
 */
public class CvBackend {
    public static void main(String[] a) {
        long[] seeds = java.util.Arrays.stream(a[0].split(",")).mapToLong(Long::parseLong).toArray();
        Trainer.Backend backend = Trainer.Backend.parse(a[1]);
        int bag = Integer.parseInt(a[2]);
        ActorLexicon lex = ActorLexicon.loadDefault();
        TrainingCsv reader = new TrainingCsv(Columns.defaults(), new MentionMatcher(lex), StandardCharsets.UTF_8,
                w -> {});
        List<LabelledData> parts = new ArrayList<>();
        for (int i = 3; i < a.length; i++) parts.add(reader.read(Path.of(a[i]), Set.of(Task.STANCE)));
        List<StanceExample> all = LabelledData.concat(parts).stance();
        Trainer.Options o = new Trainer.Options(Set.of(Task.STANCE), new LinearParams(3.0, 2, 1e-5, 500),
                FeatureConfig.defaults(), 42, 0.1, Map.of(), false, Map.of())
                .withBackend(backend, NeuralParams.defaults().withBag(bag));
        double sum = 0;
        for (long seed : seeds) {
            int[] fold = Splits.folds(all, 5, seed, StanceExample::group, StanceExample::label);
            List<String> gold = new ArrayList<>(), pred = new ArrayList<>();
            for (int f = 0; f < 5; f++) {
                List<StanceExample> tr = new ArrayList<>(), te = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) (fold[i] == f ? te : tr).add(all.get(i));
                long t0 = System.nanoTime();
                Trainer.Result r = Trainer.train(new LabelledData(tr, List.of(), List.of()), null, lex, o, s -> {
                    if (s.contains("ensemble:") || s.contains("dev macro")) System.err.println("  " + s);
                });
                @SuppressWarnings("unchecked")
                Classifier<StanceQuery> c = (Classifier<StanceQuery>) r.bundle().tasks().get(Task.STANCE).classifier();
                for (Prediction p : c.predictAll(te.stream().map(StanceExample::query).toList())) pred.add(p.label());
                te.forEach(e -> gold.add(e.label()));
                System.err.printf("seed %d fold %d: %.0f s%n", seed, f, (System.nanoTime() - t0) / 1e9);
            }
            double fav = f1(gold, pred, "favor"), ag = f1(gold, pred, "against"), ne = f1(gold, pred, "neutral");
            System.out.printf("seed %d %s bag %d: F_avg %.4f (favor %.4f, against %.4f, none %.4f)%n", seed, a[1], bag,
                    (fav + ag) / 2, fav, ag, ne);
            sum += (fav + ag) / 2;
        }
        System.out.printf("MEAN %s bag %d: %.4f%n", a[1], bag, sum / seeds.length);
    }

    static double f1(List<String> gold, List<String> pred, String k) {
        int tp = 0, p = 0, g = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (pred.get(i).equals(k)) p++;
            if (gold.get(i).equals(k)) g++;
            if (pred.get(i).equals(k) && gold.get(i).equals(k)) tp++;
        }
        return tp == 0 ? 0 : 2.0 * tp / (p + g);
    }
}
