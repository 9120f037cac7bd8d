/**
 * Private nudges for blockers without a next step: standup posts are labelled as they arrive, a blocker without
 * a proposal waits for the grace period (a proposal by edit or thread reply cancels it), and then its author gets
 * one kind DM within the team's working hours and their daily budget.
 *
 * <p>The slice's Slack edge is its {@code *Slack*} classes: {@code StandupSlackListener} records each post before
 * the ack, {@code NudgeSlackMessenger} sends the DM that {@code NudgeSlackBlocks} renders, and
 * {@code NudgeSlackInteractions} handles its buttons and modal. Every other class here is Slack-free (an
 * architecture test keeps it so); its records live in {@code dev.ownership.storage.nudge}.
 */
package dev.ownership.bot.nudge;
