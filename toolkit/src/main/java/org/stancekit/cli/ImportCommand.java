package org.stancekit.cli;

import org.stancekit.BadInputException;
import org.stancekit.io.Importers;
import org.stancekit.io.NewsImporters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "import", description = {"Convert a public dataset into StanceKit's training CSV.",
        "newsmtsc: NewsMTSC JSONL (polarity 2/4/6 -> against/neutral/favor, mention offsets kept).",
        "semeval: SemEval-2016 Task 6 TSV (FAVOR/AGAINST/NONE -> favor/against/neutral; the target is the actor).",
        "pstance: P-Stance CSV Tweet,Target,Stance (FAVOR/AGAINST/NONE -> favor/against/neutral; the target is the"
                + " actor; --drop-none leaves NONE out, as the paper does).",
        "fpb: Financial PhraseBank Sentences_*Agree.txt, sentence@label per line (ISO-8859-1 unless --encoding)"
                + " -> text,sentiment.",
        "sst: SST stsa.fine.* / stsa.binary.* files, '<label> <sentence>' per line -> text,sentiment with the"
                + " dataset's own labels (very negative .. very positive; negative, positive).",
        "basil: the BASIL folder (articles/, annotations/) -> one row per sentence and entity for spans aimed at the"
                + " entity that the sentence names (pos/neg -> favor/against; no neutral rows). For evaluation.",
        "headlines: SemEval-2007 Task 14 affectivetext_*.xml with its .valence.gold beside it -> id,text,sentiment,"
                + "valence (valence <= -50 negative, >= 50 positive, else neutral). For evaluation."})
final class ImportCommand extends BaseCommand {
    enum Format { newsmtsc, semeval, pstance, fpb, sst, basil, headlines }

    enum SstLabels { fine, binary }

    @Parameters(index = "0", paramLabel = "FORMAT", description = "newsmtsc, semeval, pstance, fpb, sst, basil or headlines.")
    Format kind;
    @Parameters(index = "1", paramLabel = "IN", description = "The dataset file (basil: its folder).")
    Path in;
    @Parameters(index = "2", paramLabel = "OUT.csv", description = "The CSV to write.")
    Path out;
    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "Encoding of IN (default: UTF-8 if valid, else windows-1252 with a warning; fpb: ISO-8859-1).")
    String encoding;
    @Option(names = "--drop-none", description = "pstance only: leave out the NONE rows (counted as skipped).")
    boolean dropNone;
    @Option(names = "--sst-labels", paramLabel = "fine|binary",
            description = "sst only: the label set (default: from the file name, stsa.fine.* or stsa.binary.*).")
    SstLabels sstLabels;
    @Option(names = "--force", description = "Overwrite an existing OUT.")
    boolean force;

    @Override
    public Integer call() {
        if (dropNone && kind != Format.pstance) throw new BadInputException("--drop-none applies to pstance only");
        if (encoding != null && kind == Format.basil) throw new BadInputException("--encoding does not apply to basil"
                + " (its JSON files are UTF-8)");
        if (sstLabels != null && kind != Format.sst) throw new BadInputException("--sst-labels applies to sst only");
        Importers.ImportReport r = switch (kind) {
            case newsmtsc -> Importers.importNewsMtsc(in, out, charset(encoding), force, this::warn);
            case semeval -> Importers.importSemEval(in, out, charset(encoding), force, this::warn);
            case pstance -> Importers.importPStance(in, out, charset(encoding), force, dropNone, this::warn);
            case fpb -> Importers.importFinancialPhraseBank(in, out, charset(encoding), force, this::warn);
            case sst -> Importers.importSst(in, out, charset(encoding), force, sstLabels == null ? null
                    : sstLabels == SstLabels.fine ? Importers.SstLabels.FINE : Importers.SstLabels.BINARY, this::warn);
            case basil -> NewsImporters.importBasil(in, out, force);
            case headlines -> NewsImporters.importAffectiveText(in, out, charset(encoding), force, this::warn);
        };
        io.out().printf("%s: %d rows written to %s (%d skipped); labels %s%n", kind, r.rows(), out, r.skipped(),
                r.labelCounts());
        return Main.EXIT_OK;
    }
}
