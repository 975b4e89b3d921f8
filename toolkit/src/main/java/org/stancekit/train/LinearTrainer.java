package org.stancekit.train;

import org.stancekit.BadInputException;
import org.stancekit.model.Featurizer;
import org.stancekit.model.LinearClassifier;
import org.stancekit.model.LinearModel;
import smile.classification.Maxent;

import java.util.ArrayList;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains the linear backend: extracts features, keeps those seen at least {@code minCount} times (sorted by name, so
 * the result does not depend on hash order), fits Smile's maximum-entropy model with L2 regularisation and copies the
 * weights into our own {@link LinearModel}. Deterministic.
 */
public final class LinearTrainer {
    private LinearTrainer() {}

    /**
     * @param labels the label order of the model (every gold label must be in it)
     */
    public static <I> LinearClassifier<I> train(List<I> inputs, List<String> gold, List<String> labels,
                                                Featurizer<I> featurizer, LinearParams params) {
        if (inputs.isEmpty()) throw new BadInputException("no training examples");
        List<List<String>> feats = new ArrayList<>(inputs.size());
        for (I in : inputs) feats.add(featurizer.features(in));
        return new LinearClassifier<>(featurizer, trainFeatures(feats, gold, labels, params));
    }

    /** The same, from each example's feature names (extracted once, e.g. for cross-validation); lambda as given. */
    static LinearModel trainFeatures(List<List<String>> feats, List<String> gold, List<String> labels,
                                     LinearParams params) {
        if (feats.isEmpty()) throw new BadInputException("no training examples");
        if (params.balanceLabels()) { // integer class weights: rarer labels' examples counted several times
            Map<String, Integer> byLabel = new HashMap<>();
            for (String g : gold) byLabel.merge(g, 1, Integer::sum);
            int max = java.util.Collections.max(byLabel.values());
            List<List<String>> f2 = new ArrayList<>();
            List<String> g2 = new ArrayList<>();
            for (int i = 0; i < feats.size(); i++) {
                int copies = Math.max(1, (int) Math.round((double) max / byLabel.get(gold.get(i))));
                for (int c = 0; c < copies; c++) {
                    f2.add(feats.get(i));
                    g2.add(gold.get(i));
                }
            }
            feats = f2;
            gold = g2;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> f : feats) {
            for (String name : new java.util.HashSet<>(f)) counts.merge(name, 1, Integer::sum);
        }
        TreeMap<String, Integer> kept = new TreeMap<>();
        counts.forEach((k, v) -> {
            if (v >= params.minCount()) kept.put(k, 0);
        });
        List<String> names = new ArrayList<>(kept.keySet());
        for (int i = 0; i < names.size(); i++) kept.put(names.get(i), i);
        int p = Math.max(1, names.size());
        int[][] x = new int[feats.size()][];
        int[] y = new int[feats.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = feats.get(i).stream().map(kept::get).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue)
                    .sorted().distinct().toArray();
            y[i] = labels.indexOf(gold.get(i));
            if (y[i] < 0) throw new IllegalArgumentException("label " + gold.get(i) + " not in " + labels);
        }
        int k = labels.size();
        float[][] w = new float[k][p];
        float[] b = new float[k];
        if (k == 2) {
            Maxent.Binomial m = Maxent.binomial(p, x, y, params.lambda(), params.tolerance(), params.maxIterations());
            double[] c = m.coefficients(); // p weights then the intercept; the score of label 1
            for (int j = 0; j < p; j++) w[1][j] = (float) c[j];
            b[1] = (float) c[p];
        } else if (k > 2) {
            Maxent.Multinomial m = Maxent.multinomial(p, x, y, params.lambda(), params.tolerance(),
                    params.maxIterations());
            double[][] c = m.coefficients();
            for (int l = 0; l < c.length; l++) {
                for (int j = 0; j < p; j++) w[l][j] = (float) c[l][j];
                b[l] = (float) c[l][p];
            }
        }
        if (names.isEmpty()) names = List.of("<none>");
        return new LinearModel(labels, names, w, b, 1.0);
    }

    /** Raw scores of a trained classifier on inputs (for calibration). */
    public static <I> double[][] scores(LinearClassifier<I> c, List<I> inputs) {
        double[][] s = new double[inputs.size()][];
        for (int i = 0; i < s.length; i++) {
            s[i] = c.model().scores(c.model().indices(c.featurizer().features(inputs.get(i))));
        }
        return s;
    }

    /** Label order: the task's default labels first (those present), then any others sorted. */
    public static List<String> labelOrder(List<String> gold, List<String> preferred) {
        java.util.Set<String> present = new java.util.TreeSet<>(gold);
        List<String> out = new ArrayList<>();
        for (String l : preferred) if (present.remove(l)) out.add(l);
        out.addAll(present);
        return out;
    }

    static int[] indexOf(List<String> labels, List<String> gold) {
        int[] y = new int[gold.size()];
        for (int i = 0; i < y.length; i++) y[i] = labels.indexOf(gold.get(i));
        return y;
    }

}
