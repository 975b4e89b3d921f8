package org.stancekit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.TestModels;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --lambda, --lambda-grid and --balance-labels: one set of options and checks for train and cross-validate. */
class LinearOptionsTest {
    @TempDir
    Path dir;

    @Test
    void badLambdaValuesAreOneLineOfBadUsageInBothCommands() {
        Path csv = TestModels.smallTrainingCsv(dir, "small.csv");
        String out = dir.resolve("m").toString();
        String[][] bad = {{"--lambda", "0"}, {"--lambda", "-2"}, {"--lambda-grid", "1,0"}, {"--lambda-grid", "3,NaN"}};
        for (String[] opt : bad) {
            String train = Cli.run("train", "--data", csv.toString(), "--output", out, opt[0], opt[1])
                    .expectOneLineError();
            String cv = Cli.run("cross-validate", "--data", csv.toString(), opt[0], opt[1]).expectOneLineError();
            for (String msg : new String[]{train, cv}) assertTrue(msg.contains(opt[0]), opt[0] + " " + opt[1] + ": " + msg);
        }
        assertFalse(Files.exists(dir.resolve("m")));
    }

    @Test
    void bothCommandsDocumentTheSameOptions() {
        for (String command : new String[]{"train", "cross-validate"}) {
            String help = Cli.run(command, "--help").out().replaceAll("\\s+", " ");
            assertTrue(help.contains("--lambda=<lambda> L2 regularisation (default: 3.0)"), command + ": " + help);
            assertTrue(help.contains("--lambda-grid=L1,L2,..."), command);
            assertTrue(help.contains("--balance-labels Linear: count each training example"), command);
            assertTrue(help.contains("--favg-shift Linear: add label score offsets that maximise F_avg"), command);
        }
    }

    @Test
    void favgShiftIsRecordedInTrainAndRunsNestedInCrossValidate() {
        Path csv = TestModels.smallTrainingCsv(dir, "small.csv");
        Path out = dir.resolve("m");
        Cli train = Cli.run("train", "--data", csv.toString(), "--output", out.toString(), "--task", "stance",
                "--min-count", "1", "--favg-shift").expectExit(0);
        assertTrue(train.err().contains("stance: F_avg score offsets"), train.err());
        var info = org.stancekit.bundle.ModelBundle.load(out).tasks().get(org.stancekit.model.Task.STANCE).info();
        @SuppressWarnings("unchecked")
        var hp = (java.util.Map<String, Object>) info.get("hyper_parameters");
        assertEquals(Boolean.TRUE, hp.get("favg_shift"));
        @SuppressWarnings("unchecked")
        var fs = (java.util.Map<String, Object>) info.get("favg_shift");
        @SuppressWarnings("unchecked")
        var offsets = (java.util.Map<String, Object>) fs.get("offsets");
        assertEquals(0.0, ((Number) offsets.get("neutral")).doubleValue(), "neutral is the reference");
        assertTrue(((Number) fs.get("cv_f_avg_after")).doubleValue() >= ((Number) fs.get("cv_f_avg_before")).doubleValue());

        Path plain = dir.resolve("plain");
        Cli.run("train", "--data", csv.toString(), "--output", plain.toString(), "--task", "stance", "--min-count", "1")
                .expectExit(0);
        var plainInfo = org.stancekit.bundle.ModelBundle.load(plain).tasks().get(org.stancekit.model.Task.STANCE).info();
        @SuppressWarnings("unchecked")
        var plainHp = (java.util.Map<String, Object>) plainInfo.get("hyper_parameters");
        assertFalse(plainHp.containsKey("favg_shift"), "off: not recorded, as in models made before it");
        assertFalse(plainInfo.containsKey("favg_shift"));

        Cli cv = Cli.run("cross-validate", "--data", csv.toString(), "--task", "stance", "--folds", "3",
                "--favg-shift").expectExit(0);
        assertTrue(cv.err().contains("stance fold 3: F_avg score offsets"), cv.err());

        String both = Cli.run("train", "--data", csv.toString(), "--output", dir.resolve("b").toString(),
                "--favg-shift", "--bias-shift").expectOneLineError();
        assertTrue(both.contains("--favg-shift and --bias-shift"), both);
    }
}
