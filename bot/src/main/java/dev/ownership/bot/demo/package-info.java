/**
 * The {@code demo} command, and {@link dev.ownership.bot.demo.LocalBot}: the real bot against the Slack simulator on
 * loopback, which the demo, the end-to-end tests and the benchmarks share. The demo scripts a standup week and prints
 * a transcript rendered from the Block Kit the bot actually sent. The only package of the bot that uses the simulator
 * (an architecture test keeps it so).
 */
package dev.ownership.bot.demo;
