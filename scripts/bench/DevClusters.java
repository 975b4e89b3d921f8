import org.stancekit.actors.*;
import org.stancekit.data.*;
import org.stancekit.model.*;
import org.stancekit.train.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.*;

/**
 * GloVe k-means cluster ids as extra linear stance features, measured on the default model's dev split (the given CSVs
 * in order, 10% article-grouped, seed 42, `--lambda 3 --min-count 1 --lexicon-domain`; dev macro-F1 only). Not adopted
 * (README, "Other NewsMTSC ideas"): at most +0.005 for clusters a shipped model could carry.
 * Usage: java -Dglove=GLOVE.json -Dcfgs=0,300:win,3000:win [-Dtop=50000] -cp stancekit-cli.jar
 *        scripts/bench/DevClusters.java newsmtsc-train.csv training-data/*.csv
 * cfgs: K:MODE with MODE sent (every word's cluster id), win (the ids of the three words each side of the target) or
 * sentwin; K=0 is the baseline. -Dtop=N clusters GloVe's N most frequent words (what a shipped model would need);
 * without it the data's own words are clustered. Spherical k-means, 20 iterations, seed 7.
 */
public class DevClusters {
    static final List<String> LABELS = List.of("favor", "against", "neutral");
    public static void main(String[] a) throws Exception {
        ActorLexicon lex = ActorLexicon.loadDefault();
        TrainingCsv reader = new TrainingCsv(Columns.defaults(), new MentionMatcher(lex), StandardCharsets.UTF_8, w -> {});
        List<LabelledData> parts = new ArrayList<>();
        for (String f : a) parts.add(reader.read(Path.of(f), Set.of(Task.STANCE, Task.SENTIMENT)));
        List<StanceExample> all = LabelledData.concat(parts).stance();
        var split = Splits.trainDev(all, 0.1, 42, StanceExample::group, StanceExample::label);
        List<StanceExample> tr = split.train(), dev = split.dev();
        FeatureConfig fc = FeatureConfig.defaults().withLexiconDomain(true);
        Featurizer<StanceQuery> base = new StanceFeaturizer(fc, lex::contains);
        for (String cfg : System.getProperty("cfgs", "0").split(",")) {
            String[] kv = cfg.split(":");
            int k = Integer.parseInt(kv[0]);
            String mode = kv.length > 1 ? kv[1] : "sent";
            Map<String, Integer> clusters = k > 0 ? clusters(all, k) : Map.of();
            Featurizer<StanceQuery> feat = k == 0 ? base : (q, sink) -> {
                base.features(q, sink);
                List<String> ws = words(q.text());
                if (mode.contains("sent")) for (String w : ws) { Integer c = clusters.get(w); if (c != null) sink.add("k=" + c); }
                if (mode.contains("win")) {
                    for (var m : q.targets()) {
                        List<String> left = words(q.text().substring(0, m.start())), right = words(q.text().substring(m.end()));
                        for (int d = 1; d <= 3; d++) {
                            if (left.size() - d >= 0) { Integer c = clusters.get(left.get(left.size() - d)); if (c != null) sink.add("Lk=" + c); }
                            if (d - 1 < right.size()) { Integer c = clusters.get(right.get(d - 1)); if (c != null) sink.add("Rk=" + c); }
                        }
                    }
                }
            };
            List<String> gold = tr.stream().map(StanceExample::label).toList();
            LinearClassifier<StanceQuery> c = LinearTrainer.train(tr.stream().map(StanceExample::query).toList(), gold,
                    LinearTrainer.labelOrder(gold, LABELS), feat, new LinearParams(3.0, 1, 1e-5, 500));
            double[][] s = LinearTrainer.scores(c, dev.stream().map(StanceExample::query).toList());
            List<String> order = c.labels();
            int[] y = new int[dev.size()], p = new int[dev.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = order.indexOf(dev.get(i).label());
                int best = 0;
                for (int j = 1; j < s[i].length; j++) if (s[i][j] > s[i][best]) best = j;
                p[i] = best;
            }
            double m = 0;
            for (int k2 = 0; k2 < order.size(); k2++) {
                int tp = 0, pp = 0, gg = 0;
                for (int i = 0; i < y.length; i++) { if (p[i] == k2) pp++; if (y[i] == k2) gg++; if (p[i] == k2 && y[i] == k2) tp++; }
                m += tp == 0 ? 0 : 2.0 * tp / (pp + gg);
            }
            System.out.printf(Locale.ROOT, "cfg %s dev n=%d macro-F1 %.4f%n", cfg, y.length, m / order.size());
        }
    }
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}']+")) if (!w.isEmpty()) out.add(w);
        return out;
    }

    static Map<String, Integer> clusters(List<StanceExample> all, int k) throws Exception {
        int top = Integer.parseInt(System.getProperty("top", "0"));
        List<List<String>> texts;
        if (top > 0) {
            var p = new com.fasterxml.jackson.core.JsonFactory().createParser(new java.io.File(System.getProperty("glove")));
            List<String> gw = new ArrayList<>();
            while (p.nextToken() != null) {
                if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && p.getCurrentName().equals("words")) {
                    p.nextToken();
                    while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING && gw.size() < top) gw.add(p.getText());
                    break;
                }
            }
            texts = List.of(gw);
        } else texts = all.stream().map(e -> words(e.query().text())).toList();
        org.stancekit.model.neural.Vocabulary v = org.stancekit.model.neural.Vocabulary.build(texts, 1);
        var loaded = org.stancekit.model.neural.PretrainedVectors.read(Path.of(System.getProperty("glove")), v, 100);
        List<String> ws = new ArrayList<>();
        List<float[]> xs = new ArrayList<>();
        for (var e : new TreeMap<>(loaded.vectors()).entrySet()) {
            float[] x = e.getValue().clone();
            double s = 0;
            for (float f : x) s += f * f;
            for (int d = 0; d < x.length; d++) x[d] /= (float) Math.sqrt(s);
            ws.add(v.word(e.getKey()));
            xs.add(x);
        }
        int n = xs.size(), dim = 100;
        java.util.Random rnd = new java.util.Random(7);
        float[][] c = new float[k][];
        for (int j = 0; j < k; j++) c[j] = xs.get(rnd.nextInt(n)).clone();
        int[] as = new int[n];
        long t0 = System.nanoTime();
        for (int it = 0; it < 20; it++) {
            float[] ct = new float[dim * k];
            for (int j = 0; j < k; j++) for (int d = 0; d < dim; d++) ct[d * k + j] = c[j][d];
            java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
                float[] x = xs.get(i);
                float[] sc = new float[k];
                for (int d = 0; d < dim; d++) { float xd = x[d]; int base = d * k; for (int j = 0; j < k; j++) sc[j] += xd * ct[base + j]; }
                int best = 0;
                for (int j = 1; j < k; j++) if (sc[j] > sc[best]) best = j;
                as[i] = best;
            });
            float[][] nc = new float[k][dim];
            int[] cnt = new int[k];
            for (int i = 0; i < n; i++) { cnt[as[i]]++; for (int d = 0; d < dim; d++) nc[as[i]][d] += xs.get(i)[d]; }
            for (int j = 0; j < k; j++) {
                if (cnt[j] == 0) { nc[j] = xs.get(rnd.nextInt(n)).clone(); continue; }
                double s = 0;
                for (float f : nc[j]) s += f * f;
                for (int d = 0; d < dim; d++) nc[j][d] /= (float) Math.sqrt(s);
            }
            c = nc;
        }
        Map<String, Integer> out = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) out.put(ws.get(i), as[i]);
        System.err.printf("clustered %d words into %d, %.1f s%n", n, k, (System.nanoTime() - t0) / 1e9);
        return out;
    }

}
