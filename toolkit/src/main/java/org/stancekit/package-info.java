/**
 * StanceKit: per-sentence stance toward named actors and sentence sentiment in news articles.
 * The root package holds the exceptions shared by every layer and the version; subpackages hold the work.
 */
package org.stancekit;
