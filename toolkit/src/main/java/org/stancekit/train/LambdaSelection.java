package org.stancekit.train;

import org.stancekit.model.Featurizer;
import org.stancekit.model.LinearModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Chooses the linear backend's L2 strength ({@link LinearParams#lambdaGrid()}) by 5-fold cross-validation inside the
 * training data: the folds are seeded, grouped and label-stratified as in {@link CrossValidation}, each example's
 * features are extracted once, and the lambda with the highest macro-F1 over the pooled out-of-fold predictions wins
 * (ties: the larger lambda, the simpler model). Deterministic for a seed.
 */
public final class LambdaSelection {
    public static final int FOLDS = 5;

    private LambdaSelection() {}

    /** The lambda chosen and each candidate's cross-validated macro-F1, in grid order. */
    public record Choice(double lambda, Map<Double, Double> macroF1) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("chosen", lambda);
            m.put("grid", new ArrayList<>(macroF1.keySet()));
            m.put("cv_macro_f1", new ArrayList<>(macroF1.values()));
            m.put("chosen_on", FOLDS + "-fold cross-validation inside the training data (macro-F1, pooled over folds;"
                    + " ties: the larger lambda)");
            return m;
        }
    }

    /** {@code params} as given when its grid is empty; otherwise the grid's best lambda as a fixed lambda. */
    static <E, I> LinearParams resolve(List<E> train, Function<E, String> label, Function<E, String> group,
                                       Function<E, I> input, Featurizer<I> featurizer, LinearParams params, long seed,
                                       Consumer<Choice> chosen) {
        if (params.lambdaGrid().isEmpty()) return params;
        Choice c = choose(train, label, group, input, featurizer, params, seed);
        chosen.accept(c);
        return params.withLambda(c.lambda());
    }

    public static <E, I> Choice choose(List<E> train, Function<E, String> label, Function<E, String> group,
                                       Function<E, I> input, Featurizer<I> featurizer, LinearParams params,
                                       long seed) {
        List<Double> grid = params.lambdaGrid().isEmpty() ? List.of(params.lambda()) : params.lambdaGrid();
        Map<Double, Double> scores = new LinkedHashMap<>();
        int k = Math.min(FOLDS, train.size());
        if (k < 2 || grid.size() == 1) {
            for (double l : grid) scores.put(l, Double.NaN);
            return new Choice(grid.get(0), scores);
        }
        List<List<String>> feats = new ArrayList<>(train.size());
        for (E e : train) feats.add(featurizer.features(input.apply(e)));
        List<String> gold = train.stream().map(label).toList();
        List<String> labels = LinearTrainer.labelOrder(gold, List.of());
        int[] fold = Splits.folds(train, k, seed, group, label);
        double best = Double.NEGATIVE_INFINITY, bestLambda = grid.get(0);
        for (double l : grid) {
            LinearParams fixed = params.withLambda(l);
            String[] pred = new String[train.size()];
            for (int f = 0; f < k; f++) {
                List<List<String>> fx = new ArrayList<>();
                List<String> fy = new ArrayList<>();
                for (int i = 0; i < train.size(); i++) {
                    if (fold[i] != f) {
                        fx.add(feats.get(i));
                        fy.add(gold.get(i));
                    }
                }
                List<String> foldLabels = LinearTrainer.labelOrder(fy, labels);
                if (foldLabels.size() < 2 || fx.isEmpty()) { // a fold with one label: predict it
                    for (int i = 0; i < train.size(); i++) if (fold[i] == f) pred[i] = fy.isEmpty() ? "" : fy.get(0);
                    continue;
                }
                LinearModel m = LinearTrainer.trainFeatures(fx, fy, foldLabels, fixed);
                for (int i = 0; i < train.size(); i++) {
                    if (fold[i] != f) continue;
                    double[] s = m.scores(m.indices(feats.get(i)));
                    int arg = 0;
                    for (int j = 1; j < s.length; j++) if (s[j] > s[arg]) arg = j;
                    pred[i] = foldLabels.get(arg);
                }
            }
            double f1 = Evaluation.of(labels, gold, List.of(pred)).macroF1();
            scores.put(l, f1);
            if (f1 > best + 1e-12 || (Math.abs(f1 - best) <= 1e-12 && l > bestLambda)) {
                best = f1;
                bestLambda = l;
            }
        }
        return new Choice(bestLambda, scores);
    }

    /** One line for progress output. */
    static String describe(String task, Choice c) {
        StringBuilder sb = new StringBuilder(task + ": lambda " + fmt(c.lambda()) + " chosen by " + FOLDS
                + "-fold CV inside the training data (macro-F1");
        c.macroF1().forEach((l, f) -> sb.append(String.format(Locale.ROOT, " %s: %.4f", fmt(l), f)));
        return sb.append(')').toString();
    }

    private static String fmt(double l) {
        return l == Math.rint(l) ? String.valueOf((long) l) : String.valueOf(l);
    }
}
