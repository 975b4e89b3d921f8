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
        Path dir = model.modelDir();
        ModelBundle bundle = ModelBundle.load(dir);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("directory", dir.toString());
        all.put("bundle", ModelBundle.readBundleInfo(dir));
        all.put("actors", bundle.lexicon().namedActors().size());
        Map<String, Object> tasks = new LinkedHashMap<>();
        bundle.tasks().forEach((t, m) -> tasks.put(t.key(), m.info()));
        all.put("tasks", tasks);
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
            io.out().printf("%s: %s backend, labels %s, %s features, temperature %.3f%n", e.getKey().key(),
                    i.get("backend"), i.get("labels"), i.get("feature_count"),
                    ((Number) i.getOrDefault("temperature", 1.0)).doubleValue());
            io.out().printf("  hyper-parameters: %s, seed %s%n", i.get("hyper_parameters"), i.get("seed"));
            io.out().printf("  examples: %s, trained in %s s%n", i.get("examples"), i.get("training_seconds"));
            for (Map<String, Object> f : (List<Map<String, Object>>) i.getOrDefault("training_data", List.of())) {
                io.out().printf("  trained on: %s (%s rows, sha256 %s)%n", f.get("path"), f.get("rows"), f.get("sha256"));
            }
            Object dev = i.get("dev_data");
            io.out().printf("  dev data: %s%n", dev instanceof List<?> l ? l.stream()
                    .map(x -> String.valueOf(((Map<String, Object>) x).get("path"))).toList() : dev);
            Object dm = i.get("dev_metrics");
            if (dm instanceof Map<?, ?> m) {
                io.out().printf(Locale.ROOT, "  dev: macro-F1 %.4f, accuracy %.4f, n %s, ECE %.4f%n",
                        ((Number) m.get("macro_f1")).doubleValue(), ((Number) m.get("accuracy")).doubleValue(),
                        m.get("n"), m.get("ece") instanceof Number n ? n.doubleValue() : Double.NaN);
            }
            Object extra = i.get("evaluations");
            if (extra instanceof Map<?, ?> ev) {
                ev.forEach((k, v) -> io.out().printf("  %s: %s%n", k, v));
            }
            io.out().printf("  versions: %s%n", i.get("versions"));
        }
        return Main.EXIT_OK;
    }
}
