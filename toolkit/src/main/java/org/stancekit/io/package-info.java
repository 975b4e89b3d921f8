/**
 * Reading articles and writing results; depends on score/model/actors value types and, for the HTML report, on report.
 *
 * <p>{@link org.stancekit.io.TextDecoding} guesses or applies a text encoding, {@link org.stancekit.io.ArticleReader}
 * streams articles from {@code .txt}, {@code .jsonl}, directories and standard input,
 * {@link org.stancekit.io.ResultWriters} streams scored articles as CSV, JSON Lines, an aligned text table or a
 * self-contained HTML report (whose summary table and chart come from {@code org.stancekit.report}; the CSV rows are
 * {@link org.stancekit.io.ResultRow} values, which the Spark module writes too), and
 * {@link org.stancekit.io.Importers} converts public datasets (NewsMTSC, SemEval-2016 Task 6) to the training CSV.
 */
package org.stancekit.io;
