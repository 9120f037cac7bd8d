/**
 * Introductions: when a channel is watched the bot says once, in the channel, what it does, what stays private,
 * what leads see and how to opt out; people who join a watched channel later get the same once, as a DM.
 */
package dev.ownership.bot.introduction;
