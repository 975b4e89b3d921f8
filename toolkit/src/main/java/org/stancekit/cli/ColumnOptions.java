package org.stancekit.cli;

import org.stancekit.data.Columns;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** The CSV column options shared by train, evaluate and cross-validate. */
final class ColumnOptions {
    @Option(names = "--text-column", paramLabel = "NAME", description = "Column with the sentence (default: text).")
    String text;
    @Option(names = "--actor-column", paramLabel = "NAME", description = "Column with the actor id(s) (default: actor).")
    String actor;
    @Option(names = "--stance-column", paramLabel = "NAME", description = "Column with the stance label(s) (default: stance).")
    String stance;
    @Option(names = "--sentiment-column", paramLabel = "NAME",
            description = "Column with the sentence sentiment label (default: sentiment).")
    String sentiment;
    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "Encoding of the CSV files (default: UTF-8 if valid, else windows-1252 with a warning).")
    String encoding;

    Columns columns() {
        return Columns.defaults().with(text, actor, stance, sentiment);
    }

    Map<String, String> asMap() {
        Columns c = columns();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("text", c.text());
        m.put("actor", c.actor());
        m.put("stance", c.stance());
        m.put("sentiment", c.sentiment());
        return m;
    }
}
