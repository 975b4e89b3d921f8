package org.stancekit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.TestModels;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --embeddings FILE} (and cross-validate's): a bad vectors file is one line naming it, nothing written. */
class TrainEmbeddingsOptionTest {
    @TempDir
    Path dir;

    @Test
    void aMissingOrMisshapenVectorsFileIsOneLineNamingItAndNoModelIsWritten() {
        Path csv = TestModels.smallTrainingCsv(dir, "small.csv");
        String out = dir.resolve("m").toString();
        String missing = dir.resolve("nowhere.txt").toString();
        assertTrue(Cli.run("train", "--data", csv.toString(), "--output", out, "--backend", "neural",
                "--embeddings", missing).expectOneLineError().contains("nowhere.txt"));
        // the network's embedding has 100 dimensions by default; these vectors have 3
        Path small = TestModels.write(dir, "small-vectors.txt", "the 0.1 0.2 0.3\n");
        String err = Cli.run("train", "--data", csv.toString(), "--output", out, "--backend", "neural",
                "--embeddings", small.toString()).expectOneLineError();
        assertTrue(err.contains("small-vectors.txt, line 1") && err.contains("expected 100"), err);
        assertFalse(Files.exists(dir.resolve("m")));
    }

    @Test
    void crossValidateChecksTheFileToo() {
        Path csv = TestModels.smallTrainingCsv(dir, "small.csv");
        String err = Cli.run("cross-validate", "--data", csv.toString(), "--backend", "neural", "--dev-split", "0.2",
                "--embeddings", dir.resolve("absent.vec").toString()).expectOneLineError();
        assertTrue(err.contains("--embeddings") && err.contains("absent.vec"), err);
    }

    @Test
    void helpNamesTheOption() {
        Cli r = Cli.run("train", "--help");
        assertTrue(r.out().contains("--embeddings=FILE"), r.out());
    }
}
