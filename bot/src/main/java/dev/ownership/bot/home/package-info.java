/**
 * The App Home tab: each person's streaks and last weeks, their pause, and quick actions (share a learning, flag a
 * risk, pause until a date, resume, leaderboard visibility, a lead's digest preview). Published when the tab is
 * opened and after anything that changes a person's progress: other features call
 * {@link dev.ownership.bot.streak.ProgressRefresher}.
 *
 * <p>Slack types only in the slice's edge: {@code HomeSlackInteractions} (tab opened, buttons, modals),
 * {@code HomeSlackBlocks} (the view) and {@code HomeSlackMessenger} ({@code views.publish}).
 */
package dev.ownership.bot.home;
