package org.stancekit.io;

import org.stancekit.score.ArticleResult;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes scored articles, one at a time, flushing after each so output streams. {@link #close()} finishes the output
 * and flushes it but never closes the {@link java.io.Writer} it was given: the caller owns that (it may be
 * {@code System.out}). Make writers with {@link ResultWriters#create}.
 */
public interface ResultWriter extends Closeable {
    void write(ArticleResult result) throws IOException;
}
