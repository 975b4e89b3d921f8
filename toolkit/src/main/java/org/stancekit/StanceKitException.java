package org.stancekit;

/**
 * Base of the few exceptions StanceKit throws on purpose. Each carries a message that says what is wrong and what to
 * fix, and the exit code the command line maps it to. The library never exits; only {@code cli.Main} does.
 */
public class StanceKitException extends RuntimeException {
    /** Exit code for a failure that is not the user's input (an I/O error while writing, say). */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for bad usage or bad input (a malformed CSV, a missing column, a corrupt model). */
    public static final int EXIT_BAD_INPUT = 2;

    private final int exitCode;

    public StanceKitException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public StanceKitException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
