package org.stancekit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.TestModels;

import java.nio.file.Files;
import java.nio.file.Path;

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
        }
    }
}
