package org.stancekit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.stancekit.bundle.ModelBundle;
import org.stancekit.model.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "info", description = "Show a model bundle's provenance, labels, settings and dev metrics.")
final class InfoCommand extends BaseCommand {
    @Mixin
    ModelOptions model;
    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            throw new org.stancekit.BadInputException("--format " + format + ": use text or json");
        }
        Path dir = model.modelDir();
        ModelBundle bundle = ModelBundle.load(dir);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("directory", dir.toString());
        all.put("bundle", ModelBundle.readBundleInfo(dir));
        all.put("actors", bundle.lexicon().namedActors().size());
        Map<String, Object> tasks = new LinkedHashMap<>();
        bundle.tasks().forEach((t, m) -> tasks.put(t.key(), m.info()));
        all.put("tasks", tasks);
        Map<String, Object> evaluations = evaluations(dir);
        if (!evaluations.isEmpty()) all.put("evaluations", evaluations);
        if (format.equals("json")) {
            io.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
            return Main.EXIT_OK;
        }
        Map<String, Object> b = (Map<String, Object>) all.get("bundle");
        io.out().printf("model:   %s%n", dir);
        io.out().printf("format:  %s (StanceKit %s, created %s)%n", b.get("format_version"), b.get("toolkit_version"),
                b.get("created"));
        io.out().printf("actors:  %d in actors.tsv%n", bundle.lexicon().namedActors().size());
        for (Map.Entry<Task, ModelBundle.TaskModel> e : bundle.tasks().entrySet()) {
            Map<String, Object> i = e.getValue().info();
            io.out().println();
            Object size = i.get("feature_count");
            if (size == null && i.get("linear") instanceof Map<?, ?> lin) size = lin.get("feature_count");
            String what = size == null ? "" : ", " + size + " features";
            Map<?, ?> neural = i.get("neural") instanceof Map<?, ?> nm ? nm : i;
            if (neural.get("network") instanceof Map<?, ?> n) {
                // a mixed bag lists each network's shape: "3 cnn + 1 bilstm"
                String networks = "network " + n.get("encoder");
                if (neural.get("network_specs") instanceof List<?> specs) {
                    Map<Object, Integer> counts = new java.util.LinkedHashMap<>();
                    for (Object spec : specs) {
                        if (spec instanceof Map<?, ?> m) counts.merge(m.get("encoder"), 1, Integer::sum);
                    }
                    networks = "networks " + String.join(" + ", counts.entrySet().stream()
                            .map(c -> c.getValue() + " " + c.getKey()).toList());
                }
                what += ", " + networks + " (vocabulary " + n.get("vocabulary_size") + ")";
            }
            io.out().printf("%s: %s backend, labels %s%s, temperature %.3f%n", e.getKey().key(),
                    i.get("backend"), i.get("labels"), what,
                    ((Number) i.getOrDefault("temperature", 1.0)).doubleValue());
            if (i.get("hyper_parameters") != null) {
                io.out().printf("  hyper-parameters: %s, seed %s%n", i.get("hyper_parameters"), i.get("seed"));
                if (i.get("feature_config") != null) io.out().printf("  features: %s%n", i.get("feature_config"));
            }
            if (i.get("neural_hyper_parameters") != null) {
                io.out().printf("  neural hyper-parameters: %s, seed %s%n", i.get("neural_hyper_parameters"),
                        i.get("seed"));
            }
            if (i.get("ensemble_fit") instanceof Map<?, ?> fit) {
                io.out().printf(Locale.ROOT, "  ensemble: linear weight %s; dev macro-F1 linear %.4f, neural %.4f,"
                        + " ensemble %.4f%n", fit.get("linear_weight"),
                        ((Number) fit.get("dev_macro_f1_linear")).doubleValue(),
                        ((Number) fit.get("dev_macro_f1_neural")).doubleValue(),
                        ((Number) fit.get("dev_macro_f1_ensemble")).doubleValue());
            }
            io.out().printf("  examples: %s, trained in %s s%n", i.get("examples"), i.get("training_seconds"));
            for (Map<String, Object> f : (List<Map<String, Object>>) i.getOrDefault("training_data", List.of())) {
                io.out().printf("  trained on: %s (%s rows, %s examples, sha256 %s)%n", f.get("path"), f.get("rows"),
                        f.get("examples"), f.get("sha256"));
            }
            Object dev = i.get("dev_data");
            io.out().printf("  dev data: %s%n", dev instanceof List<?> l ? l.stream()
                    .map(x -> String.valueOf(((Map<String, Object>) x).get("path"))).toList() : dev);
            Object dm = i.get("dev_metrics");
            if (dm instanceof Map<?, ?> m) {
                // bundles before 2026-11-27 do not say whether the ECE is in-sample (it is: fitted on dev)
                String kind = m.get("ece_held_out") instanceof Boolean held ? (held ? " (held out)" : " (in-sample)") : "";
                io.out().printf(Locale.ROOT, "  dev: macro-F1 %.4f, accuracy %.4f, n %s, ECE %.4f%s%n",
                        ((Number) m.get("macro_f1")).doubleValue(), ((Number) m.get("accuracy")).doubleValue(),
                        m.get("n"), m.get("ece") instanceof Number n ? n.doubleValue() : Double.NaN, kind);
            }
            if (i.get("calibration") instanceof Map<?, ?> cal && cal.get("linear_temperature") instanceof Number t) {
                io.out().printf(Locale.ROOT, "  calibration: %s, linear temperature %.3f, fitted on %s%n",
                        cal.get("method"), t.doubleValue(), cal.get("fitted_on"));
            }
            if (i.get("notes") != null) io.out().printf("  notes: %s%n", i.get("notes"));
            io.out().printf("  versions: %s%n", i.get("versions"));
        }
        evaluations.forEach((name, v) -> {
            io.out().println();
            io.out().printf("evaluation %s:%n", name);
            if (v instanceof Map<?, ?> m && m.get("tasks") instanceof Map<?, ?> ts) {
                ts.forEach((t, r) -> {
                    if (r instanceof Map<?, ?> rm && rm.get("macro_f1") instanceof Number f
                            && rm.get("accuracy") instanceof Number a) {
                        io.out().printf(Locale.ROOT, "  %s: macro-F1 %.4f, accuracy %.4f, n %s%n", t, f.doubleValue(),
                                a.doubleValue(), rm.get("n"));
                    }
                });
            }
        });
        return Main.EXIT_OK;
    }

    /** {@code evaluation-NAME.json} files kept in the bundle directory (written by scripts/train-default-model). */
    private static Map<String, Object> evaluations(Path dir) throws java.io.IOException {
        Map<String, Object> out = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("evaluation-") && name.endsWith(".json")) {
                    try {
                        out.put(name.substring(11, name.length() - 5), new ObjectMapper().readValue(f.toFile(), Map.class));
                    } catch (java.io.IOException e) {
                        out.put(name.substring(11, name.length() - 5), "unreadable: " + e.getMessage());
                    }
                }
            }
        }
        return out;
    }
}
