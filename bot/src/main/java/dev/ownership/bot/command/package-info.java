/**
 * The {@code /ownership} command: a parser from the text people type to {@link Command} values, and the service
 * that carries them out with authorisation checked on the server.
 */
package dev.ownership.bot.command;
