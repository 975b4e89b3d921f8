/**
 * Per-actor stance summaries of scored articles: {@link org.stancekit.report.Summarizer} accumulates counts, shares and
 * the mean net stance with its 95% interval per article, per period and over the corpus (memory: counts per actor and
 * day); {@link org.stancekit.report.SummaryWriter} writes them as CSV, JSON or a text table;
 * {@link org.stancekit.report.SvgChart} draws the net stance over time as standalone SVG. Depends on score and model.
 */
package org.stancekit.report;
