/**
 * Text plumbing for StanceKit: length-preserving normalisation, news-aware sentence splitting and tokenisation, all
 * with offsets into the original text. Depends only on the JDK, never on any other {@code org.stancekit} package.
 */
package org.stancekit.text;
