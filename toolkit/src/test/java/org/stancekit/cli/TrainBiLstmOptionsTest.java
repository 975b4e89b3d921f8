package org.stancekit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.TestModels;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train --unpadded, --mean-pool, --input-dropout, --gradient-clip, --attention-pool, --embedding-lr-scale,
 * --lr-decay, --word-dropout, --l2}: the BiLSTM's (and the neural backend's) settings.
 */
class TrainBiLstmOptionsTest {
    @TempDir
    Path dir;

    @Test
    void theBiLstmSettingsAreRefusedForTheCnnInOneLine() {
        Path csv = TestModels.smallTrainingCsv(dir, "small.csv");
        String out = dir.resolve("m").toString();
        for (String[] opt : new String[][]{{"--unpadded"}, {"--mean-pool"}, {"--input-dropout", "0.2"}}) {
            String err = Cli.run(concat(new String[]{"train", "--data", csv.toString(), "--output", out, "--backend",
                    "neural", "--encoder", "cnn"}, opt)).expectOneLineError();
            assertTrue(err.contains("BiLSTM settings"), err);
        }
        for (String[] opt : new String[][]{{"--input-dropout", "1"}, {"--input-dropout", "-0.1"},
                {"--gradient-clip", "-1"}}) {
            String err = Cli.run(concat(new String[]{"train", "--data", csv.toString(), "--output", out, "--backend",
                    "neural", "--encoder", "bilstm"}, opt)).expectOneLineError();
            assertTrue(err.contains("--input-dropout must be in [0, 1), --gradient-clip >= 0"), err);
        }
        assertFalse(Files.exists(dir.resolve("m")));
    }

    @Test
    void attentionPoolingIsABiLstmSettingAndTheRatesAreChecked() {
        Path csv = TestModels.smallTrainingCsv(dir, "small.csv");
        String out = dir.resolve("m").toString();
        String err = Cli.run("train", "--data", csv.toString(), "--output", out, "--backend", "neural", "--encoder",
                "cnn", "--attention-pool").expectOneLineError();
        assertTrue(err.contains("BiLSTM settings"), err);
        for (String[] opt : new String[][]{{"--embedding-lr-scale", "-0.1"}, {"--embedding-lr-scale", "1.5"},
                {"--lr-decay", "0"}, {"--lr-decay", "1.2"}}) {
            err = Cli.run(concat(new String[]{"train", "--data", csv.toString(), "--output", out, "--backend",
                    "neural", "--encoder", "bilstm"}, opt)).expectOneLineError();
            assertTrue(err.contains("--embedding-lr-scale must be in [0, 1], --lr-decay in (0, 1]"), err);
        }
        assertFalse(Files.exists(dir.resolve("m")));
    }

    @Test
    void aMixedBagsSizesAndEncoderNamesAreChecked() {
        Path csv = TestModels.smallTrainingCsv(dir, "small.csv");
        String out = dir.resolve("m").toString();
        String err = Cli.run("train", "--data", csv.toString(), "--output", out, "--backend", "neural", "--encoder",
                "cnn", "--bilstm-bag", "2").expectOneLineError();
        assertTrue(err.contains("--bilstm-bag is for --encoder cnn+bilstm"), err);
        for (String[] opt : new String[][]{{"--bilstm-bag", "0"}, {"--bag", "9", "--bilstm-bag", "8"},
                {"--bag", "9"}}) {
            err = Cli.run(concat(new String[]{"train", "--data", csv.toString(), "--output", out, "--backend",
                    "neural", "--encoder", "cnn+bilstm"}, opt)).expectOneLineError();
            assertTrue(err.contains("at most 16 networks in all"), err);
        }
        err = Cli.run("train", "--data", csv.toString(), "--output", out, "--backend", "neural", "--encoder",
                "lstm").expectOneLineError();
        assertTrue(err.contains("choose cnn, bilstm or cnn+bilstm"), err);
        assertFalse(Files.exists(dir.resolve("m")));
    }

    @Test
    void wordDropoutAndL2AreChecked() {
        Path csv = TestModels.smallTrainingCsv(dir, "small.csv");
        String out = dir.resolve("m").toString();
        for (String[] opt : new String[][]{{"--word-dropout", "1"}, {"--word-dropout", "-0.1"}, {"--l2", "-1e-4"},
                {"--l2", "NaN"}}) {
            String err = Cli.run(concat(new String[]{"train", "--data", csv.toString(), "--output", out, "--backend",
                    "neural", "--encoder", "bilstm"}, opt)).expectOneLineError();
            assertTrue(err.contains("--word-dropout must be in [0, 1), --l2 >= 0"), err);
        }
        assertFalse(Files.exists(dir.resolve("m")));
    }

    @Test
    void helpNamesTheOptions() {
        String help = Cli.run("train", "--help").out().replaceAll("\\s+", " ");
        for (String o : new String[]{"--[no-]unpadded", "--[no-]mean-pool", "--input-dropout=P", "--gradient-clip=NORM",
                "--[no-]attention-pool", "--embedding-lr-scale=F", "--lr-decay=G", "--word-dropout=P", "--l2=X"}) {
            assertTrue(help.contains(o), o + " in " + help);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
