package dev.ownership.storage.workspace;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A person in a team's channel, as prompts need them.
 *
 * @param channelId the team's channel
 * @param userId the person
 * @param timezone their own timezone, from their Slack profile
 * @param joinedAt when the bot first saw them in the channel
 */
public record TeamMember(String channelId, String userId, ZoneId timezone, Instant joinedAt) {
    public TeamMember {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
