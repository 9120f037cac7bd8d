/** Standup posts as the nudge feature records them: verdict, ids, times and nudge state, never the text. */
package dev.ownership.storage.nudge;
