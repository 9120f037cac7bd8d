/**
 * A Slack workspace of our own on loopback, used by the end-to-end tests and by the {@code demo} command.
 *
 * <p>{@link dev.ownership.bot.simulator.SlackSimulator} serves the Web API methods the bot calls with
 * Slack-shaped responses, keeps a small workspace model (users, channels, messages, views), records every call
 * for assertions and can inject faults and Slack's rate-limit tiers. {@link dev.ownership.bot.simulator.SlackRequests}
 * plays Slack's side towards the bot: signed Events API deliveries, slash commands and interactivity payloads.
 * {@link dev.ownership.bot.simulator.SocketModeServer} stands in for Slack's Socket Mode WebSocket endpoint.
 */
package dev.ownership.bot.simulator;
