/**
 * The library facade: {@link org.stancekit.score.Scorer} and the immutable result values it returns. Depends on text,
 * actors, model and bundle.
 */
package org.stancekit.score;
