package org.stancekit.train;

import org.stancekit.BadInputException;
import org.stancekit.data.LabelledData;
import org.stancekit.data.SentimentExample;
import org.stancekit.data.StanceExample;
import org.stancekit.model.FeatureConfig;
import org.stancekit.model.Featurizer;
import org.stancekit.model.LinearClassifier;
import org.stancekit.model.SentimentFeaturizer;
import org.stancekit.model.StanceFeaturizer;
import org.stancekit.model.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** K-fold cross-validation of the linear backend on one task. */
public final class CrossValidation {
    private CrossValidation() {}

    /** Per-fold evaluations and the evaluation of all folds' predictions pooled. */
    public record Result(List<Evaluation> folds, Evaluation pooled) {
        public double meanMacroF1() {
            return folds.stream().mapToDouble(Evaluation::macroF1).average().orElse(0);
        }

        public double sdMacroF1() {
            return sd(folds.stream().mapToDouble(Evaluation::macroF1).toArray());
        }

        public double meanAccuracy() {
            return folds.stream().mapToDouble(Evaluation::accuracy).average().orElse(0);
        }

        public double sdAccuracy() {
            return sd(folds.stream().mapToDouble(Evaluation::accuracy).toArray());
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("folds", folds.size());
            m.put("macro_f1_mean", meanMacroF1());
            m.put("macro_f1_sd", sdMacroF1());
            m.put("accuracy_mean", meanAccuracy());
            m.put("accuracy_sd", sdAccuracy());
            m.put("per_fold_macro_f1", folds.stream().map(Evaluation::macroF1).toList());
            m.put("pooled", pooled.toMap());
            return m;
        }

        private static double sd(double[] v) {
            if (v.length < 2) return 0;
            double mean = java.util.Arrays.stream(v).average().orElse(0), s = 0;
            for (double x : v) s += (x - mean) * (x - mean);
            return Math.sqrt(s / (v.length - 1));
        }
    }

    public static Result run(Task task, LabelledData data, int k, long seed, LinearParams params, FeatureConfig fc,
                             Consumer<String> progress) {
        return task == Task.STANCE
                ? run(task, data.stance(), StanceExample::label, StanceExample::group, StanceExample::query,
                new StanceFeaturizer(fc), k, seed, params, progress)
                : run(task, data.sentiment(), SentimentExample::label, SentimentExample::text, SentimentExample::text,
                new SentimentFeaturizer(fc), k, seed, params, progress);
    }

    private static <E, I> Result run(Task task, List<E> all, Function<E, String> label, Function<E, String> group,
                                     Function<E, I> input, Featurizer<I> featurizer, int k, long seed,
                                     LinearParams params, Consumer<String> progress) {
        if (all.size() < k) {
            throw new BadInputException(task.key() + ": " + all.size() + " examples cannot fill " + k
                    + " folds; add data or lower --folds");
        }
        int[] fold = Splits.folds(all, k, seed, group, label);
        List<String> labels = LinearTrainer.labelOrder(all.stream().map(label).toList(), task.defaultLabels());
        List<Evaluation> evals = new ArrayList<>();
        List<String> allGold = new ArrayList<>(), allPred = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<E> train = new ArrayList<>(), test = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) (fold[i] == f ? test : train).add(all.get(i));
            List<String> gold = train.stream().map(label).toList();
            List<String> foldLabels = LinearTrainer.labelOrder(gold, labels);
            if (foldLabels.size() < 2) throw new BadInputException(task.key() + ": fold " + (f + 1) + " has one label");
            int foldNo = f + 1;
            LinearParams lp = LambdaSelection.resolve(train, label, group, input, featurizer, params, seed,
                    choice -> progress.accept(LambdaSelection.describe(task.key() + " fold " + foldNo, choice)));
            LinearClassifier<I> trained = LinearTrainer.train(train.stream().map(input).toList(), gold, foldLabels,
                    featurizer, lp);
            if (lp.favgShift()) { // chosen inside the fold's training part (nested)
                FavgShift.Choice fs = FavgShift.choose(train, label, group, input, featurizer, foldLabels, lp, seed);
                trained = new LinearClassifier<>(featurizer, trained.model().withBiasShift(fs.delta()));
                progress.accept(fs.describe(task.key() + " fold " + foldNo));
            }
            LinearClassifier<I> c = trained;
            List<String> tg = test.stream().map(label).toList();
            List<String> tp = test.stream().map(e -> c.predict(input.apply(e)).label()).toList();
            Evaluation ev = Evaluation.of(labels, tg, tp);
            evals.add(ev);
            allGold.addAll(tg);
            allPred.addAll(tp);
            progress.accept(String.format(java.util.Locale.ROOT, "%s fold %d/%d: macro-F1 %.4f (n=%d)", task.key(),
                    f + 1, k, ev.macroF1(), ev.n()));
        }
        return new Result(evals, Evaluation.of(labels, allGold, allPred));
    }
}
