package org.stancekit.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.stancekit.actors.*;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.data.*;
import org.stancekit.model.*;
import java.nio.file.Path;
import java.util.*;

/** Default model's sentiment dev predictions (dev split re-derived: seed 42, 0.1). */
public final class DevDump {
    public static void main(String[] a) throws Exception {
        ModelBundle b = ModelBundle.load(Path.of(a[0]));
        TrainingCsv reader = new TrainingCsv(Columns.defaults(), new MentionMatcher(b.lexicon()), java.nio.charset.StandardCharsets.UTF_8, s -> {});
        List<LabelledData> parts = new ArrayList<>();
        for (int i = 2; i < a.length; i++) parts.add(reader.read(Path.of(a[i]), Set.of(Task.SENTIMENT)));
        List<SentimentExample> all = LabelledData.concat(parts).sentiment();
        Splits.Split<SentimentExample> sp = Splits.trainDev(all, 0.1, 42, SentimentExample::group, SentimentExample::label);
        Classifier<String> c = b.sentiment().orElseThrow();
        List<String> labels = c.labels();
        List<Prediction> ps = c.predictAll(sp.dev().stream().map(SentimentExample::text).toList());
        double[][] p = new double[ps.size()][labels.size()];
        for (int i = 0; i < p.length; i++) for (int k = 0; k < labels.size(); k++) p[i][k] = ps.get(i).probability(labels.get(k));
        int[] y = LinearTrainer.indexOf(labels, sp.dev().stream().map(SentimentExample::label).toList());
        System.err.println("dev n=" + y.length + " ece=" + Calibration.ece(p, y, 10) + " train n=" + sp.train().size());
        new ObjectMapper().writeValue(Path.of(a[1]).toFile(), Map.of("labels", labels, "p", p, "y", y));
    }
}
