package org.stancekit;

/** A model bundle is missing, corrupt, or of a format version we cannot read. Maps to exit code 2. */
public class ModelFormatException extends StanceKitException {
    public ModelFormatException(String message) {
        super(message, EXIT_BAD_INPUT);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, EXIT_BAD_INPUT, cause);
    }
}
