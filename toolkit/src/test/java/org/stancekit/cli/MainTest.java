package org.stancekit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stancekit.TestModels;
import org.stancekit.Version;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stancekit.TestModels.tinyCsv;

/** Help, version, and the one-line error contract of exit code 2. */
class MainTest {
    static final String[] SUBCOMMANDS = {"score", "train", "evaluate", "cross-validate", "info", "actors", "import"};

    @TempDir
    Path dir;

    @Test
    void topLevelHelpListsEveryCommandAndExitCodes() {
        Cli r = Cli.run("--help").expectExit(0);
        assertTrue(r.out().contains("Usage: stancekit"), r.out());
        for (String sub : SUBCOMMANDS) assertTrue(r.out().contains(sub), sub + " in\n" + r.out());
        assertTrue(r.out().contains("Exit codes"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void noArgumentsPrintsUsage() {
        Cli r = Cli.run().expectExit(0);
        assertTrue(r.out().contains("Usage: stancekit"), r.out());
    }

    @Test
    void topLevelVersion() {
        Cli r = Cli.run("--version").expectExit(0);
        assertTrue(r.out().startsWith("stancekit " + Version.get() + " (Java "), r.out());
        assertEquals("", r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"score", "train", "evaluate", "cross-validate", "info", "actors", "import"})
    void subcommandHelpAndVersion(String sub) {
        Cli help = Cli.run(sub, "--help").expectExit(0);
        assertTrue(help.out().contains("Usage: stancekit " + sub), help.out());
        assertTrue(help.out().contains("--help") && help.out().contains("--version"), help.out());
        assertEquals("", help.err());
        Cli viaHelp = Cli.run("help", sub).expectExit(0);
        assertTrue(viaHelp.out().contains("Usage: stancekit " + sub), viaHelp.out());
        Cli version = Cli.run(sub, "--version").expectExit(0);
        assertTrue(version.out().startsWith("stancekit " + Version.get()), version.out());
    }

    @Test
    void unknownOption() {
        String line = Cli.run("score", "--bogus").expectOneLineError();
        assertTrue(line.contains("--bogus"), line);
        assertTrue(line.contains("stancekit score --help"), line);
    }

    @Test
    void unknownSubcommandAndMissingRequiredOption() {
        String line = Cli.run("frobnicate").expectOneLineError();
        assertTrue(line.contains("frobnicate"), line);
        String missing = Cli.run("train", "--output", dir.resolve("m").toString()).expectOneLineError();
        assertTrue(missing.contains("--data"), missing);
        String badInt = Cli.run("cross-validate", "--data", "x.csv", "--folds", "three").expectOneLineError();
        assertTrue(badInt.contains("three"), badInt);
    }

    @Test
    void csvWithAMissingColumn() {
        Path csv = tinyCsv(dir, "cols.csv", "sentence,actor,stance", "Peru praised Chile.,Chile,favor");
        String line = Cli.run("train", "--data", csv.toString(), "--output", dir.resolve("m").toString(),
                "--task", "stance").expectOneLineError();
        assertTrue(line.contains(csv + ", row 1, column 'text'") && line.contains("--text-column"), line);
        assertFalse(Files.exists(dir.resolve("m")));
    }

    @Test
    void unknownLabelInEvaluate() {
        Path csv = tinyCsv(dir, "labels.csv", "text,actor,stance", "Peru praised Chile.,Chile,favor",
                "Iran condemned the raid.,Iran,supportive");
        String line = Cli.run("evaluate", "--model", TestModels.tinyBundle().toString(), "--data", csv.toString(),
                "--task", "stance").expectOneLineError();
        assertTrue(line.contains(csv + ", row 3, column 'stance'"), line);
        assertTrue(line.contains("unknown label 'supportive'") && line.contains("favor"), line);
    }

    @Test
    void emptyFile() throws Exception {
        Path csv = Files.createFile(dir.resolve("empty.csv"));
        String line = Cli.run("evaluate", "--model", TestModels.tinyBundle().toString(), "--data", csv.toString())
                .expectOneLineError();
        assertTrue(line.contains(csv.toString()) && line.contains("empty file"), line);
        String train = Cli.run("train", "--data", csv.toString(), "--output", dir.resolve("m").toString())
                .expectOneLineError();
        assertTrue(train.contains("empty file"), train);
    }

    @Test
    void nonUtf8FileWithExplicitUtf8() throws Exception {
        Path csv = dir.resolve("cp1252.csv");
        Files.write(csv, "text,sentiment\nS\u00e3o Paulo cheered.,positive\n".getBytes(Charset.forName("windows-1252")));
        String line = Cli.run("evaluate", "--model", TestModels.tinyBundle().toString(), "--data", csv.toString(),
                "--encoding", "UTF-8", "--task", "sentiment").expectOneLineError();
        assertTrue(line.contains(csv.toString()) && line.contains("not valid UTF-8 at byte 16"), line);

        Path txt = dir.resolve("article.txt");
        Files.write(txt, "S\u00e3o Paulo cheered.".getBytes(Charset.forName("windows-1252")));
        String score = Cli.run("score", txt.toString(), "--model", TestModels.tinyBundle().toString(),
                "--encoding", "UTF-8", "--fail-fast").expectOneLineError();
        assertTrue(score.contains(txt.toString()) && score.contains("byte 1"), score);

        String unknown = Cli.run("score", txt.toString(), "--model", TestModels.tinyBundle().toString(),
                "--encoding", "klingon").expectOneLineError();
        assertTrue(unknown.contains("unknown encoding 'klingon'"), unknown);
    }

    @Test
    void missingModelDirectory() {
        Path none = dir.resolve("no-model");
        for (String sub : new String[] {"score", "info", "evaluate"}) {
            Cli r = sub.equals("evaluate")
                    ? Cli.run(sub, "--model", none.toString(), "--data", "x.csv")
                    : Cli.runWithInput("Chile won.", sub, "--model", none.toString());
            String line = r.expectOneLineError();
            assertTrue(line.contains(none.toString()) && line.contains("no such model directory"), sub + ": " + line);
        }
    }

    @Test
    void corruptModelIsOneLine() throws Exception {
        Path copy = TestModels.copyBundle(dir.resolve("bad-model"));
        Files.writeString(copy.resolve("sentiment").resolve("model.json"), "{ nope");
        String line = Cli.runWithInput("Chile won.", "score", "--model", copy.toString()).expectOneLineError();
        assertTrue(line.contains("model.json") && line.contains("invalid JSON"), line);
    }

    @Test
    void verboseShowsTheStackTraceOfAFailure() {
        Cli r = Cli.runWithInput("Chile won.", "score", "--model", dir.resolve("none").toString(), "--verbose");
        r.expectExit(2);
        assertTrue(r.err().contains("\tat "), "--verbose prints the stack trace: " + r.err());
    }
}
