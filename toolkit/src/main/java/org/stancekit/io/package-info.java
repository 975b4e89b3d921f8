/**
 * Reading articles and writing results; depends on score/model/actors value types only.
 *
 * <p>{@link org.stancekit.io.TextDecoding} guesses or applies a text encoding, {@link org.stancekit.io.ArticleReader}
 * streams articles from {@code .txt}, {@code .jsonl}, directories and standard input,
 * {@link org.stancekit.io.ResultWriters} streams scored articles as CSV, JSON Lines or an aligned text table, and
 * {@link org.stancekit.io.Importers} converts public datasets (NewsMTSC, SemEval-2016 Task 6) to the training CSV.
 */
package org.stancekit.io;
