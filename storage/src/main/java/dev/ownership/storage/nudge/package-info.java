/**
 * Standup posts as the nudge feature records them: verdict, ids, times and nudge state, never the text; and the
 * standup bot each team reads as reports.
 */
package dev.ownership.storage.nudge;
