/**
 * Labelled data: reading training/evaluation CSVs with column mapping and validation into examples. Depends on
 * {@code actors}, {@code model} (queries) and {@code io} (text decoding).
 */
package org.stancekit.data;
