/**
 * Models: the {@link org.stancekit.model.Classifier} interface, immutable {@link org.stancekit.model.Prediction}s, feature
 * extraction and the linear backend. Depends on {@code text} and {@code actors}; never on train, bundle, score or cli.
 */
package org.stancekit.model;
