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
import org.stancekit.model.LinearClassifier;
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
                          Map<String, String> columns, boolean biasShift, Map<String, String> notes) {
        public Options {
            tasks = Set.copyOf(tasks);
            columns = Map.copyOf(columns);
            notes = Map.copyOf(notes);
        }

        public static Options defaults(Set<Task> tasks) {
            return new Options(tasks, LinearParams.defaults(), FeatureConfig.defaults(), 42, 0.1, Map.of(), false,
                    Map.of());
        }
    }

    /** The trained bundle and, per task, the dev evaluation (absent when there was no dev data). */
    public record Result(ModelBundle bundle, Map<Task, Evaluation> dev) {}

    public static Result train(LabelledData train, LabelledData dev, ActorLexicon lexicon, Options options,
                               Consumer<String> progress) {
        Map<Task, ModelBundle.TaskModel> models = new EnumMap<>(Task.class);
        Map<Task, Evaluation> evals = new EnumMap<>(Task.class);
        for (Task task : options.tasks()) {
            long t0 = System.nanoTime();
            Trained<?> trained = task == Task.STANCE
                    ? trainTask(task, train.stance(), dev == null ? null : dev.stance(), StanceExample::label,
                    e -> e.query().text(), StanceExample::query, new StanceFeaturizer(options.features()), options,
                    progress)
                    : trainTask(task, train.sentiment(), dev == null ? null : dev.sentiment(), SentimentExample::label,
                    SentimentExample::text, SentimentExample::text, new SentimentFeaturizer(options.features()), options,
                    progress);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> info = provenance(task, train, dev, options, trained, seconds);
            models.put(task, new ModelBundle.TaskModel(trained.classifier, info));
            if (trained.eval != null) evals.put(task, trained.eval);
        }
        return new Result(new ModelBundle(lexicon, models), evals);
    }

    private record Trained<I>(LinearClassifier<I> classifier, Evaluation eval, int trainN, int devN,
                              Map<String, Integer> labelCounts, double eceBefore, double eceAfter) {}

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
        progress.accept(String.format(java.util.Locale.ROOT, "%s: training on %d examples (%s), dev %d",
                task.key(), trainSet.size(), counts, devSet.size()));
        LinearClassifier<I> c = LinearTrainer.train(trainSet.stream().map(input).toList(), gold, labels, featurizer,
                options.params());
        Evaluation eval = null;
        double eceBefore = Double.NaN, eceAfter = Double.NaN;
        List<E> usableDev = devSet.stream().filter(e -> labels.contains(label.apply(e))).toList();
        if (usableDev.size() < devSet.size()) {
            progress.accept(task.key() + ": " + (devSet.size() - usableDev.size())
                    + " dev examples have labels never seen in training and are left out of calibration");
        }
        if (!devSet.isEmpty()) {
            List<I> devInputs = usableDev.stream().map(input).toList();
            int[] y = LinearTrainer.indexOf(labels, usableDev.stream().map(label).toList());
            double[][] scores = LinearTrainer.scores(c, devInputs);
            if (options.biasShift()) {
                double[] delta = Calibration.fitBiasShift(scores, y, labels.size());
                c = new LinearClassifier<>(featurizer, c.model().withBiasShift(delta));
                scores = LinearTrainer.scores(c, devInputs);
                progress.accept(task.key() + ": label bias shift chosen on dev " + java.util.Arrays.toString(delta));
            }
            eceBefore = Calibration.ece(softmaxAll(scores, 1.0), y, 10);
            // a temperature fitted on a handful of examples is noise (it can run to its bounds): keep 1 below 50
            double t = usableDev.size() >= MIN_CALIBRATION_EXAMPLES ? Calibration.fitTemperature(scores, y) : 1.0;
            if (usableDev.size() < MIN_CALIBRATION_EXAMPLES) {
                progress.accept(task.key() + ": only " + usableDev.size() + " dev examples; probabilities are not"
                        + " calibrated (needs " + MIN_CALIBRATION_EXAMPLES + ")");
            }
            c = new LinearClassifier<>(featurizer, c.model().withTemperature(t));
            eceAfter = Calibration.ece(softmaxAll(scores, t), y, 10);
            List<String> predicted = new ArrayList<>();
            for (E e : devSet) predicted.add(c.predict(input.apply(e)).label());
            eval = Evaluation.of(labels, devSet.stream().map(label).toList(), predicted);
            progress.accept(String.format(java.util.Locale.ROOT,
                    "%s: dev macro-F1 %.4f, accuracy %.4f (n=%d); temperature %.3f, ECE %.4f -> %.4f",
                    task.key(), eval.macroF1(), eval.accuracy(), eval.n(), t, eceBefore, eceAfter));
        }
        return new Trained<>(c, eval, trainSet.size(), devSet.size(), counts, eceBefore, eceAfter);
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
        hp.put("lambda", o.params().lambda());
        hp.put("min_count", o.params().minCount());
        hp.put("tolerance", o.params().tolerance());
        hp.put("max_iterations", o.params().maxIterations());
        info.put("hyper_parameters", hp);
        info.put("seed", o.seed());
        info.put("bias_shift_on_dev", o.biasShift());
        info.put("feature_config", o.features());
        info.put("training_data", files(train.files(), task));
        if (dev != null) {
            info.put("dev_data", files(dev.files(), task));
        } else {
            info.put("dev_data", o.devSplit() > 0 ? "a seeded " + o.devSplit() + " split of the training data (seed "
                    + o.seed() + ", grouped by sentence, stratified by label)" : "none");
        }
        if (!o.columns().isEmpty()) info.put("columns", new TreeMap<>(o.columns()));
        if (!o.notes().isEmpty()) info.put("notes", new TreeMap<>(o.notes()));
        info.put("examples", Map.of("train", t.trainN, "dev", t.devN));
        info.put("train_label_counts", t.labelCounts);
        if (t.eval != null) {
            Map<String, Object> dm = new LinkedHashMap<>(t.eval.toMap());
            dm.put("ece_before_calibration", t.eceBefore);
            dm.put("ece", t.eceAfter);
            info.put("dev_metrics", dm);
        }
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("stancekit", Version.get());
        versions.put("java", System.getProperty("java.version"));
        versions.put("smile", Version.library("smile"));
        info.put("versions", versions);
        info.put("created", Instant.now().toString());
        info.put("training_seconds", Math.round(seconds * 10) / 10.0);
        return info;
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
