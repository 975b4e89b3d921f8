package org.stancekit.io;

/**
 * What a Commons CSV parse failure means, in one line and in the user's words (never the exception's class name), for
 * the messages that name the file and row.
 */
public final class CsvErrors {
    private CsvErrors() {}

    /** The message of the innermost cause of {@code e}, explained where we know it. */
    public static String describe(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return describe(c.getMessage());
    }

    /** {@code message}, a Commons CSV parse error, explained where we know it. */
    public static String describe(String message) {
        String m = message == null ? "" : message.replaceAll("^\\S*(Exception|Error): ", "")
                .replaceAll("\\s+", " ").strip();
        if (m.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field is never closed (a \" without its closing \"; a quote inside a quoted field is"
                    + " written twice: \"\")";
        }
        if (m.contains("Invalid character between encapsulated token and delimiter")) {
            return "a quoted field is not closed properly (text follows its closing \", or a \" inside it is not"
                    + " written twice: \"\"; " + m + ")";
        }
        return "malformed CSV (" + (m.isEmpty() ? "unknown error" : m) + ")";
    }
}
