package org.stancekit;

/**
 * Input the user gave us is wrong: a file, row and column where we can name them. Maps to exit code 2.
 */
public class BadInputException extends StanceKitException {
    public BadInputException(String message) {
        super(message, EXIT_BAD_INPUT);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, EXIT_BAD_INPUT, cause);
    }

    /** "file:row: column 'c': what" — the one-line form every data error uses. */
    public static BadInputException at(String file, long row, String column, String what) {
        StringBuilder sb = new StringBuilder(file);
        if (row > 0) sb.append(", row ").append(row);
        if (column != null) sb.append(", column '").append(column).append('\'');
        return new BadInputException(sb.append(": ").append(what).toString());
    }
}
