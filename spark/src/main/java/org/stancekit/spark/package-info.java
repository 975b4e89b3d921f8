/**
 * StanceKit on Apache Spark: {@link org.stancekit.spark.ScoreJob} reads articles (text, JSON Lines or Parquet) from any
 * Hadoop-compatible path, scores them with the toolkit's {@code Scorer}, loaded once per executor JVM by
 * {@link org.stancekit.spark.Scorers}, and writes the rows of {@code score --format csv} and the per-actor summary of
 * {@code summarize}; {@link org.stancekit.spark.Main} is the {@code spark-submit} entry point and the only place that
 * exits. Depends on the toolkit ({@code io}, {@code report}, {@code score}) and on Spark SQL, which the cluster provides.
 */
package org.stancekit.spark;
