/**
 * Private nudges for blockers without a next step: standup posts are labelled as they arrive, a blocker without
 * a proposal waits for the grace period (a proposal by edit or thread reply cancels it), and then its author gets
 * one kind DM within the team's working hours and their daily budget.
 *
 * <p>The slice's Slack edge is its {@code *Slack*} classes: {@code StandupSlackListener} records each post before
 * the ack, {@code NudgeSlackMessenger} sends the DM that {@code NudgeSlackBlocks} renders, and
 * {@code NudgeSlackInteractions} handles its buttons and modal. Every other class here is Slack-free (an
 * architecture test keeps it so); its records live in {@code dev.ownership.storage.nudge}.
 *
 * <p>The reports of the standup bot a team already uses are read here too: {@code StandupReports} records each post
 * of the bot the team named ({@code StandupBots}) before the ack, then attributes it to exactly one channel member,
 * making it that person's post in {@code StandupService}, or forgets it ({@code docs/STANDUP_BOTS.md}).
 */
package dev.ownership.bot.nudge;
