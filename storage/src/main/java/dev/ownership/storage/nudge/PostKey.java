package dev.ownership.storage.nudge;

import java.util.Objects;

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

    @Override
    public String toString() {
        return channelId + "/" + ts;
    }
}
