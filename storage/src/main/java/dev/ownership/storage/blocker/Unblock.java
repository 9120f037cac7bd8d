package dev.ownership.storage.blocker;

import dev.ownership.storage.nudge.PostKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A resolved blocker and the person credited with unblocking it: ids and times, never text.
 *
 * @param channelId the standup channel
 * @param ts the blocker post
 * @param helperId who is credited
 * @param authorId the blocker's author
 * @param replyTs the helper's reply that is credited
 * @param resolvedAt when the author resolved it
 * @param thanksState where the helper's thank-you stands ({@code due}, {@code sending}, {@code sent}, {@code skipped},
 *     {@code failed})
 */
public record Unblock(
        String channelId,
        String ts,
        String helperId,
        String authorId,
        String replyTs,
        Instant resolvedAt,
        String thanksState) {
    public Unblock {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(helperId, "helperId");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }

    /** The blocker post. */
    public PostKey key() {
        return new PostKey(channelId, ts);
    }
}
