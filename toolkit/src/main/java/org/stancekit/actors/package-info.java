/**
 * The actor lexicon (an editable TSV of actors, aliases, demonyms and leaders) and the matcher that finds actor
 * mentions in text. Depends on nothing in StanceKit but the root exceptions.
 */
package org.stancekit.actors;
