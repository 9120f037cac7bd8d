/**
 * The second habit loop: at a good moment in their own day, people are asked to share what they learned, to raise
 * risks before they become blockers, and to say what business outcome their work moved.
 *
 * <p>Prompts follow each team's schedules, in each member's own timezone, on working days, never while paused,
 * at most once per person and occurrence ({@link dev.ownership.bot.prompt.Prompting}). Answers are shared
 * ({@link dev.ownership.bot.prompt.Sharing}): learnings in the team's channel, risks privately to its leads, impact
 * notes for the digest.
 *
 * <p>Slack types only in the slice's edge: {@code PromptSlackMessenger} and {@code PromptSlackBlocks} (the DMs
 * and shared posts), {@code PromptSlackInteractions} (buttons and answer modals) and
 * {@code MembershipSlackListener} (people joining and leaving a team's channel). Records in
 * {@code dev.ownership.storage.prompt}.
 */
package dev.ownership.bot.prompt;
