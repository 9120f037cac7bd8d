/**
 * The {@code /ownership} command: a parser from the text people type to {@link Command} values, and the service
 * that carries them out with authorisation checked on the server. {@code CommandSlackListener} is the edge (parse, ack, answer
 * privately) and {@code ReplySlackRenderer} turns a {@link dev.ownership.bot.command.Reply} into Block Kit.
 */
package dev.ownership.bot.command;
