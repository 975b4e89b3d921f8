package org.stancekit.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ensemble backend: the linear and the neural model's (each calibrated) probabilities mixed with a weight fitted on
 * the dev set, {@code p = w·p_linear + (1−w)·p_neural}, then calibrated once more with a temperature on {@code log p}.
 * Immutable; thread-safe when its parts are.
 */
public final class EnsembleClassifier<I> implements Classifier<I>, BundleWritable {
    private final LinearClassifier<I> linear;
    private final Classifier<I> neural;
    private final double linearWeight;
    private final double temperature;

    public EnsembleClassifier(LinearClassifier<I> linear, Classifier<I> neural, double linearWeight,
                              double temperature) {
        if (!linear.labels().equals(neural.labels())) {
            throw new IllegalArgumentException("parts disagree on labels: " + linear.labels() + " vs " + neural.labels());
        }
        if (!(linearWeight >= 0 && linearWeight <= 1)) throw new IllegalArgumentException("weight must be in [0, 1]");
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be positive");
        this.linear = linear;
        this.neural = neural;
        this.linearWeight = linearWeight;
        this.temperature = temperature;
    }

    public LinearClassifier<I> linear() {
        return linear;
    }

    public Classifier<I> neural() {
        return neural;
    }

    public double linearWeight() {
        return linearWeight;
    }

    public double temperature() {
        return temperature;
    }

    public EnsembleClassifier<I> withTemperature(double t) {
        return new EnsembleClassifier<>(linear, neural, linearWeight, t);
    }

    @Override
    public List<String> labels() {
        return linear.labels();
    }

    @Override
    public Prediction predict(I input) {
        return predictAll(List.of(input)).get(0);
    }

    @Override
    public List<Prediction> predictAll(List<I> inputs) {
        if (inputs.isEmpty()) return List.of();
        List<Prediction> a = linear.predictAll(inputs), b = neural.predictAll(inputs);
        List<String> labels = labels();
        List<Prediction> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            out.add(Prediction.of(labels, calibrate(mix(a.get(i), b.get(i), labels, linearWeight), temperature)));
        }
        return out;
    }

    /** {@code w·a + (1−w)·b} over {@code labels}. */
    public static double[] mix(Prediction a, Prediction b, List<String> labels, double w) {
        double[] p = new double[labels.size()];
        for (int k = 0; k < p.length; k++) {
            p[k] = w * a.probability(labels.get(k)) + (1 - w) * b.probability(labels.get(k));
        }
        return p;
    }

    /** softmax(log p / t). */
    public static double[] calibrate(double[] p, double t) {
        double[] q = new double[p.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < p.length; k++) max = Math.max(max, q[k] = Math.log(Math.max(p[k], 1e-12)) / t);
        double sum = 0;
        for (int k = 0; k < p.length; k++) sum += q[k] = Math.exp(q[k] - max);
        for (int k = 0; k < p.length; k++) q[k] /= sum;
        return q;
    }

    @Override
    public Map<String, Object> writeTo(Path taskDir) throws IOException {
        if (!(neural instanceof BundleWritable nw)) {
            throw new IllegalStateException("the neural part cannot be saved: " + neural.getClass().getSimpleName());
        }
        linear.model().save(taskDir);
        Map<String, Object> neuralInfo = nw.writeTo(taskDir);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("backend", "ensemble");
        info.put("labels", labels());
        info.put("temperature", temperature);
        info.put("linear_weight", linearWeight);
        Map<String, Object> lin = new LinkedHashMap<>();
        lin.put("temperature", linear.model().temperature());
        lin.put("feature_count", linear.model().featureCount());
        lin.put("files", List.of(LinearModel.FEATURES_FILE, LinearModel.WEIGHTS_FILE));
        info.put("linear", lin);
        info.put("neural", neuralInfo);
        return info;
    }
}
