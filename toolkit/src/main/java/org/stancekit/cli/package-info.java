/**
 * The {@code stancekit} command line (picocli). The only package that prints to the user and the only place that
 * exits ({@link org.stancekit.cli.Main#main}). Depends on every other package.
 */
package org.stancekit.cli;
