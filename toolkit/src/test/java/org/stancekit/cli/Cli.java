package org.stancekit.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the command line in-process with captured streams. */
record Cli(int exit, String out, String err) {
    static Cli run(String... args) {
        return runWithInput(new byte[0], args);
    }

    static Cli runWithInput(String stdin, String... args) {
        return runWithInput(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    static Cli runWithInput(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin);
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(args, o, e, in);
        }
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    Cli expectExit(int code) {
        assertEquals(code, exit, "exit code; stdout:\n" + out + "\nstderr:\n" + err);
        return this;
    }

    /**
     * Exit code 2 with exactly one line on stderr, "stancekit: ...", no stack trace and no exception class name; returns
     * that line.
     */
    String expectOneLineError() {
        expectExit(2);
        List<String> lines = errLines();
        assertEquals(1, lines.size(), "exactly one line on stderr:\n" + err);
        String line = lines.get(0);
        assertTrue(line.startsWith("stancekit: "), line);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        assertFalse(err.contains("Exception"), "no exception name: " + err);
        return line;
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
