package org.stancekit.model;

import java.util.List;
import java.util.Locale;

/** The two things StanceKit predicts. The name is the CLI value, the bundle folder and the JSON key. */
public enum Task {
    STANCE(List.of("favor", "against", "neutral")),
    SENTIMENT(List.of("positive", "negative", "neutral"));

    private final List<String> defaultLabels;

    Task(List<String> defaultLabels) {
        this.defaultLabels = defaultLabels;
    }

    /** The labels of the shipped model and of LABELING.md; trained models may use any label set. */
    public List<String> defaultLabels() {
        return defaultLabels;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Task parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
