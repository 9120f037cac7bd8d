/**
 * Blocker detection: decides whether a standup post reports a blocker of the author's own and whether the author
 * proposed a next step.
 *
 * <p>{@link dev.ownership.bot.detection.BlockerDetector} reads raw Slack mrkdwn as the Events API delivers it, splits
 * it into the sections standup reports use (yesterday, today, blockers), and lets two halves decide together:
 * engineered rules whose cue lexicons live in a JSON resource an operator can override, and a logistic-regression
 * model over word and character n-grams ({@code TextFeatures}, {@code LinearModel}) trained with liblinear from the
 * labelled corpus in the resources when the jar is built ({@link dev.ownership.bot.detection.TrainCommand}). It
 * labels a message {@link dev.ownership.bot.detection.Label}, gives the blocker's {@link
 * dev.ownership.bot.detection.Category}, a confidence and the reasons, in words a user can read. {@link
 * dev.ownership.bot.detection.ClassifyCommand} is the {@code classify} command of the jar. Nothing here knows about
 * Slack payload types.
 */
package dev.ownership.bot.detection;
