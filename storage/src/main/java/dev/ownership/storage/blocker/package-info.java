/**
 * Long-running blockers and the people who helped resolve blockers, as the blocker feature records them: ids, times,
 * states and a category, never the text of a post, a reply or a note.
 */
package dev.ownership.storage.blocker;
