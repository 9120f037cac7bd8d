/**
 * Streaks, per person and team, derived from the recorded facts whenever they are read: the ownership streak
 * (blockers that carried a next step in time), the learning streak and the early-risk streak (weeks in a row, in the
 * team's timezone, with paused weeks on hold). Also the weekly summaries behind {@code /ownership me}, {@code team}
 * and the App Home, and the one-off celebrations of milestones. No Slack types here: the App Home's
 * messenger implements {@link dev.ownership.bot.streak.CelebrationMessenger}. Records in
 * {@code dev.ownership.storage.streak}.
 */
package dev.ownership.bot.streak;
