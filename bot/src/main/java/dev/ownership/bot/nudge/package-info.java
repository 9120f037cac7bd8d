/**
 * Private nudges for blockers without a next step: standup posts are labelled as they arrive, a blocker without
 * a proposal waits for the grace period (a proposal by edit or thread reply cancels it), and then its author gets
 * one kind DM within the team's working hours and their daily budget. No Slack types here: the Slack edge
 * implements {@link dev.ownership.bot.nudge.NudgeMessenger}.
 */
package dev.ownership.bot.nudge;
