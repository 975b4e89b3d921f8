package org.stancekit.cli;

import org.stancekit.io.Importers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "import", description = {"Convert a public dataset into StanceKit's training CSV.",
        "newsmtsc: NewsMTSC JSONL (polarity 2/4/6 -> against/neutral/favor, mention offsets kept).",
        "semeval: SemEval-2016 Task 6 TSV (FAVOR/AGAINST/NONE -> favor/against/neutral; the target is the actor)."})
final class ImportCommand extends BaseCommand {
    enum Format { newsmtsc, semeval }

    @Parameters(index = "0", paramLabel = "FORMAT", description = "newsmtsc or semeval.")
    Format kind;
    @Parameters(index = "1", paramLabel = "IN", description = "The dataset file.")
    Path in;
    @Parameters(index = "2", paramLabel = "OUT.csv", description = "The CSV to write.")
    Path out;
    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "Encoding of IN (default: UTF-8 if valid, else windows-1252 with a warning).")
    String encoding;
    @Option(names = "--force", description = "Overwrite an existing OUT.")
    boolean force;

    @Override
    public Integer call() {
        Importers.ImportReport r = kind == Format.newsmtsc
                ? Importers.importNewsMtsc(in, out, charset(encoding), force, this::warn)
                : Importers.importSemEval(in, out, charset(encoding), force, this::warn);
        io.out().printf("%s: %d rows written to %s (%d skipped); labels %s%n", kind, r.rows(), out, r.skipped(),
                r.labelCounts());
        return Main.EXIT_OK;
    }
}
