package dev.ownership.bot.command;

import dev.ownership.bot.digest.Digest;
import java.util.Objects;

/**
 * The private answer to a command, in Slack mrkdwn; only the person who ran the command sees it.
 *
 * @param text the answer
 * @param changed whether the command changed anything (false for refusals, errors and read-only commands)
 * @param digest a digest to show below the text (a preview), or {@code null}
 */
public record Reply(String text, boolean changed, Digest digest) {
    public Reply {
        Objects.requireNonNull(text, "text");
    }

    public Reply(String text, boolean changed) {
        this(text, changed, null);
    }

    /** An answer to a command that changed something. */
    public static Reply done(String text) {
        return new Reply(text, true);
    }

    /** An answer that changed nothing: information, a refusal or an error. */
    public static Reply info(String text) {
        return new Reply(text, false);
    }

    /** A digest preview, introduced by {@code text}. */
    public static Reply withDigest(String text, Digest digest) {
        return new Reply(text, false, Objects.requireNonNull(digest, "digest"));
    }
}
