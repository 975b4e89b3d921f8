package org.stancekit.data;

/** A training or evaluation file as recorded in a model's provenance. */
public record DataFile(String path, String sha256, long rows) {}
