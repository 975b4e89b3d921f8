package org.stancekit.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores of predictions against gold labels: accuracy, macro-F1 over the label set, per-class precision, recall, F1 and
 * support, and the confusion matrix (gold → predicted → count). Immutable.
 */
public record Evaluation(int n, double accuracy, double macroF1, Map<String, ClassScores> perClass,
                         Map<String, Map<String, Integer>> confusion) {

    public record ClassScores(double precision, double recall, double f1, int support) {}

    /**
     * @param labels the label set (model order); gold or predicted labels outside it are added at the end
     */
    public static Evaluation of(List<String> labels, List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) throw new IllegalArgumentException("gold and predicted differ in size");
        List<String> all = new ArrayList<>(labels);
        for (String g : gold) if (!all.contains(g)) all.add(g);
        for (String p : predicted) if (!all.contains(p)) all.add(p);
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        for (String g : all) {
            Map<String, Integer> row = new LinkedHashMap<>();
            for (String p : all) row.put(p, 0);
            confusion.put(g, row);
        }
        int correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            confusion.get(gold.get(i)).merge(predicted.get(i), 1, Integer::sum);
            if (gold.get(i).equals(predicted.get(i))) correct++;
        }
        Map<String, ClassScores> per = new LinkedHashMap<>();
        double f1Sum = 0;
        for (String c : all) {
            int tp = confusion.get(c).get(c);
            int support = confusion.get(c).values().stream().mapToInt(Integer::intValue).sum();
            int predictedC = 0;
            for (String g : all) predictedC += confusion.get(g).get(c);
            double p = predictedC == 0 ? 0 : (double) tp / predictedC;
            double r = support == 0 ? 0 : (double) tp / support;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            per.put(c, new ClassScores(p, r, f, support));
            f1Sum += f;
        }
        int n = gold.size();
        return new Evaluation(n, n == 0 ? 0 : (double) correct / n, all.isEmpty() ? 0 : f1Sum / all.size(), per,
                confusion);
    }

    /** Mean F1 of the given labels (SemEval's F_avg is the mean over favor and against). */
    public double meanF1(String... labels) {
        double s = 0;
        for (String l : labels) s += perClass.containsKey(l) ? perClass.get(l).f1() : 0;
        return s / labels.length;
    }

    /** A plain map for JSON: {@code n, accuracy, macro_f1, per_class, confusion}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("accuracy", accuracy);
        m.put("macro_f1", macroF1);
        Map<String, Object> pc = new LinkedHashMap<>();
        perClass.forEach((k, v) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("precision", v.precision());
            c.put("recall", v.recall());
            c.put("f1", v.f1());
            c.put("support", v.support());
            pc.put(k, c);
        });
        m.put("per_class", pc);
        m.put("confusion", confusion);
        return m;
    }

    /** An aligned per-class table and confusion matrix for a terminal. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        int w = Math.max(9, perClass.keySet().stream().mapToInt(String::length).max().orElse(5) + 2);
        sb.append(String.format(java.util.Locale.ROOT, "n=%d  accuracy=%.4f  macro-F1=%.4f%n", n, accuracy, macroF1));
        sb.append(String.format(java.util.Locale.ROOT, "%-" + w + "s %9s %9s %9s %9s%n", "label", "precision",
                "recall", "f1", "support"));
        perClass.forEach((k, v) -> sb.append(String.format(java.util.Locale.ROOT, "%-" + w + "s %9.4f %9.4f %9.4f %9d%n",
                k, v.precision(), v.recall(), v.f1(), v.support())));
        sb.append("confusion (rows: gold, columns: predicted)\n");
        sb.append(String.format(java.util.Locale.ROOT, "%-" + w + "s", ""));
        for (String p : confusion.keySet()) sb.append(String.format(java.util.Locale.ROOT, " %" + w + "s", p));
        sb.append('\n');
        confusion.forEach((g, row) -> {
            sb.append(String.format(java.util.Locale.ROOT, "%-" + w + "s", g));
            row.values().forEach(c -> sb.append(String.format(java.util.Locale.ROOT, " %" + w + "d", c)));
            sb.append('\n');
        });
        return sb.toString();
    }
}
