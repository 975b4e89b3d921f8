package org.stancekit.train;

import org.stancekit.model.Featurizer;
import org.stancekit.model.LinearModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A decision rule for F_avg, the mean F1 of every label but the neutral one (SemEval-2016 Task 6's measure: favor and
 * against; the neutral label's own F1 does not count; without a neutral label it is macro-F1). Arg-max of a maximum-likelihood model is not the rule that
 * maximises it: F_avg rewards predicting the scored labels a little more often. This chooses one additive offset per
 * scored label (the neutral label, or the first label when there is none, stays at 0) on the pooled out-of-fold scores
 * of a 5-fold cross-validation inside the training data (seeded, grouped and label-stratified as in
 * {@link CrossValidation}; features extracted once), by coordinate ascent over a grid in [-2, 2] (step 0.1, three
 * rounds; an offset moves only if F_avg rises, so ties keep 0). Deterministic for a seed.
 */
public final class FavgShift {
    public static final int FOLDS = 5;
    /** The label whose offset stays 0 and whose F1 F_avg leaves out, when present. */
    public static final String NEUTRAL = "neutral";

    private FavgShift() {}

    /** The offsets (in {@code labels} order) and F_avg of the out-of-fold predictions without and with them. */
    public record Choice(List<String> labels, double[] delta, double before, double after) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Double> d = new LinkedHashMap<>();
            for (int k = 0; k < labels.size(); k++) d.put(labels.get(k), delta[k]);
            m.put("offsets", d);
            m.put("cv_f_avg_before", before);
            m.put("cv_f_avg_after", after);
            m.put("chosen_on", FOLDS + "-fold out-of-fold scores inside the training data (F_avg: mean F1 of the"
                    + " labels other than " + NEUTRAL + ", pooled over folds; " + reference(labels) + " fixed at 0)");
            return m;
        }

        String describe(String task) {
            StringBuilder sb = new StringBuilder(task + ": F_avg score offsets");
            for (int k = 0; k < labels.size(); k++) {
                sb.append(String.format(Locale.ROOT, " %s %+.1f", labels.get(k), delta[k]));
            }
            return sb.append(String.format(Locale.ROOT, " chosen by %d-fold CV inside the training data (F_avg %.4f"
                    + " -> %.4f)", FOLDS, before, after)).toString();
        }
    }

    /** The label that keeps offset 0: {@link #NEUTRAL} when present, else the first. */
    static String reference(List<String> labels) {
        return labels.contains(NEUTRAL) ? NEUTRAL : labels.get(0);
    }

    /**
     * @param labels the trained model's label order (the offsets follow it)
     * @param params fixed lambda (a grid, if any, already resolved)
     */
    public static <E, I> Choice choose(List<E> train, Function<E, String> label, Function<E, String> group,
                                       Function<E, I> input, Featurizer<I> featurizer, List<String> labels,
                                       LinearParams params, long seed) {
        int n = train.size(), k = Math.min(FOLDS, n), l = labels.size();
        if (k < 2 || l < 2) return new Choice(labels, new double[l], Double.NaN, Double.NaN);
        List<List<String>> feats = new ArrayList<>(n);
        for (E e : train) feats.add(featurizer.features(input.apply(e)));
        List<String> gold = train.stream().map(label).toList();
        int[] fold = Splits.folds(train, k, seed, group, label);
        double[][] scores = new double[n][];
        for (int f = 0; f < k; f++) {
            List<List<String>> fx = new ArrayList<>();
            List<String> fy = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    fx.add(feats.get(i));
                    fy.add(gold.get(i));
                }
            }
            List<String> foldLabels = LinearTrainer.labelOrder(fy, labels);
            LinearModel m = foldLabels.size() < 2 ? null : LinearTrainer.trainFeatures(fx, fy, foldLabels, params);
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) continue;
                double[] s = new double[l];
                java.util.Arrays.fill(s, -1e9); // a label the fold never saw is never predicted
                if (m == null) {
                    if (!fy.isEmpty()) s[labels.indexOf(fy.get(0))] = 0;
                } else {
                    double[] fs = m.scores(m.indices(feats.get(i)));
                    for (int j = 0; j < fs.length; j++) s[labels.indexOf(foldLabels.get(j))] = fs[j];
                }
                scores[i] = s;
            }
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = labels.indexOf(gold.get(i));
        return fit(scores, y, labels);
    }

    /** The offsets that maximise F_avg of arg-max(scores + offsets) against {@code gold} (label indices). */
    static Choice fit(double[][] scores, int[] gold, List<String> labels) {
        int l = labels.size(), ref = labels.indexOf(reference(labels)), excluded = labels.indexOf(NEUTRAL);
        double before = favg(scores, gold, new double[l], excluded);
        double[] d = Calibration.ascendOffsets(l, ref, x -> favg(scores, gold, x, excluded));
        double best = favg(scores, gold, d, excluded);
        return new Choice(labels, d, before, best);
    }

    /** Mean F1 of every label except {@code excluded} (-1: none), predictions arg-max of scores + d. */
    static double favg(double[][] scores, int[] gold, double[] d, int excluded) {
        int l = d.length;
        int[] tp = new int[l], predicted = new int[l], support = new int[l];
        for (int i = 0; i < scores.length; i++) {
            int best = 0;
            for (int k = 1; k < l; k++) if (scores[i][k] + d[k] > scores[i][best] + d[best]) best = k;
            predicted[best]++;
            if (gold[i] >= 0) support[gold[i]]++;
            if (best == gold[i]) tp[best]++;
        }
        double sum = 0;
        for (int k = 0; k < l; k++) {
            if (k == excluded) continue;
            sum += predicted[k] + support[k] == 0 ? 0 : 2.0 * tp[k] / (predicted[k] + support[k]);
        }
        return sum / (excluded < 0 ? l : l - 1);
    }
}
