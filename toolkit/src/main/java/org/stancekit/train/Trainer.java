package org.stancekit.train;

import org.stancekit.BadInputException;
import org.stancekit.Version;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.data.DataFile;
import org.stancekit.data.LabelledData;
import org.stancekit.data.SentimentExample;
import org.stancekit.data.StanceExample;
import org.stancekit.model.FeatureConfig;
import org.stancekit.model.Featurizer;
import org.stancekit.model.Classifier;
import org.stancekit.model.EnsembleClassifier;
import org.stancekit.model.LinearClassifier;
import org.stancekit.model.Prediction;
import org.stancekit.model.neural.NeuralClassifier;
import org.stancekit.model.neural.NeuralParams;
import org.stancekit.model.neural.NeuralTrainer;
import org.stancekit.model.SentimentFeaturizer;
import org.stancekit.model.StanceFeaturizer;
import org.stancekit.model.Task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Trains a model bundle from labelled data: for each task, splits off a dev set (or takes the one given), trains the
 * linear backend, fits a softmax temperature on dev so confidences are calibrated, evaluates on dev, and records the
 * provenance that goes into {@code model.json}. Nothing here prints; progress goes to the given consumer.
 */
public final class Trainer {
    /** Fewer dev examples than this and the softmax temperature stays 1. */
    public static final int MIN_CALIBRATION_EXAMPLES = 50;

    private Trainer() {}

    /**
     * @param devSplit fraction of the training data held out as dev when no dev data is given (0 = none)
     * @param columns  the CSV column mapping, recorded in the provenance
     * @param biasShift shift label priors to maximise macro-F1 on dev (off by default)
     * @param notes    free key/value provenance recorded as given (where the data came from, its licence...)
     */
    public record Options(Set<Task> tasks, LinearParams params, FeatureConfig features, long seed, double devSplit,
                          Map<String, String> columns, boolean biasShift, Map<String, String> notes, Backend backend,
                          NeuralParams neural, Map<Task, Calibration.Method> calibration,
                          Map<Task, Calibration.WeightCriterion> ensembleWeight, Map<Task, Backend> taskBackends) {
        public Options {
            tasks = Set.copyOf(tasks);
            columns = Map.copyOf(columns);
            notes = Map.copyOf(notes);
            calibration = Map.copyOf(calibration);
            ensembleWeight = Map.copyOf(ensembleWeight);
            taskBackends = Map.copyOf(taskBackends);
        }

        /** One backend ({@code backend}) for every task. */
        public Options(Set<Task> tasks, LinearParams params, FeatureConfig features, long seed, double devSplit,
                       Map<String, String> columns, boolean biasShift, Map<String, String> notes, Backend backend,
                       NeuralParams neural, Map<Task, Calibration.Method> calibration,
                       Map<Task, Calibration.WeightCriterion> ensembleWeight) {
            this(tasks, params, features, seed, devSplit, columns, biasShift, notes, backend, neural, calibration,
                    ensembleWeight, Map.of());
        }

        /** Temperatures fitted on dev for every task ({@link Calibration.Method#DEV}). */
        public Options(Set<Task> tasks, LinearParams params, FeatureConfig features, long seed, double devSplit,
                       Map<String, String> columns, boolean biasShift, Map<String, String> notes, Backend backend,
                       NeuralParams neural) {
            this(tasks, params, features, seed, devSplit, columns, biasShift, notes, backend, neural, Map.of(), Map.of());
        }

        /** Linear backend. */
        public Options(Set<Task> tasks, LinearParams params, FeatureConfig features, long seed, double devSplit,
                       Map<String, String> columns, boolean biasShift, Map<String, String> notes) {
            this(tasks, params, features, seed, devSplit, columns, biasShift, notes, Backend.LINEAR,
                    NeuralParams.defaults());
        }

        public static Options defaults(Set<Task> tasks) {
            return new Options(tasks, LinearParams.defaults(), FeatureConfig.defaults(), 42, 0.1, Map.of(), false,
                    Map.of());
        }

        public Options withBackend(Backend b, NeuralParams n) {
            return new Options(tasks, params, features, seed, devSplit, columns, biasShift, notes, b, n, calibration,
                    ensembleWeight, taskBackends);
        }

        /** These options with a backend for some tasks that differs from {@link #backend()} (a task not named: it). */
        public Options withTaskBackends(Map<Task, Backend> perTask) {
            return new Options(tasks, params, features, seed, devSplit, columns, biasShift, notes, backend, neural,
                    calibration, ensembleWeight, perTask);
        }

        /** The backend that trains {@code task}. */
        public Backend backend(Task task) {
            return taskBackends.getOrDefault(task, backend);
        }

        /** These options with the given calibration method per task (a task not named: {@code DEV}). */
        public Options withCalibration(Map<Task, Calibration.Method> c) {
            return new Options(tasks, params, features, seed, devSplit, columns, biasShift, notes, backend, neural, c,
                    ensembleWeight, taskBackends);
        }

        /** These options with the ensemble's weight criterion per task (a task not named: {@code MACRO_F1}). */
        public Options withEnsembleWeight(Map<Task, Calibration.WeightCriterion> w) {
            return new Options(tasks, params, features, seed, devSplit, columns, biasShift, notes, backend, neural,
                    calibration, w, taskBackends);
        }

        public Calibration.WeightCriterion ensembleWeight(Task task) {
            return ensembleWeight.getOrDefault(task, Calibration.WeightCriterion.MACRO_F1);
        }

        public Calibration.Method calibration(Task task) {
            return calibration.getOrDefault(task, Calibration.Method.DEV);
        }
    }

    /** The model family: {@code linear} (Smile maxent), {@code neural} (DL4J), {@code ensemble} (both, mixed on dev). */
    public enum Backend {
        LINEAR, NEURAL, ENSEMBLE;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Backend parse(String s) {
            for (Backend b : values()) if (b.key().equals(s.strip().toLowerCase(java.util.Locale.ROOT))) return b;
            throw new BadInputException("--backend " + s + ": choose linear, neural or ensemble");
        }
    }

    /** The trained bundle and, per task, the dev evaluation (absent when there was no dev data). */
    public record Result(ModelBundle bundle, Map<Task, Evaluation> dev) {}

    public static Result train(LabelledData train, LabelledData dev, ActorLexicon lexicon, Options options,
                               Consumer<String> progress) {
        if (options.params().favgShift() && options.biasShift()) {
            throw new BadInputException("--favg-shift and --bias-shift both choose label offsets; give one");
        }
        Map<Task, ModelBundle.TaskModel> models = new EnumMap<>(Task.class);
        Map<Task, Evaluation> evals = new EnumMap<>(Task.class);
        for (Task task : options.tasks()) {
            long t0 = System.nanoTime();
            Trained<?> trained = task == Task.STANCE
                    ? trainTask(task, train.stance(), dev == null ? null : dev.stance(), StanceExample::label,
                    StanceExample::group, StanceExample::query, new StanceFeaturizer(options.features(), lexicon::contains),
                    options,
                    progress)
                    : trainTask(task, train.sentiment(), dev == null ? null : dev.sentiment(), SentimentExample::label,
                    SentimentExample::group, SentimentExample::text, new SentimentFeaturizer(options.features()), options,
                    progress);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> info = provenance(task, train, dev, options, trained, seconds);
            models.put(task, new ModelBundle.TaskModel(trained.classifier, info));
            if (trained.eval != null) evals.put(task, trained.eval);
        }
        return new Result(new ModelBundle(lexicon, models), evals);
    }

    private record Trained<I>(Classifier<I> classifier, Evaluation eval, int trainN, int devN,
                              Map<String, Integer> labelCounts, double eceBefore, double eceAfter, double logLoss,
                              double eceNoise, boolean eceHeldOut, Map<String, Object> extra) {}

    private static <E, I> Trained<I> trainTask(Task task, List<E> all, List<E> givenDev, Function<E, String> label,
                                               Function<E, String> group, Function<E, I> input, Featurizer<I> featurizer,
                                               Options options, Consumer<String> progress) {
        if (all.isEmpty()) {
            throw new BadInputException("no " + task.key() + " examples in the training data; add rows with "
                    + (task == Task.STANCE ? "actor and stance" : "sentiment") + " filled, or choose another --task");
        }
        List<E> trainSet = all, devSet = givenDev == null ? List.of() : givenDev;
        if (givenDev == null && options.devSplit() > 0) {
            Splits.Split<E> split = Splits.trainDev(all, options.devSplit(), options.seed(), group, label);
            trainSet = split.train();
            devSet = split.dev();
        }
        if (trainSet.isEmpty()) {
            throw new BadInputException("the dev split leaves no " + task.key() + " examples to train on ("
                    + all.size() + " in all); lower --dev-split or give more data");
        }
        List<String> gold = trainSet.stream().map(label).toList();
        Map<String, Integer> counts = new TreeMap<>();
        for (String g : gold) counts.merge(g, 1, Integer::sum);
        if (counts.size() < 2) {
            throw new BadInputException("every " + task.key() + " example in the training data has the label '"
                    + gold.get(0) + "'; a classifier needs at least two labels");
        }
        List<String> labels = LinearTrainer.labelOrder(gold, task.defaultLabels());
        Backend backend = options.backend(task);
        progress.accept(String.format(java.util.Locale.ROOT, "%s: training on %d examples (%s), dev %d; backend %s",
                task.key(), trainSet.size(), counts, devSet.size(), backend.key()));
        List<E> usableDev = devSet.stream().filter(e -> labels.contains(label.apply(e))).toList();
        if (usableDev.size() < devSet.size()) {
            progress.accept(task.key() + ": " + (devSet.size() - usableDev.size())
                    + " dev examples have labels never seen in training and are left out of calibration");
        }
        if (backend == Backend.ENSEMBLE && usableDev.isEmpty()) {
            throw new BadInputException("the ensemble backend fits its weight on a dev set: give --dev FILE or a"
                    + " --dev-split above 0");
        }
        boolean calibrate = usableDev.size() >= MIN_CALIBRATION_EXAMPLES;
        if (!devSet.isEmpty() && !calibrate) {
            progress.accept(task.key() + ": only " + usableDev.size() + " dev examples; probabilities are not"
                    + " calibrated (needs " + MIN_CALIBRATION_EXAMPLES + ")");
        }
        List<I> trainInputs = trainSet.stream().map(input).toList();
        List<I> devInputs = usableDev.stream().map(input).toList();
        List<String> devGold = usableDev.stream().map(label).toList();
        int[] y = LinearTrainer.indexOf(labels, devGold);
        Map<String, Object> extra = new LinkedHashMap<>();
        double eceBefore = Double.NaN, eceAfter = Double.NaN;
        boolean linearHeldOut = false; // the linear temperature was fitted without the dev set (cross-fit)

        LinearClassifier<I> linear = null;
        double[][] linearDev = null;
        if (backend != Backend.NEURAL) {
            LinearParams lp = LambdaSelection.resolve(trainSet, label, group, input, featurizer, options.params(),
                    options.seed(), choice -> {
                        extra.put("lambda_selection", choice.toMap());
                        progress.accept(LambdaSelection.describe(task.key(), choice));
                    });
            linear = LinearTrainer.train(trainInputs, gold, labels, featurizer, lp);
            if (lp.favgShift()) {
                FavgShift.Choice fs = FavgShift.choose(trainSet, label, group, input, featurizer, labels, lp,
                        options.seed());
                linear = new LinearClassifier<>(featurizer, linear.model().withBiasShift(fs.delta()));
                extra.put("favg_shift", fs.toMap());
                progress.accept(fs.describe(task.key()));
            }
            double[][] scores = null;
            double[] delta = null;
            if (!devSet.isEmpty()) {
                scores = LinearTrainer.scores(linear, devInputs);
                if (options.biasShift()) {
                    delta = Calibration.fitBiasShift(scores, y, labels.size());
                    linear = new LinearClassifier<>(featurizer, linear.model().withBiasShift(delta));
                    scores = LinearTrainer.scores(linear, devInputs);
                    progress.accept(task.key() + ": label bias shift chosen on dev " + java.util.Arrays.toString(delta));
                }
            }
            Double crossFitT = null;
            if (options.calibration(task) == Calibration.Method.CROSS_FIT) {
                crossFitT = crossFitTemperature(task, trainSet, label, group, featurizer, input, labels, lp, delta,
                        options.seed(), extra, progress);
            }
            if (crossFitT != null) {
                linearHeldOut = true;
                linear = new LinearClassifier<>(featurizer, linear.model().withTemperature(crossFitT));
            }
            if (!devSet.isEmpty()) {
                // a temperature fitted on a handful of examples is noise (it can run to its bounds): keep 1 below 50
                double t = crossFitT != null ? crossFitT : calibrate ? Calibration.fitTemperature(scores, y) : 1.0;
                eceBefore = Calibration.ece(softmaxAll(scores, 1.0), y, 10);
                linear = new LinearClassifier<>(featurizer, linear.model().withTemperature(t));
                linearDev = softmaxAll(scores, t);
                eceAfter = Calibration.ece(linearDev, y, 10);
            }
        }
        NeuralClassifier<I> neural = null;
        double[][] neuralDev = null;
        if (backend != Backend.LINEAR) {
            NeuralTrainer.Result<I> r = NeuralTrainer.train(task, trainInputs, gold, labels, devInputs, devGold,
                    options.neural(), options.seed(), progress);
            neural = r.classifier();
            extra.put("neural_training", r.report());
            if (neural.hasPlainJavaPass() && neural.fastPathNetworks() < neural.bagSize()) {
                progress.accept(String.format(java.util.Locale.ROOT, "%s neural: warning: the plain-Java forward pass"
                        + " disagreed with DL4J for %d of %d networks; they will score through DL4J (slower)",
                        task.key(), neural.bagSize() - neural.fastPathNetworks(), neural.bagSize()));
            }
            if (!devSet.isEmpty()) {
                double[][] raw = neural.rawProbabilities(devInputs);
                double[][] logs = logAll(raw);
                double t = calibrate ? Calibration.fitTemperature(logs, y) : 1.0;
                neural = neural.withTemperature(t);
                neuralDev = softmaxAll(logs, t);
                double before = Calibration.ece(raw, y, 10), after = Calibration.ece(neuralDev, y, 10);
                if (backend == Backend.NEURAL) {
                    eceBefore = before;
                    eceAfter = after;
                }
                progress.accept(String.format(java.util.Locale.ROOT, "%s neural: temperature %.3f, ECE %.4f -> %.4f",
                        task.key(), t, before, after));
            }
        }
        Classifier<I> c;
        if (backend == Backend.LINEAR) {
            c = linear;
        } else if (backend == Backend.NEURAL) {
            c = neural;
        } else {
            c = ensemble(task, linear, neural, linearDev, neuralDev, y, labels, options.ensembleWeight(task), extra,
                    progress);
            eceBefore = (double) extra.remove("_ece_before");
            eceAfter = (double) extra.remove("_ece_after");
        }
        Evaluation eval = null;
        double logLoss = Double.NaN, noiseEce = Double.NaN;
        // in-sample: the dev set chose the temperature(s) (and for a network its epoch, for the ensemble its weight)
        boolean heldOut = backend == Backend.LINEAR && !options.biasShift() && (linearHeldOut || !calibrate);
        if (!devSet.isEmpty()) {
            List<String> predicted = new ArrayList<>();
            List<double[]> probs = new ArrayList<>();
            List<Prediction> preds = c.predictAll(devSet.stream().map(input).toList());
            for (int i = 0; i < preds.size(); i++) {
                Prediction p = preds.get(i);
                predicted.add(p.label());
                if (labels.contains(label.apply(devSet.get(i)))) {
                    double[] row = new double[labels.size()];
                    for (int j = 0; j < row.length; j++) row[j] = p.probability(labels.get(j));
                    probs.add(row);
                }
            }
            double[][] pm = probs.toArray(new double[0][]);
            logLoss = Calibration.logLoss(pm, y);
            noiseEce = Calibration.expectedNoiseEce(pm, 10, 1000, options.seed());
            eval = Evaluation.of(labels, devSet.stream().map(label).toList(), predicted);
            progress.accept(String.format(java.util.Locale.ROOT,
                    "%s %s: dev macro-F1 %.4f, accuracy %.4f (n=%d); dev ECE %.4f -> %.4f after temperature scaling,"
                            + " log-loss %.4f (%s; a perfectly calibrated model with these confidences would show"
                            + " %.4f on average at this n)", task.key(), backend.key(), eval.macroF1(), eval.accuracy(), eval.n(),
                    eceBefore, eceAfter, logLoss, heldOut ? "held out: no temperature was fitted on dev"
                            : "in-sample: calibration was fitted on these dev examples",
                    noiseEce));
        }
        return new Trained<>(c, eval, trainSet.size(), devSet.size(), counts, eceBefore, eceAfter, logLoss, noiseEce,
                heldOut, extra);
    }

    /**
     * The linear temperature fitted on out-of-fold scores over the training part ({@link Calibration#CROSS_FIT_FOLDS}
     * folds, seeded, grouped and label-stratified; each fold's model trained with the final model's settings and any
     * dev-fitted bias shift added), or null (with a note) when a fold would miss a label or there are too few examples.
     * Records the fit under {@code calibration} in {@code extra}.
     */
    private static <E, I> Double crossFitTemperature(Task task, List<E> trainSet, Function<E, String> label,
                                                     Function<E, String> group, Featurizer<I> featurizer,
                                                     Function<E, I> input, List<String> labels, LinearParams lp,
                                                     double[] delta, long seed, Map<String, Object> extra,
                                                     Consumer<String> progress) {
        int k = Calibration.CROSS_FIT_FOLDS;
        if (trainSet.size() < Math.max(k, MIN_CALIBRATION_EXAMPLES)) {
            progress.accept(task.key() + ": too few training examples to cross-fit the temperature ("
                    + trainSet.size() + "); it is fitted on dev");
            return null;
        }
        long t0 = System.nanoTime();
        List<List<String>> feats = new ArrayList<>(trainSet.size());
        for (E e : trainSet) feats.add(featurizer.features(input.apply(e)));
        List<String> gold = trainSet.stream().map(label).toList();
        int[] fold = Splits.folds(trainSet, k, seed, group, label);
        double[][] oof = new double[trainSet.size()][];
        for (int f = 0; f < k; f++) {
            List<List<String>> fx = new ArrayList<>();
            List<String> fy = new ArrayList<>();
            for (int i = 0; i < trainSet.size(); i++) {
                if (fold[i] != f) {
                    fx.add(feats.get(i));
                    fy.add(gold.get(i));
                }
            }
            if (!new java.util.HashSet<>(fy).containsAll(labels)) {
                progress.accept(task.key() + ": a cross-fit fold lacks a label; the temperature is fitted on dev");
                return null;
            }
            org.stancekit.model.LinearModel m = LinearTrainer.trainFeatures(fx, fy, labels, lp);
            if (delta != null) m = m.withBiasShift(delta);
            for (int i = 0; i < trainSet.size(); i++) if (fold[i] == f) oof[i] = m.scores(m.indices(feats.get(i)));
        }
        int[] y = LinearTrainer.indexOf(labels, gold);
        double t = Calibration.fitTemperature(oof, y);
        double[][] before = softmaxAll(oof, 1.0), after = softmaxAll(oof, t);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("method", Calibration.Method.CROSS_FIT.key());
        c.put("linear_temperature", t);
        c.put("fitted_on", k + "-fold out-of-fold predictions over the training part (" + trainSet.size()
                + " examples; dev not used)");
        c.put("out_of_fold_ece_before", Calibration.ece(before, y, 10));
        c.put("out_of_fold_ece", Calibration.ece(after, y, 10));
        c.put("out_of_fold_log_loss_before", Calibration.logLoss(before, y));
        c.put("out_of_fold_log_loss", Calibration.logLoss(after, y));
        extra.put("calibration", c);
        progress.accept(String.format(java.util.Locale.ROOT, "%s linear: temperature %.3f cross-fitted on %d"
                        + " out-of-fold predictions (%d folds, %.1f s); their ECE %.4f -> %.4f, log-loss %.4f -> %.4f"
                        + " (after: the same predictions the temperature was fitted on)", task.key(), t,
                trainSet.size(), k, (System.nanoTime() - t0) / 1e9, c.get("out_of_fold_ece_before"),
                c.get("out_of_fold_ece"), c.get("out_of_fold_log_loss_before"), c.get("out_of_fold_log_loss")));
        return t;
    }

    /**
     * Mixes the calibrated parts: by default ({@code MACRO_F1}) the linear weight w in {0, 0.05, ..., 1} with the best
     * dev macro-F1 (ties: lower log-loss), so the ensemble is never worse on dev than its better part (w = 0 and w = 1
     * are candidates), then a temperature on log of the mix; with {@code LOG_LOSS} the w and temperature with the
     * lowest dev log-loss (each w with its own temperature).
     */
    private static <I> Classifier<I> ensemble(Task task, LinearClassifier<I> linear, NeuralClassifier<I> neural,
                                              double[][] pl, double[][] pn, int[] y, List<String> labels,
                                              Calibration.WeightCriterion criterion, Map<String, Object> extra,
                                              Consumer<String> progress) {
        int k = labels.size();
        double[] zero = new double[k];
        double f1Linear = Calibration.macroF1(pl, y, zero, k), f1Neural = Calibration.macroF1(pn, y, zero, k);
        boolean fitT = y.length >= MIN_CALIBRATION_EXAMPLES;
        double bestW = 1, bestF1 = -1, bestNll = Double.POSITIVE_INFINITY, bestT = 1;
        for (int step = 0; step <= 20; step++) {
            double w = step / 20.0;
            double[][] mix = mix(pl, pn, w);
            double f1 = Calibration.macroF1(mix, y, zero, k);
            if (criterion == Calibration.WeightCriterion.LOG_LOSS) {
                double[][] logs = logAll(mix);
                double t = fitT ? Calibration.fitTemperature(logs, y) : 1.0, nll = Calibration.nll(logs, y, t);
                if (nll < bestNll - 1e-12) {
                    bestW = w;
                    bestF1 = f1;
                    bestNll = nll;
                    bestT = t;
                }
                continue;
            }
            double nll = Calibration.nll(logAll(mix), y, 1.0);
            if (f1 > bestF1 + 1e-12 || (Math.abs(f1 - bestF1) <= 1e-12 && nll < bestNll)) {
                bestW = w;
                bestF1 = f1;
                bestNll = nll;
            }
        }
        double[][] mix = mix(pl, pn, bestW);
        double[][] logs = logAll(mix);
        double t = criterion == Calibration.WeightCriterion.LOG_LOSS ? bestT
                : fitT ? Calibration.fitTemperature(logs, y) : 1.0;
        extra.put("_ece_before", Calibration.ece(mix, y, 10));
        extra.put("_ece_after", Calibration.ece(softmaxAll(logs, t), y, 10));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("linear_weight", bestW);
        e.put("neural_bag", neural.bagSize());
        e.put("dev_macro_f1_linear", f1Linear);
        e.put("dev_macro_f1_neural", f1Neural);
        e.put("dev_macro_f1_ensemble", bestF1);
        e.put("gain_over_better_part", bestF1 - Math.max(f1Linear, f1Neural));
        e.put("weight_criterion", criterion.key());
        e.put("chosen_on", criterion == Calibration.WeightCriterion.LOG_LOSS
                ? "dev set: weight on a 0.05 grid and temperature together, by log-loss"
                : "dev set: weight by macro-F1 on a 0.05 grid, then temperature by log-loss");
        extra.put("ensemble_fit", e);
        progress.accept(String.format(java.util.Locale.ROOT, "%s ensemble: linear weight %.2f (by %s), temperature %.3f;"
                + " dev macro-F1 linear %.4f, neural %.4f, ensemble %.4f (%+.4f over the better part)", task.key(), bestW,
                criterion.key(), t, f1Linear, f1Neural, bestF1, bestF1 - Math.max(f1Linear, f1Neural)));
        return new EnsembleClassifier<>(linear, neural, bestW, t);
    }

    private static double[][] mix(double[][] a, double[][] b, double w) {
        double[][] m = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            m[i] = new double[a[i].length];
            for (int k = 0; k < m[i].length; k++) m[i][k] = w * a[i][k] + (1 - w) * b[i][k];
        }
        return m;
    }

    private static double[][] logAll(double[][] p) {
        double[][] l = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            l[i] = new double[p[i].length];
            for (int k = 0; k < l[i].length; k++) l[i][k] = Math.log(Math.max(p[i][k], 1e-12));
        }
        return l;
    }

    static double[][] softmaxAll(double[][] scores, double t) {
        double[][] p = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : scores[i]) max = Math.max(max, v);
            double sum = 0;
            p[i] = new double[scores[i].length];
            for (int k = 0; k < p[i].length; k++) sum += p[i][k] = Math.exp((scores[i][k] - max) / t);
            for (int k = 0; k < p[i].length; k++) p[i][k] /= sum;
        }
        return p;
    }

    private static Map<String, Object> provenance(Task task, LabelledData train, LabelledData dev, Options o,
                                                  Trained<?> t, double seconds) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("format_version", ModelBundle.FORMAT_VERSION);
        info.put("task", task.key());
        Map<String, Object> hp = new LinkedHashMap<>();
        Object selection = t.extra.get("lambda_selection");
        hp.put("lambda", selection instanceof Map<?, ?> m ? m.get("chosen") : o.params().lambda());
        if (!o.params().lambdaGrid().isEmpty()) hp.put("lambda_grid", o.params().lambdaGrid());
        if (o.params().balanceLabels()) hp.put("balance_labels", true);
        if (o.params().favgShift()) hp.put("favg_shift", true);
        hp.put("min_count", o.params().minCount());
        hp.put("tolerance", o.params().tolerance());
        hp.put("max_iterations", o.params().maxIterations());
        if (o.backend(task) != Backend.NEURAL) info.put("hyper_parameters", hp);
        if (o.backend(task) != Backend.LINEAR) info.put("neural_hyper_parameters", neuralParams(o.neural()));
        info.put("seed", o.seed());
        info.put("bias_shift_on_dev", o.biasShift());
        info.put("feature_config", o.features());
        info.put("training_data", files(train.files(), task));
        if (dev != null) {
            info.put("dev_data", files(dev.files(), task));
        } else {
            info.put("dev_data", o.devSplit() > 0 ? "a seeded " + o.devSplit() + " split of the training data (seed "
                    + o.seed() + ", grouped by the CSV's group column where given, else by sentence;"
                    + " stratified by label)" : "none");
        }
        if (!o.columns().isEmpty()) info.put("columns", new TreeMap<>(o.columns()));
        if (!o.notes().isEmpty()) info.put("notes", new TreeMap<>(o.notes()));
        info.put("examples", Map.of("train", t.trainN, "dev", t.devN));
        info.put("train_label_counts", t.labelCounts);
        if (t.eval != null) {
            Map<String, Object> dm = new LinkedHashMap<>(t.eval.toMap());
            dm.put("ece_before_calibration", t.eceBefore);
            dm.put("ece", t.eceAfter);
            dm.put("ece_held_out", t.eceHeldOut);
            dm.put("ece_note", t.eceHeldOut ? "10-bin ECE on dev, which no temperature was fitted on (held out)"
                    : "10-bin ECE on the dev examples the temperature(s) were fitted on (in-sample)");
            dm.put("ece_noise_floor", t.eceNoise);
            dm.put("log_loss", t.logLoss);
            info.put("dev_metrics", dm);
        }
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("stancekit", Version.get());
        versions.put("java", System.getProperty("java.version"));
        versions.put("smile", Version.library("smile"));
        if (o.backend(task) != Backend.LINEAR) versions.put("deeplearning4j", Version.library("dl4j"));
        info.put("versions", versions);
        info.putAll(t.extra);
        info.put("created", Instant.now().toString());
        info.put("training_seconds", Math.round(seconds * 10) / 10.0);
        return info;
    }

    private static Map<String, Object> neuralParams(NeuralParams n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("encoder", n.encoder());
        m.put("embedding_dim", n.embeddingDim());
        m.put("position_dim", n.positionDim());
        m.put("hidden", n.hidden());
        m.put("kernel", n.kernel());
        m.put("dropout", n.dropout());
        m.put("learning_rate", n.learningRate());
        m.put("l2", n.l2());
        m.put("batch_size", n.batchSize());
        m.put("max_epochs", n.maxEpochs());
        m.put("patience", n.patience());
        m.put("max_length", n.maxLength());
        m.put("min_count", n.minCount());
        m.put("word2vec", n.word2vec());
        m.put("word2vec_epochs", n.word2vecEpochs());
        m.put("bag", n.bag());
        if (n.encoder().equals(org.stancekit.model.neural.NeuralParams.MIXED)) m.put("bilstm_bag", n.mixedBiLstms());
        if (n.usesBiLstm()) {
            m.put("unpadded", n.unpadded());
            m.put("mean_pool", n.meanPool());
            m.put("input_dropout", n.inputDropout());
        }
        if (n.gradientClip() > 0) m.put("gradient_clip", n.gradientClip());
        if (n.wordDropout() > 0) m.put("word_dropout", n.wordDropout());
        m.put("unlabelled", n.unlabelled().stream().map(p -> Map.of("path", p.toString(),
                "sha256", sha256OrMissing(p))).toList());
        m.put("optimizer", "Adam; class-weighted cross-entropy; early stopping on dev macro-F1");
        return m;
    }

    private static String sha256OrMissing(java.nio.file.Path p) {
        try {
            return org.stancekit.data.TrainingCsv.sha256(java.nio.file.Files.readAllBytes(p));
        } catch (java.io.IOException e) {
            return "unreadable";
        }
    }

    /** The files that gave examples for {@code task}. */
    private static List<Map<String, Object>> files(List<DataFile> files, Task task) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DataFile f : files) {
            if (f.examples(task.key()) == 0) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.path());
            m.put("sha256", f.sha256());
            m.put("rows", f.rows());
            m.put("examples", f.examples(task.key()));
            out.add(m);
        }
        return out;
    }
}
