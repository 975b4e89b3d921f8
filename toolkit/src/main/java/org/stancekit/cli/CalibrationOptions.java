package org.stancekit.cli;

import org.stancekit.BadInputException;
import org.stancekit.model.Task;
import org.stancekit.train.Calibration;
import picocli.CommandLine.Option;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code --calibration [TASK=]METHOD} and {@code --ensemble-weight [TASK=]CRITERION}: how temperatures and the
 * ensemble's weight are fitted, for every task or one (train and cross-validate).
 */
final class CalibrationOptions {
    @Option(names = "--calibration", paramLabel = "[TASK=]METHOD",
            description = "Where the linear model's temperature is fitted: dev (default: on the dev set) or cross-fit"
                    + " (on 5-fold out-of-fold predictions over the training part). TASK=METHOD (stance=..., sentiment=...)"
                    + " sets one task; repeatable.")
    List<String> calibration = List.of();
    @Option(names = "--ensemble-weight", paramLabel = "[TASK=]CRITERION",
            description = "Ensemble: choose the linear weight on dev by macro-f1 (default; then the temperature by"
                    + " log-loss) or log-loss (weight and temperature together). TASK=CRITERION sets one task;"
                    + " repeatable.")
    List<String> ensembleWeight = List.of();

    /** The calibration method per task; a task not named is {@code dev}. */
    Map<Task, Calibration.Method> methods() {
        return parse("--calibration", calibration, Calibration.Method::parse, "dev or cross-fit");
    }

    /** The ensemble weight criterion per task; a task not named is {@code macro-f1}. */
    Map<Task, Calibration.WeightCriterion> weightCriteria() {
        return parse("--ensemble-weight", ensembleWeight, Calibration.WeightCriterion::parse, "macro-f1 or log-loss");
    }

    boolean any() {
        return !calibration.isEmpty() || !ensembleWeight.isEmpty();
    }

    /** {@code [TASK=]VALUE} options, repeatable: the value per task (a value without a task applies to both). */
    static <V> Map<Task, V> perTask(String option, List<String> values, Function<String, V> parser, String choices) {
        return parse(option, values, parser, choices);
    }

    private static <V> Map<Task, V> parse(String option, List<String> values, Function<String, V> parser,
                                          String choices) {
        Map<Task, V> out = new EnumMap<>(Task.class);
        for (String v : values) {
            int eq = v.indexOf('=');
            String task = eq < 0 ? null : v.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            V value;
            try {
                value = parser.apply(eq < 0 ? v : v.substring(eq + 1));
            } catch (BadInputException e) {
                throw new BadInputException(option + " " + v + ": choose " + choices
                        + ", optionally after stance= or sentiment=");
            }
            if (task == null) {
                for (Task t : Task.values()) out.put(t, value);
            } else if (task.equals("stance")) {
                out.put(Task.STANCE, value);
            } else if (task.equals("sentiment")) {
                out.put(Task.SENTIMENT, value);
            } else {
                throw new BadInputException(option + " " + v + ": the task must be stance or sentiment");
            }
        }
        return out;
    }
}
