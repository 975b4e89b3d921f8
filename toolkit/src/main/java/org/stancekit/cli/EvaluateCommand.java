package org.stancekit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.stancekit.BadInputException;
import org.stancekit.data.LabelledData;
import org.stancekit.data.SentimentExample;
import org.stancekit.data.StanceExample;
import org.stancekit.model.Classifier;
import org.stancekit.model.Prediction;
import org.stancekit.model.StanceQuery;
import org.stancekit.model.Task;
import org.stancekit.score.Scorer;
import org.stancekit.train.Evaluation;
import org.stancekit.train.ProbabilityScores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

@Command(name = "evaluate", description = "Measure a model on a labelled CSV: per-class precision, recall, F1,"
        + " macro-F1, accuracy, the confusion matrix, and how honest its confidences are (log-loss, 10-bin ECE).")
final class EvaluateCommand extends BaseCommand {
    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "FILE.csv",
            description = "Labelled CSV; repeatable, or several after one --data (training-data/*.csv).")
    List<Path> data;
    @Mixin
    ModelOptions model;
    @Option(names = "--task", description = "stance, sentiment or both (default: what the data and model both have).")
    TaskOption task;
    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;
    @Option(names = "--by-actor", description = "Stance: also score each actor (target) on its own; JSON adds"
            + " \"by_actor\": {actor: {the same metrics}} to the stance task.")
    boolean byActor;
    @Option(names = "--predictions", paramLabel = "FILE.csv", description = "Also write every example's gold label,"
            + " prediction and probabilities (columns task, source, actor, text, gold, predicted, confidence, p_<label>).")
    Path predictions;
    @Option(names = "--force", description = "Overwrite an existing --predictions file.")
    boolean force;
    @Mixin
    ColumnOptions columns;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            throw new BadInputException("--format " + format + ": use text or json");
        }
        Scorer scorer = model.scorer();
        Set<Task> wanted = task == null ? scorer.bundle().tasks().keySet() : task.tasks();
        for (Task t : wanted) {
            if (!scorer.bundle().tasks().containsKey(t)) {
                throw new BadInputException("the model has no " + t.key() + " model; use --task "
                        + scorer.bundle().tasks().keySet().iterator().next().key());
            }
        }
        AtomicOutput.check(predictions, force, "--predictions");
        LabelledData d = Data.read(data, columns, scorer.matcher(), wanted, this::warn);
        Map<Task, Evaluation> results = new EnumMap<>(Task.class);
        Map<Task, ProbabilityScores> confidence = new EnumMap<>(Task.class);
        Map<String, Evaluation> perActor = new TreeMap<>();
        List<PredictionsCsv.Row> rows = new ArrayList<>(); // kept only for --predictions
        if (wanted.contains(Task.STANCE) && !d.stance().isEmpty()) {
            Classifier<StanceQuery> c = scorer.bundle().stance().orElseThrow();
            List<StanceQuery> queries = new ArrayList<>();
            for (StanceExample e : d.stance()) {
                check(c.labels(), e.label(), e.source(), columns.columns().stance());
                queries.add(e.query());
            }
            List<Prediction> ps = c.predictAll(queries);
            Map<String, List<String>> goldBy = new TreeMap<>(), predBy = new TreeMap<>();
            for (int i = 0; i < ps.size(); i++) {
                StanceExample e = d.stance().get(i);
                goldBy.computeIfAbsent(e.query().actor(), k -> new ArrayList<>()).add(e.label());
                predBy.computeIfAbsent(e.query().actor(), k -> new ArrayList<>()).add(ps.get(i).label());
                if (predictions != null) {
                    rows.add(new PredictionsCsv.Row(Task.STANCE.key(), e.source(), 0, e.query().actor(), e.query().text(),
                            e.label(), ps.get(i)));
                }
            }
            List<String> gold = d.stance().stream().map(StanceExample::label).toList();
            results.put(Task.STANCE, Evaluation.of(c.labels(), gold, ps.stream().map(Prediction::label).toList()));
            confidence.put(Task.STANCE, probabilityScores(c.labels(), gold, ps));
            if (byActor) goldBy.forEach((a, g) -> perActor.put(a, Evaluation.of(c.labels(), g, predBy.get(a))));
        }
        if (wanted.contains(Task.SENTIMENT) && !d.sentiment().isEmpty()) {
            Classifier<String> c = scorer.bundle().sentiment().orElseThrow();
            for (SentimentExample e : d.sentiment()) check(c.labels(), e.label(), e.source(), columns.columns().sentiment());
            List<Prediction> ps = c.predictAll(d.sentiment().stream().map(SentimentExample::text).toList());
            List<String> gold = d.sentiment().stream().map(SentimentExample::label).toList();
            for (int i = 0; predictions != null && i < ps.size(); i++) {
                SentimentExample e = d.sentiment().get(i);
                rows.add(new PredictionsCsv.Row(Task.SENTIMENT.key(), e.source(), 0, "", e.text(), e.label(), ps.get(i)));
            }
            results.put(Task.SENTIMENT, Evaluation.of(c.labels(), gold, ps.stream().map(Prediction::label).toList()));
            confidence.put(Task.SENTIMENT, probabilityScores(c.labels(), gold, ps));
        }
        if (results.isEmpty()) throw new BadInputException("no labelled examples for " + wanted + " in " + data);
        if (format.equals("json")) {
            Map<String, Object> tasks = new LinkedHashMap<>();
            results.forEach((t, e) -> {
                Map<String, Object> m = new LinkedHashMap<>(e.toMap());
                m.put("confidence", confidence.get(t).toMap());
                if (t == Task.STANCE && byActor) {
                    Map<String, Object> by = new LinkedHashMap<>();
                    perActor.forEach((a, ev) -> by.put(a, ev.toMap()));
                    m.put("by_actor", by);
                }
                tasks.put(t.key(), m);
            });
            io.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Map.of("tasks", tasks)));
        } else {
            results.forEach((t, e) -> {
                io.out().println(t.key() + ":");
                io.out().print(e.toText());
                io.out().print(confidence.get(t).toText());
                io.out().println();
                if (t == Task.STANCE && byActor) {
                    perActor.forEach((a, ev) -> {
                        io.out().println(t.key() + ", actor " + a + ":");
                        io.out().print(ev.toText());
                        io.out().println();
                    });
                }
            });
        }
        if (predictions != null) PredictionsCsv.write(predictions, io.out(), rows);
        return Main.EXIT_OK;
    }

    private static ProbabilityScores probabilityScores(List<String> labels, List<String> gold, List<Prediction> ps) {
        double[][] probs = new double[ps.size()][];
        int[] g = new int[ps.size()];
        for (int i = 0; i < ps.size(); i++) {
            Map<String, Double> m = ps.get(i).probabilities();
            probs[i] = labels.stream().mapToDouble(m::get).toArray();
            g[i] = labels.indexOf(gold.get(i));
        }
        return ProbabilityScores.of(probs, g);
    }

    private static void check(List<String> labels, String label, String source, String column) {
        if (!labels.contains(label)) {
            throw new BadInputException(source + ", column '" + column + "': unknown label '" + label
                    + "'; the model's labels are " + String.join(", ", labels));
        }
    }
}
