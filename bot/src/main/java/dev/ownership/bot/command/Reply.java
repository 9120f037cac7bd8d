package dev.ownership.bot.command;

import java.util.Objects;

/**
 * The private answer to a command, in Slack mrkdwn; only the person who ran the command sees it.
 *
 * @param text the answer
 * @param changed whether the command changed anything (false for refusals, errors and read-only commands)
 */
public record Reply(String text, boolean changed) {
    public Reply {
        Objects.requireNonNull(text, "text");
    }

    /** An answer to a command that changed something. */
    public static Reply done(String text) {
        return new Reply(text, true);
    }

    /** An answer that changed nothing: information, a refusal or an error. */
    public static Reply info(String text) {
        return new Reply(text, false);
    }
}
