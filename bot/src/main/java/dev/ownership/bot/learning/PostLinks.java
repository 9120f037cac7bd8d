package dev.ownership.bot.learning;

import java.util.Optional;

/** Where a post can be seen: its permalink. Implemented by the Slack edge; may block on the network. */
public interface PostLinks {
    /** The permalink of the message {@code ts} in {@code channelId}, or empty when Slack gives none. */
    Optional<String> permalink(String channelId, String ts);
}
