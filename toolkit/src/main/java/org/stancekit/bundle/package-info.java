/**
 * Model bundles: the directory format (bundle.json, actors.tsv, one folder per task with model.json and weights),
 * atomic saving, validated loading. Depends on {@code model}, {@code actors} and {@code data}.
 */
package org.stancekit.bundle;
