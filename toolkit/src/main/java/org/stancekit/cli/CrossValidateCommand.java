package org.stancekit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.stancekit.BadInputException;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.MentionMatcher;
import org.stancekit.data.LabelledData;
import org.stancekit.model.Task;
import org.stancekit.train.CrossValidation;
import org.stancekit.train.LinearParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "cross-validate", description = "K-fold cross-validation of the training settings on labelled CSV"
        + " files (folds keep each sentence's rows together and are stratified by label).")
final class CrossValidateCommand extends BaseCommand {
    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "Labelled CSV (repeatable).")
    List<Path> data;
    @Option(names = "--folds", defaultValue = "5", description = "Number of folds (default: ${DEFAULT-VALUE}).")
    int folds;
    @Option(names = "--task", defaultValue = "both", description = "stance, sentiment or both (default: ${DEFAULT-VALUE}).")
    TaskOption task;
    @Option(names = "--seed", defaultValue = "42", description = "Seed for the fold assignment (default: ${DEFAULT-VALUE}).")
    long seed;
    @Mixin
    LinearOptions linear;
    @Option(names = "--min-count", defaultValue = "1", description = "Feature count cut-off (default: ${DEFAULT-VALUE}).")
    int minCount;
    @Option(names = "--actors", paramLabel = "FILE", description = "Actor lexicon TSV (default: the shipped one).")
    Path actors;
    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;
    @Mixin
    ColumnOptions columns;
    @Mixin
    FeatureOptions featureOptions;

    @Override
    public Integer call() throws Exception {
        if (folds < 2) throw new BadInputException("--folds must be at least 2, got " + folds);
        if (minCount < 1) throw new BadInputException("--min-count must be >= 1, got " + minCount);
        LinearParams params = linear.params(minCount, 500);
        if (!format.equals("text") && !format.equals("json")) {
            throw new BadInputException("--format " + format + ": use text or json");
        }
        ActorLexicon lexicon = actors == null ? ActorLexicon.loadDefault() : ActorLexicon.load(actors);
        LabelledData d = Data.read(data, columns, new MentionMatcher(lexicon), task.tasks(), this::warn);
        Map<String, Object> json = new LinkedHashMap<>();
        for (Task t : task.tasks()) {
            CrossValidation.Result r = CrossValidation.run(t, d, folds, seed, params, featureOptions.config(),
                    this::note);
            json.put(t.key(), r.toMap());
            if (format.equals("text")) {
                io.out().printf(Locale.ROOT, "%s: %d-fold macro-F1 %.4f ± %.4f, accuracy %.4f ± %.4f%n", t.key(), folds,
                        r.meanMacroF1(), r.sdMacroF1(), r.meanAccuracy(), r.sdAccuracy());
                io.out().println("pooled over folds:");
                io.out().print(r.pooled().toText());
                io.out().println();
            }
        }
        if (format.equals("json")) {
            io.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Map.of("tasks", json)));
        }
        return Main.EXIT_OK;
    }
}
