import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.MentionMatcher;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.data.Columns;
import org.stancekit.data.LabelledData;
import org.stancekit.data.StanceExample;
import org.stancekit.data.TrainingCsv;
import org.stancekit.model.Classifier;
import org.stancekit.model.EnsembleClassifier;
import org.stancekit.model.Prediction;
import org.stancekit.model.StanceQuery;
import org.stancekit.model.Task;
import org.stancekit.train.Splits;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How an ensemble bundle's two parts are best combined, judged on its own dev split only. Reproduces the dev split the
 * bundle was trained with (same files in the same order, --dev-split, --seed), takes each part's calibrated
 * probabilities on it, and compares combination rules by 5-fold cross-fitting inside dev (each rule is fitted on four
 * fifths of the dev groups and predicts the fifth; pooled macro-F1): the scalar weight by macro-F1 (what train does),
 * that weight plus per-label score offsets for macro-F1, and a small stacker (multinomial logistic regression on the
 * parts' log-probabilities). With an optional test CSV it also prints each rule fitted on the whole dev split and
 * applied to the test file, for the record only (never to choose).
 * Usage: java -cp stancekit-cli.jar scripts/bench/EnsembleRules.java MODEL_DIR DEV_FRACTION SEED [--test T.csv] FILE.csv...
 */
public class EnsembleRules {
    public static void main(String[] a) throws Exception {
        Path model = Path.of(a[0]);
        double frac = Double.parseDouble(a[1]);
        long seed = Long.parseLong(a[2]);
        Path test = null;
        List<Path> files = new ArrayList<>();
        for (int i = 3; i < a.length; i++) {
            if (a[i].equals("--test")) test = Path.of(a[++i]);
            else files.add(Path.of(a[i]));
        }
        ModelBundle bundle = ModelBundle.load(model);
        TrainingCsv reader = new TrainingCsv(Columns.defaults(), new MentionMatcher(bundle.lexicon()),
                StandardCharsets.UTF_8, w -> {});
        List<LabelledData> parts = new ArrayList<>();
        for (Path f : files) parts.add(reader.read(f, Set.of(Task.STANCE, Task.SENTIMENT)));
        List<StanceExample> all = LabelledData.concat(parts).stance();
        List<StanceExample> dev = Splits.trainDev(all, frac, seed, StanceExample::group, StanceExample::label).dev();
        EnsembleClassifier<StanceQuery> ens = (EnsembleClassifier<StanceQuery>) bundle.stance().orElseThrow();
        List<String> labels = ens.labels();
        Data d = data(ens, dev, labels);
        System.out.printf(Locale.ROOT, "dev n=%d (NewsMTSC %d), bundle weight %.2f%n", d.y.length,
                dev.stream().filter(e -> e.source().contains("newsmtsc")).count(), ens.linearWeight());
        int[] fold = Splits.folds(dev, 5, seed, StanceExample::group, StanceExample::label);
        String[] rules = {"linear", "neural", "weight", "weight+offsets", "stacker", "stacker+offsets"};
        for (String rule : rules) {
            int[] pred = new int[d.y.length];
            for (int f = 0; f < 5; f++) {
                Data tr = d.subset(fold, f, false), te = d.subset(fold, f, true);
                Rule r = fit(rule, tr, labels.size());
                int[] p = r.predict(te);
                int j = 0;
                for (int i = 0; i < fold.length; i++) if (fold[i] == f) pred[i] = p[j++];
            }
            Rule whole = fit(rule, d, labels.size());
            String extra = "";
            if (test != null) {
                List<StanceExample> t = reader.read(test, Set.of(Task.STANCE)).stance();
                Data td = data(ens, t, labels);
                extra = String.format(Locale.ROOT, "  | fitted on all dev -> test macro-F1 %.4f (n=%d) %s",
                        macro(td.y, whole.predict(td), labels.size()), td.y.length, whole.describe());
            } else extra = "  " + whole.describe();
            System.out.printf(Locale.ROOT, "%-16s cross-fitted dev macro-F1 %.4f (in-sample %.4f)%s%n", rule,
                    macro(d.y, pred, labels.size()), macro(d.y, whole.predict(d), labels.size()), extra);
        }
    }

    record Data(double[][] pl, double[][] pn, int[] y) {
        Data subset(int[] fold, int f, boolean in) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < fold.length; i++) if ((fold[i] == f) == in) idx.add(i);
            double[][] a = new double[idx.size()][], b = new double[idx.size()][];
            int[] yy = new int[idx.size()];
            for (int j = 0; j < idx.size(); j++) {
                a[j] = pl[idx.get(j)];
                b[j] = pn[idx.get(j)];
                yy[j] = y[idx.get(j)];
            }
            return new Data(a, b, yy);
        }
    }

    static Data data(EnsembleClassifier<StanceQuery> ens, List<StanceExample> ex, List<String> labels) {
        List<StanceExample> usable = ex.stream().filter(e -> labels.contains(e.label())).toList();
        List<StanceQuery> q = usable.stream().map(StanceExample::query).toList();
        double[][] pl = probs(ens.linear(), q, labels), pn = probs(ens.neural(), q, labels);
        int[] y = usable.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
        return new Data(pl, pn, y);
    }

    static double[][] probs(Classifier<StanceQuery> c, List<StanceQuery> q, List<String> labels) {
        List<Prediction> p = c.predictAll(q);
        double[][] out = new double[p.size()][labels.size()];
        for (int i = 0; i < p.size(); i++) for (int k = 0; k < labels.size(); k++) out[i][k] = p.get(i).probability(labels.get(k));
        return out;
    }

    interface Rule {
        double[][] scores(Data d);

        String describe();

        default int[] predict(Data d) {
            double[][] s = scores(d);
            int[] p = new int[s.length];
            for (int i = 0; i < s.length; i++) p[i] = argmax(s[i], null);
            return p;
        }
    }

    static Rule fit(String rule, Data d, int k) {
        switch (rule) {
            case "linear": return fixedWeight(1.0);
            case "neural": return fixedWeight(0.0);
            case "weight": return bestWeight(d, k);
            case "weight+offsets": return withOffsets(bestWeight(d, k), d, k);
            case "stacker": return stacker(d, k);
            case "stacker+offsets": return withOffsets(stacker(d, k), d, k);
            default: throw new IllegalArgumentException(rule);
        }
    }

    static Rule fixedWeight(double w) {
        return new Rule() {
            public double[][] scores(Data d) {
                double[][] s = new double[d.y.length][];
                for (int i = 0; i < s.length; i++) {
                    s[i] = new double[d.pl[i].length];
                    for (int c = 0; c < s[i].length; c++) s[i][c] = Math.log(Math.max(1e-12, w * d.pl[i][c] + (1 - w) * d.pn[i][c]));
                }
                return s;
            }

            public String describe() {
                return String.format(Locale.ROOT, "w=%.2f", w);
            }
        };
    }

    static Rule bestWeight(Data d, int k) {
        double best = -1, bw = 1;
        for (int step = 0; step <= 20; step++) {
            double w = step / 20.0;
            double f = macro(d.y, fixedWeight(w).predict(d), k);
            if (f > best + 1e-12) {
                best = f;
                bw = w;
            }
        }
        return fixedWeight(bw);
    }

    static Rule withOffsets(Rule base, Data d, int k) {
        double[][] s = base.scores(d);
        double[] off = new double[k];
        int ref = k - 1; // neutral is last in the stance label order (favor, against, neutral)
        double best = macroShift(d.y, s, off, k);
        for (int round = 0; round < 3; round++) {
            for (int c = 0; c < k; c++) {
                if (c == ref) continue;
                double keep = off[c];
                for (int step = -20; step <= 20; step++) {
                    double old = off[c];
                    off[c] = step / 20.0;
                    double v = macroShift(d.y, s, off, k);
                    if (v > best + 1e-12) {
                        best = v;
                        keep = off[c];
                    }
                    off[c] = old;
                }
                off[c] = keep;
            }
        }
        double[] fin = off.clone();
        return new Rule() {
            public double[][] scores(Data dd) {
                double[][] t = base.scores(dd);
                for (double[] r : t) for (int c = 0; c < k; c++) r[c] += fin[c];
                return t;
            }

            public String describe() {
                return base.describe() + " offsets " + java.util.Arrays.toString(fin);
            }
        };
    }

    /** Multinomial logistic regression on [log pl, log pn, 1], L2 0.01, batch gradient descent. */
    static Rule stacker(Data d, int k) {
        int f = 2 * k + 1, n = d.y.length;
        double[][] x = feats(d);
        double[][] w = new double[k][f];
        for (int c = 0; c < k; c++) {
            w[c][c] = 0.5;
            w[c][k + c] = 0.5;
        }
        double lr = 0.5, l2 = 0.01;
        for (int it = 0; it < 2000; it++) {
            double[][] g = new double[k][f];
            for (int i = 0; i < n; i++) {
                double[] p = softmax(w, x[i]);
                for (int c = 0; c < k; c++) {
                    double e = p[c] - (d.y[i] == c ? 1 : 0);
                    for (int j = 0; j < f; j++) g[c][j] += e * x[i][j] / n;
                }
            }
            for (int c = 0; c < k; c++) for (int j = 0; j < f; j++) w[c][j] -= lr * (g[c][j] + l2 * w[c][j]);
        }
        return new Rule() {
            public double[][] scores(Data dd) {
                double[][] xx = feats(dd), s = new double[xx.length][];
                for (int i = 0; i < xx.length; i++) {
                    s[i] = new double[k];
                    for (int c = 0; c < k; c++) for (int j = 0; j < f; j++) s[i][c] += w[c][j] * xx[i][j];
                }
                return s;
            }

            public String describe() {
                StringBuilder sb = new StringBuilder("stacker");
                for (double[] r : w) sb.append(' ').append(java.util.Arrays.toString(java.util.Arrays.stream(r)
                        .map(v -> Math.round(v * 100) / 100.0).toArray()));
                return sb.toString();
            }
        };
    }

    static double[][] feats(Data d) {
        int k = d.pl[0].length;
        double[][] x = new double[d.y.length][2 * k + 1];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < k; c++) {
                x[i][c] = Math.log(Math.max(1e-6, d.pl[i][c]));
                x[i][k + c] = Math.log(Math.max(1e-6, d.pn[i][c]));
            }
            x[i][2 * k] = 1;
        }
        return x;
    }

    static double[] softmax(double[][] w, double[] x) {
        double[] z = new double[w.length];
        double m = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            for (int j = 0; j < x.length; j++) z[c] += w[c][j] * x[j];
            m = Math.max(m, z[c]);
        }
        double t = 0;
        for (int c = 0; c < z.length; c++) t += z[c] = Math.exp(z[c] - m);
        for (int c = 0; c < z.length; c++) z[c] /= t;
        return z;
    }

    static double macroShift(int[] y, double[][] s, double[] off, int k) {
        int[] p = new int[y.length];
        for (int i = 0; i < y.length; i++) p[i] = argmax(s[i], off);
        return macro(y, p, k);
    }

    static int argmax(double[] s, double[] off) {
        int b = 0;
        for (int c = 1; c < s.length; c++) {
            if (s[c] + (off == null ? 0 : off[c]) > s[b] + (off == null ? 0 : off[b])) b = c;
        }
        return b;
    }

    static double macro(int[] y, int[] p, int k) {
        double sum = 0;
        for (int c = 0; c < k; c++) {
            int tp = 0, np = 0, ng = 0;
            for (int i = 0; i < y.length; i++) {
                if (p[i] == c) np++;
                if (y[i] == c) ng++;
                if (p[i] == c && y[i] == c) tp++;
            }
            sum += np + ng == 0 ? 0 : 2.0 * tp / (np + ng);
        }
        return sum / k;
    }
}
