package org.stancekit.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Why a linear model chose {@code label}: the features of the input that contributed most to that label, largest
 * magnitude first. A contribution is the feature's weight for the label minus its mean weight over all labels, divided
 * by the calibration temperature (see {@code LinearModel.contributions}): positive pushed toward {@code label},
 * negative away from it. {@code rest} is the sum of the contributions of the active features not listed. The label's
 * bias is not a feature and is left out.
 *
 * @param label      the label explained (the model's arg-max label, even when reported as {@code uncertain})
 * @param top        the strongest contributions, by decreasing magnitude
 * @param rest       the sum of the other features' contributions
 */
public record Explanation(String label, List<Contribution> top, double rest) {
    public Explanation {
        top = List.copyOf(top);
    }

    /**
     * One feature's push.
     *
     * @param feature     the model's feature name, e.g. {@code L1=condemned}
     * @param description the same in words, e.g. {@code "condemned" just before Russia}
     * @param value       signed contribution toward the explained label
     */
    public record Contribution(String feature, String description, double value) {}

    /**
     * The {@code k} largest contributions by magnitude (ties by feature name) and the sum of the rest.
     *
     * @param actor the stance target, used in the descriptions; null for sentiment
     */
    public static Explanation of(String label, Map<String, Double> contributions, int k, String actor) {
        // a model with lexiconDomain has each named-target feature twice, shared and as an L| or F| copy: one feature
        Map<String, Double> merged = new java.util.LinkedHashMap<>();
        contributions.forEach((f, c) -> merged.merge(f.startsWith("L|") || f.startsWith("F|") ? f.substring(2) : f, c,
                Double::sum));
        List<Map.Entry<String, Double>> all = new ArrayList<>(merged.entrySet());
        all.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        List<Contribution> top = new ArrayList<>();
        double rest = 0;
        for (int i = 0; i < all.size(); i++) {
            Map.Entry<String, Double> e = all.get(i);
            if (i < k) top.add(new Contribution(e.getKey(), FeatureText.describe(e.getKey(), actor), e.getValue()));
            else rest += e.getValue();
        }
        return new Explanation(label, top, rest);
    }
}
