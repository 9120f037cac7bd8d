/**
 * Each person's own controls: a pause for a holiday (until a date or until they resume), and nudges and prompts
 * switched off or on, each on its own.
 */
package dev.ownership.bot.pause;
