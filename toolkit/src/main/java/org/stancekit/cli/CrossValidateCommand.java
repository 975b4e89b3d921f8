package org.stancekit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.stancekit.BadInputException;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.MentionMatcher;
import org.stancekit.data.LabelledData;
import org.stancekit.model.Task;
import org.stancekit.model.neural.NeuralParams;
import org.stancekit.train.Calibration;
import org.stancekit.train.CrossValidation;
import org.stancekit.train.LinearParams;
import org.stancekit.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

@Command(name = "cross-validate", description = "K-fold cross-validation of the training settings on labelled CSV"
        + " files (folds keep each sentence's rows together and are stratified by label).")
final class CrossValidateCommand extends BaseCommand {
    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "FILE.csv",
            description = "Labelled CSV; repeatable, or several after one --data (training-data/*.csv).")
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
    @Mixin
    CalibrationOptions calibration;
    @Option(names = "--backend", defaultValue = "linear",
            description = "linear (default), neural or ensemble; other than linear needs --dev-split.")
    String backend;
    @Option(names = "--dev-split", paramLabel = "FRACTION", defaultValue = "0",
            description = "Run the whole training pipeline in each fold, holding out this fraction of the fold's"
                    + " training part as its dev set for calibration (and the ensemble's weight, the network's early"
                    + " stopping), as train does; 0 (default): train the linear model on all of it, uncalibrated.")
    double devSplit;
    @Option(names = "--bag", paramLabel = "N", defaultValue = "" + NeuralParams.DEFAULT_BAG,
            description = "Neural and ensemble: networks per bag (default: ${DEFAULT-VALUE}; the other neural"
                    + " settings are train's defaults).")
    int bag;
    @Option(names = "--embeddings", paramLabel = "FILE",
            description = "Neural and ensemble: pretrained word vectors the networks start from, as train's"
                    + " --embeddings.")
    Path embeddings;
    @Option(names = "--predictions", paramLabel = "FILE.csv", description = "Also write every example's out-of-fold"
            + " prediction (columns task, source, fold, actor, text, gold, predicted, confidence, p_<label>), e.g. to"
            + " find rows whose label the model trained without them confidently disputes.")
    Path predictions;
    @Option(names = "--force", description = "Overwrite an existing --predictions file.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (folds < 2) throw new BadInputException("--folds must be at least 2, got " + folds);
        if (minCount < 1) throw new BadInputException("--min-count must be >= 1, got " + minCount);
        LinearParams params = linear.params(minCount, 500);
        if (!format.equals("text") && !format.equals("json")) {
            throw new BadInputException("--format " + format + ": use text or json");
        }
        Trainer.Backend backendChoice = Trainer.Backend.parse(backend);
        if (!(devSplit >= 0 && devSplit < 1)) throw new BadInputException("--dev-split must be in [0, 1), got " + devSplit);
        if (devSplit == 0 && (backendChoice != Trainer.Backend.LINEAR || calibration.any())) {
            throw new BadInputException("--backend " + backendChoice.key() + ", --calibration and --ensemble-weight"
                    + " need --dev-split (the whole pipeline in each fold), e.g. --dev-split 0.1");
        }
        if (bag < 1 || bag > NeuralParams.MAX_BAG) {
            throw new BadInputException("--bag " + bag + ": must be between 1 and " + NeuralParams.MAX_BAG);
        }
        TrainCommand.probeEmbeddings(embeddings, 100);
        Map<Task, Calibration.Method> methods = calibration.methods();
        Map<Task, Calibration.WeightCriterion> criteria = calibration.weightCriteria();
        AtomicOutput.check(predictions, force, "--predictions");
        ActorLexicon lexicon = actors == null ? ActorLexicon.loadDefault() : ActorLexicon.load(actors);
        LabelledData d = Data.read(data, columns, new MentionMatcher(lexicon), task.tasks(), this::warn);
        Map<String, Object> json = new LinkedHashMap<>();
        List<PredictionsCsv.Row> rows = new ArrayList<>();
        for (Task t : task.tasks()) {
            CrossValidation.Result r;
            if (devSplit > 0) {
                Trainer.Options o = new Trainer.Options(Set.of(t), params, featureOptions.config(), seed, devSplit,
                        Map.of(), false, Map.of()).withBackend(backendChoice, new NeuralParams("cnn", 100, 16, 128, 3,
                        0.5, 1e-3, 1e-5, 32, 12, 2, 60, minCount, true, 5, List.of(), bag, false, false, 0.0, 0.0)
                        .withEmbeddings(embeddings)).withCalibration(methods).withEnsembleWeight(criteria);
                try {
                    r = CrossValidation.runPipeline(t, d, folds, seed, o, lexicon, this::note);
                } catch (BadInputException e) {
                    throw Data.naming(data, e);
                }
            } else {
                r = CrossValidation.run(t, d, folds, seed, params, featureOptions.config(), lexicon::contains,
                        this::note);
            }
            json.put(t.key(), r.toMap());
            for (CrossValidation.Held h : r.held()) {
                rows.add(new PredictionsCsv.Row(t.key(), h.source(), h.fold(), h.actor(), h.text(), h.gold(),
                        h.prediction()));
            }
            if (format.equals("text")) {
                io.out().printf(Locale.ROOT, "%s: %d-fold macro-F1 %.4f ± %.4f, accuracy %.4f ± %.4f%n", t.key(), folds,
                        r.meanMacroF1(), r.sdMacroF1(), r.meanAccuracy(), r.sdAccuracy());
                io.out().printf(Locale.ROOT, "held-out probabilities pooled over folds: ECE %.4f, log-loss %.4f (%s)%n",
                        r.ece(), r.logLoss(), r.probabilities());
                io.out().println("pooled over folds:");
                io.out().print(r.pooled().toText());
                io.out().println();
            }
        }
        if (format.equals("json")) {
            io.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Map.of("tasks", json)));
        }
        if (predictions != null) PredictionsCsv.write(predictions, io.out(), rows);
        return Main.EXIT_OK;
    }
}
