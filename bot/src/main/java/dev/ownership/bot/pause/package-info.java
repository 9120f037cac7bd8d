/** Pauses: people take themselves out of nudges and prompts for a holiday, until a date or until they resume. */
package dev.ownership.bot.pause;
