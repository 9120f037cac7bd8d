package dev.ownership.storage.nudge;

import java.util.Objects;
import java.util.Optional;

/**
 * What identifies a standup post: its channel and its Slack timestamp.
 *
 * @param channelId the standup channel
 * @param ts the post's Slack timestamp
 */
public record PostKey(String channelId, String ts) {
    public PostKey {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(ts, "ts");
    }

    /** The key as a button or modal carries it: {@code channel|ts}. */
    public String value() {
        return channelId + "|" + ts;
    }

    /** The key a {@link #value()} names; empty when {@code value} is not one (a crafted payload, say). */
    public static Optional<PostKey> fromValue(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split("\\|", -1);
        return parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()
                ? Optional.of(new PostKey(parts[0], parts[1]))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return channelId + "/" + ts;
    }
}
