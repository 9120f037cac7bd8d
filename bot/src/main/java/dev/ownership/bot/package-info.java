/**
 * The bot's entry points and wiring: {@link dev.ownership.bot.Main} (the jar's commands), {@link
 * dev.ownership.bot.Application} (every component built with {@code new}, started and stopped in order as {@link
 * dev.ownership.bot.Managed} components), and {@link dev.ownership.bot.WorkProbe}, what the demo, tests and
 * benchmarks wait on. The features are the sub-packages; {@code slack} is the transport they share.
 */
package dev.ownership.bot;
