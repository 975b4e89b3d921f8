package org.stancekit.data;

/**
 * A training or evaluation file as recorded in a model's provenance: its path as given, SHA-256 of its bytes, data rows,
 * and how many stance and sentiment examples it gave.
 */
public record DataFile(String path, String sha256, long rows, long stanceExamples, long sentimentExamples) {
    public DataFile(String path, String sha256, long rows) {
        this(path, sha256, rows, 0, 0);
    }

    /** Examples this file gave for a task key ({@code stance} or {@code sentiment}). */
    public long examples(String task) {
        return task.equals("stance") ? stanceExamples : sentimentExamples;
    }
}
