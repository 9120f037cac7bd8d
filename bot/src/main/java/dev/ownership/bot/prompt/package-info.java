/**
 * The second habit loop: at a good moment in their own day, people are asked to share what they learned, to raise
 * risks before they become blockers, and to say what business outcome their work moved.
 *
 * <p>Prompts follow each team's schedules, in each member's own timezone, on working days, never while paused,
 * at most once per person and occurrence ({@link dev.ownership.bot.prompt.Prompting}). Answers are shared
 * ({@link dev.ownership.bot.prompt.Sharing}): learnings in the team's channel, risks privately to its leads, impact
 * notes for the digest. No Slack types here: the Slack edge implements {@link
 * dev.ownership.bot.prompt.PromptMessenger}.
 */
package dev.ownership.bot.prompt;
