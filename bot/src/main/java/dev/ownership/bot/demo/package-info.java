/**
 * The {@code demo} command: the real bot against the built-in Slack simulator, a scripted standup week, and a
 * transcript rendered from the Block Kit the bot actually sent.
 */
package dev.ownership.bot.demo;
