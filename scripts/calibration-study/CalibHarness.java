package org.stancekit.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.MentionMatcher;
import org.stancekit.data.*;
import org.stancekit.model.*;
import org.stancekit.model.neural.*;

import java.nio.file.Path;
import java.util.*;
import java.util.function.Function;

/** Scratch harness: outer K-fold; per fold an inner seeded dev split; dumps raw linear scores / neural probs. */
public final class CalibHarness {
    public static void main(String[] a) throws Exception {
        String task = a[0], backend = a[1];
        int K = Integer.parseInt(a[2]);
        long seed = Long.parseLong(a[3]);
        Path out = Path.of(a[4]);
        List<Path> files = new ArrayList<>();
        for (int i = 5; i < a.length; i++) files.add(Path.of(a[i]));
        ActorLexicon lex = ActorLexicon.loadDefault();
        TrainingCsv reader = new TrainingCsv(Columns.defaults(), new MentionMatcher(lex), java.nio.charset.StandardCharsets.UTF_8, s -> {});
        List<LabelledData> parts = new ArrayList<>();
        Set<Task> tasks = Set.of(task.equals("stance") ? Task.STANCE : Task.SENTIMENT);
        for (Path f : files) parts.add(reader.read(f, tasks));
        LabelledData d = LabelledData.concat(parts);
        Map<String, Object> res = task.equals("stance")
                ? run(Task.STANCE, d.stance(), StanceExample::label, StanceExample::group, StanceExample::query, new StanceFeaturizer(FeatureConfig.defaults()), backend, K, seed)
                : run(Task.SENTIMENT, d.sentiment(), SentimentExample::label, SentimentExample::group, SentimentExample::text, new SentimentFeaturizer(FeatureConfig.defaults()), backend, K, seed);
        new ObjectMapper().writeValue(out.toFile(), res);
    }

    static <E, I> Map<String, Object> run(Task task, List<E> all, Function<E, String> label, Function<E, String> group,
                                          Function<E, I> input, Featurizer<I> fz, String backend, int K, long seed) {
        List<String> labels = LinearTrainer.labelOrder(all.stream().map(label).toList(), task.defaultLabels());
        int[] fold = Splits.folds(all, K, seed, group, label);
        LinearParams lp = LinearParams.defaults();
        NeuralParams np = new NeuralParams("cnn", 100, 16, 128, 3, 0.5, 1e-3, 1e-5, 32, 12, 2, 60, 1, true, 5, List.of(),
                NeuralParams.DEFAULT_BAG, false, false, 0.0, 0.0);
        List<Object> folds = new ArrayList<>();
        for (int f = 0; f < K; f++) {
            long t0 = System.nanoTime();
            List<E> trainPart = new ArrayList<>(), test = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) (fold[i] == f ? test : trainPart).add(all.get(i));
            Splits.Split<E> sp = Splits.trainDev(trainPart, 0.1, seed, group, label);
            List<E> tr = sp.train(), dev = sp.dev();
            Function<List<E>, List<I>> in = l -> l.stream().map(input).toList();
            Function<List<E>, int[]> ys = l -> LinearTrainer.indexOf(labels, l.stream().map(label).toList());
            LinearClassifier<I> lin = LinearTrainer.train(in.apply(tr), tr.stream().map(label).toList(), labels, fz, lp);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("y_dev", ys.apply(dev));
            m.put("y_test", ys.apply(test));
            m.put("y_tr", ys.apply(tr));
            m.put("lin_dev", LinearTrainer.scores(lin, in.apply(dev)));
            m.put("lin_test", LinearTrainer.scores(lin, in.apply(test)));
            // inner 5-fold OOF linear scores over tr
            int[] inner = Splits.folds(tr, 5, seed, group, label);
            double[][] oof = new double[tr.size()][];
            for (int g = 0; g < 5; g++) {
                List<E> a = new ArrayList<>(), b = new ArrayList<>();
                List<Integer> bi = new ArrayList<>();
                for (int i = 0; i < tr.size(); i++) if (inner[i] == g) { b.add(tr.get(i)); bi.add(i); } else a.add(tr.get(i));
                LinearClassifier<I> c = LinearTrainer.train(in.apply(a), a.stream().map(label).toList(), labels, fz, lp);
                double[][] s = LinearTrainer.scores(c, in.apply(b));
                for (int j = 0; j < bi.size(); j++) oof[bi.get(j)] = s[j];
            }
            m.put("lin_oof", oof);
            if (backend.equals("ensemble")) {
                NeuralTrainer.Result<I> r = NeuralTrainer.train(task, in.apply(tr), tr.stream().map(label).toList(), labels,
                        in.apply(dev), dev.stream().map(label).toList(), np, seed, s -> {});
                m.put("neu_dev", r.classifier().rawProbabilities(in.apply(dev)));
                m.put("neu_test", r.classifier().rawProbabilities(in.apply(test)));
            }
            folds.add(m);
            System.err.printf("fold %d/%d done in %.1f s (train %d dev %d test %d)%n", f + 1, K, (System.nanoTime() - t0) / 1e9, tr.size(), dev.size(), test.size());
        }
        return Map.of("labels", labels, "folds", folds);
    }
}
