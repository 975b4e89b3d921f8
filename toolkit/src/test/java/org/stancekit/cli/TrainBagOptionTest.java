package org.stancekit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.TestModels;
import org.stancekit.model.neural.NeuralParams;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --bag N}: the number of seed-bagged networks of the neural backend. */
class TrainBagOptionTest {
    @TempDir
    Path dir;

    @Test
    void aBagOutsideOneToSixteenIsOneLineOfBadUsage() {
        Path csv = TestModels.smallTrainingCsv(dir, "small.csv");
        String out = dir.resolve("m").toString();
        for (String bag : new String[]{"0", "-1", "17"}) {
            assertTrue(Cli.run("train", "--data", csv.toString(), "--output", out, "--backend", "neural", "--bag", bag)
                    .expectOneLineError().contains("--bag " + bag), bag);
        }
        assertFalse(Files.exists(dir.resolve("m")));
    }

    @Test
    void helpNamesTheOptionAndItsDefault() {
        Cli r = Cli.run("train", "--help");
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--bag=N"), r.out());
        assertTrue(help.contains("(seed bagging; 1 = one network; default: " + NeuralParams.DEFAULT_BAG + ")"), r.out());
    }
}
