/**
 * The library facade: {@link org.stancekit.score.Scorer} and the immutable result values it returns (with
 * {@link org.stancekit.score.Explanation}s when asked); {@link org.stancekit.score.Abstention} reads a result at a
 * confidence threshold. Depends on text, actors, model and bundle.
 */
package org.stancekit.score;
