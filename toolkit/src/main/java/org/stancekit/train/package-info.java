/**
 * Training and measuring: the trainer, the linear backend's fitting with Smile, train/dev splits and folds,
 * evaluation (P/R/F1, macro-F1, confusion) and calibration. Depends on data, model, actors and bundle.
 */
package org.stancekit.train;
