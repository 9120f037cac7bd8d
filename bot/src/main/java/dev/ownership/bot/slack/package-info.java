/**
 * The Slack transport that every feature shares and none owns: the Bolt app and its middleware
 * ({@link dev.ownership.bot.slack.SlackApps}: metrics, event de-duplication), the HTTP endpoint and the Socket Mode
 * connection, the Web API client with retries and metrics ({@link dev.ownership.bot.slack.SlackApi}), the queue for
 * work done after the ack ({@link dev.ownership.bot.slack.BackgroundWork}) and the {@link
 * dev.ownership.bot.slack.Listener} interface that each feature's Slack edge implements. It imports no feature
 * package: the features' listeners are handed to it by {@code Application}.
 */
package dev.ownership.bot.slack;
