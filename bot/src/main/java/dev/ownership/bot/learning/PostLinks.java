package dev.ownership.bot.learning;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Where posts can be seen: their permalinks. Implemented by the Slack edge; may block on the network. */
public interface PostLinks {
    /**
     * The permalinks of {@code posts}, as far as Slack gives them within a short time: a post Slack gives none for
     * (or not in time) is missing from the map. Bounded, so that an answer due within Slack's three seconds (a
     * modal's submission) stays within them.
     */
    Map<Post, String> permalinks(List<Post> posts);

    /** A message {@code ts} in {@code channelId}. */
    record Post(String channelId, String ts) {
        public Post {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(ts, "ts");
        }
    }
}
