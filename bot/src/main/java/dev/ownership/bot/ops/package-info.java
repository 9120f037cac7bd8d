/**
 * Operations: Prometheus metrics shared by every feature, their names in {@link dev.ownership.bot.ops.MetricName}, and
 * {@link dev.ownership.bot.ops.SlackAccess}, whether Slack still lets the bot in.
 */
package dev.ownership.bot.ops;
