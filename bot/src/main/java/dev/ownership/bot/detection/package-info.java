/**
 * Blocker detection: decides whether a standup post reports a blocker of the author's own and whether the author
 * proposed a next step.
 *
 * <p>{@link dev.ownership.bot.detection.BlockerDetector} reads raw Slack mrkdwn as the Events API delivers it, splits
 * it into the sections standup reports use (yesterday, today, blockers), and applies engineered rules whose cue
 * lexicons live in a JSON resource an operator can override. It labels a message {@link
 * dev.ownership.bot.detection.Label}, gives the blocker's {@link dev.ownership.bot.detection.Category} and the reasons,
 * in words a user can read. {@link dev.ownership.bot.detection.ClassifyCommand} is the {@code classify} command of the
 * jar. Nothing here knows about Slack payload types.
 */
package dev.ownership.bot.detection;
