package org.stancekit.train;

import org.stancekit.BadInputException;
import org.stancekit.data.LabelledData;
import org.stancekit.data.SentimentExample;
import org.stancekit.data.StanceExample;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.model.Classifier;
import org.stancekit.model.FeatureConfig;
import org.stancekit.model.Prediction;
import org.stancekit.model.Featurizer;
import org.stancekit.model.LinearClassifier;
import org.stancekit.model.SentimentFeaturizer;
import org.stancekit.model.StanceFeaturizer;
import org.stancekit.model.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** K-fold cross-validation on one task: of the linear backend alone, or of the whole training pipeline. */
public final class CrossValidation {
    private CrossValidation() {}

    /**
     * One example's out-of-fold prediction: where it came from, the actor (stance; "" for sentiment), its text, the gold
     * label, the fold (1-based) that held it out, and what the model trained without that fold predicted.
     */
    public record Held(String source, String actor, String text, String gold, int fold, Prediction prediction) {}

    /**
     * Per-fold evaluations, the evaluation of all folds' predictions pooled, the pooled held-out probabilities'
     * 10-bin ECE and log-loss ({@code probabilities} says whether they were calibrated, and how), and every example's
     * out-of-fold prediction in the order of the data ({@code held}).
     */
    public record Result(List<Evaluation> folds, Evaluation pooled, double ece, double logLoss, String probabilities,
                         List<Held> held) {
        public Result {
            held = List.copyOf(held);
        }

        public Result(List<Evaluation> folds, Evaluation pooled) {
            this(folds, pooled, Double.NaN, Double.NaN, "not measured", List.of());
        }

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
            m.put("pooled_ece", ece);
            m.put("pooled_log_loss", logLoss);
            m.put("probabilities", probabilities);
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
        return run(task, data, k, seed, params, fc, actor -> false, progress);
    }

    /** @param lexiconActor whether an actor is one the lexicon knows ({@link FeatureConfig#lexiconDomain()}) */
    public static Result run(Task task, LabelledData data, int k, long seed, LinearParams params, FeatureConfig fc,
                             java.util.function.Predicate<String> lexiconActor, Consumer<String> progress) {
        return task == Task.STANCE
                ? run(task, data.stance(), StanceExample::label, StanceExample::group, StanceExample::query,
                new StanceFeaturizer(fc, lexiconActor), k, seed, params, CrossValidation::describe, progress)
                : run(task, data.sentiment(), SentimentExample::label, SentimentExample::text, SentimentExample::text,
                new SentimentFeaturizer(fc), k, seed, params, CrossValidation::describe, progress);
    }

    private static <E, I> Result run(Task task, List<E> all, Function<E, String> label, Function<E, String> group,
                                     Function<E, I> input, Featurizer<I> featurizer, int k, long seed,
                                     LinearParams params, Function<E, Origin> describe,
                                     Consumer<String> progress) {
        int[] fold = assignFolds(task, all, k, seed, group, label);
        Held[] held = new Held[all.size()];
        List<String> labels = LinearTrainer.labelOrder(all.stream().map(label).toList(), task.defaultLabels());
        List<Evaluation> evals = new ArrayList<>();
        List<String> allGold = new ArrayList<>(), allPred = new ArrayList<>();
        List<double[]> probs = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<E> train = new ArrayList<>(), test = new ArrayList<>();
            partition(all, fold, f, train, test);
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
            List<Prediction> ps = test.stream().map(e -> c.predict(input.apply(e))).toList();
            hold(held, fold, f, all, describe, label, ps);
            List<String> tp = ps.stream().map(Prediction::label).toList();
            Evaluation ev = Evaluation.of(labels, tg, tp);
            evals.add(ev);
            allGold.addAll(tg);
            allPred.addAll(tp);
            for (Prediction p : ps) probs.add(row(p, labels));
            progress.accept(String.format(java.util.Locale.ROOT, "%s fold %d/%d: macro-F1 %.4f (n=%d)", task.key(),
                    f + 1, k, ev.macroF1(), ev.n()));
        }
        return result(labels, evals, allGold, allPred, probs, "uncalibrated (each fold's model trained on all of its"
                + " training part, temperature 1)", held);
    }

    /**
     * Cross-validation of the whole training pipeline ({@link Trainer#train}): every fold's training part is given to
     * the trainer with {@code options} (its own seeded dev split, the backend, the calibration), and the bundle it
     * gives predicts the held-out fold. The pooled held-out probabilities measure calibration on data no step of
     * training saw. Folds are seeded, grouped and label-stratified as in {@link #run}.
     */
    public static Result runPipeline(Task task, LabelledData data, int k, long seed, Trainer.Options options,
                                     ActorLexicon lexicon, Consumer<String> progress) {
        return task == Task.STANCE
                ? runPipeline(task, data, data.stance(), StanceExample::label, StanceExample::group,
                StanceExample::query, k, seed, options, lexicon, CrossValidation::describe, progress)
                : runPipeline(task, data, data.sentiment(), SentimentExample::label, SentimentExample::group,
                SentimentExample::text, k, seed, options, lexicon, CrossValidation::describe, progress);
    }

    @SuppressWarnings("unchecked")
    private static <E, I> Result runPipeline(Task task, LabelledData data, List<E> all, Function<E, String> label,
                                             Function<E, String> group, Function<E, I> input, int k, long seed,
                                             Trainer.Options options, ActorLexicon lexicon,
                                             Function<E, Origin> describe, Consumer<String> progress) {
        int[] fold = assignFolds(task, all, k, seed, group, label);
        Held[] held = new Held[all.size()];
        List<String> labels = LinearTrainer.labelOrder(all.stream().map(label).toList(), task.defaultLabels());
        Trainer.Options o = new Trainer.Options(Set.of(task), options.params(), options.features(), options.seed(),
                options.devSplit(), options.columns(), options.biasShift(), options.notes(), options.backend(task),
                options.neural(), options.calibration(), options.ensembleWeight());
        List<Evaluation> evals = new ArrayList<>();
        List<String> allGold = new ArrayList<>(), allPred = new ArrayList<>();
        List<double[]> probs = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<E> train = new ArrayList<>(), test = new ArrayList<>();
            partition(all, fold, f, train, test);
            int foldNo = f + 1;
            LabelledData part = task == Task.STANCE
                    ? new LabelledData((List<StanceExample>) train, List.of(), data.files())
                    : new LabelledData(List.of(), (List<SentimentExample>) train, data.files());
            Trainer.Result r = Trainer.train(part, null, lexicon, o,
                    msg -> progress.accept("fold " + foldNo + "/" + k + ": " + msg));
            Classifier<I> c = (Classifier<I>) r.bundle().tasks().get(task).classifier();
            List<String> tg = test.stream().map(label).toList();
            List<Prediction> ps = c.predictAll(test.stream().map(input).toList());
            hold(held, fold, f, all, describe, label, ps);
            List<String> tp = ps.stream().map(Prediction::label).toList();
            Evaluation ev = Evaluation.of(labels, tg, tp);
            evals.add(ev);
            allGold.addAll(tg);
            allPred.addAll(tp);
            for (Prediction p : ps) probs.add(row(p, labels));
            progress.accept(String.format(java.util.Locale.ROOT, "%s fold %d/%d: macro-F1 %.4f, held-out ECE %.4f,"
                    + " log-loss %.4f (n=%d)", task.key(), foldNo, k, ev.macroF1(),
                    Calibration.ece(probs.subList(probs.size() - ps.size(), probs.size()).toArray(new double[0][]),
                            LinearTrainer.indexOf(labels, tg), 10),
                    Calibration.logLoss(probs.subList(probs.size() - ps.size(), probs.size()).toArray(new double[0][]),
                            LinearTrainer.indexOf(labels, tg)), ev.n()));
        }
        return result(labels, evals, allGold, allPred, probs, "calibrated by the training pipeline inside each fold"
                + " (backend " + o.backend().key() + ", dev split " + o.devSplit() + ", calibration "
                + o.calibration(task).key() + (o.backend() != Trainer.Backend.ENSEMBLE ? ""
                : ", ensemble weight by " + o.ensembleWeight(task).key()) + ")", held);
    }

    /** Where an example came from, for {@link Held}: its source, actor ("" for sentiment) and text. */
    private record Origin(String source, String actor, String text) {}

    private static Origin describe(StanceExample e) {
        return new Origin(e.source(), e.query().actor(), e.query().text());
    }

    private static Origin describe(SentimentExample e) {
        return new Origin(e.source(), "", e.text());
    }

    /** Fold {@code f}'s predictions {@code ps} (in the order {@link #partition} gives) into their places in {@code held}. */
    private static <E> void hold(Held[] held, int[] fold, int f, List<E> all, Function<E, Origin> describe,
                                 Function<E, String> label, List<Prediction> ps) {
        int j = 0;
        for (int i = 0; i < all.size(); i++) {
            if (fold[i] != f) continue;
            Origin o = describe.apply(all.get(i));
            held[i] = new Held(o.source(), o.actor(), o.text(), label.apply(all.get(i)), f + 1, ps.get(j++));
        }
    }

    private static double[] row(Prediction p, List<String> labels) {
        double[] r = new double[labels.size()];
        for (int j = 0; j < r.length; j++) r[j] = p.probability(labels.get(j));
        return r;
    }

    private static Result result(List<String> labels, List<Evaluation> evals, List<String> gold, List<String> pred,
                                 List<double[]> probs, String how, Held[] held) {
        double[][] p = probs.toArray(new double[0][]);
        int[] y = LinearTrainer.indexOf(labels, gold);
        return new Result(evals, Evaluation.of(labels, gold, pred), Calibration.ece(p, y, 10),
                Calibration.logLoss(p, y), how, java.util.Arrays.asList(held));
    }

    /** The fold of each example (grouped, label-stratified); one clear line when there are fewer examples than folds. */
    private static <E> int[] assignFolds(Task task, List<E> all, int k, long seed, Function<E, String> group,
                                         Function<E, String> label) {
        if (all.size() < k) {
            throw new BadInputException(task.key() + ": " + all.size() + " examples cannot fill " + k
                    + " folds; add data or lower --folds");
        }
        return Splits.folds(all, k, seed, group, label);
    }

    /** Fold {@code f}'s examples into {@code test}, the rest into {@code train}, in their order. */
    private static <E> void partition(List<E> all, int[] fold, int f, List<E> train, List<E> test) {
        for (int i = 0; i < all.size(); i++) (fold[i] == f ? test : train).add(all.get(i));
    }
}
