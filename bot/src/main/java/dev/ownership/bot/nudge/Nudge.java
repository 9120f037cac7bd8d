package dev.ownership.bot.nudge;

import dev.ownership.bot.detection.Category;
import java.util.List;
import java.util.Objects;

/**
 * A nudge to send: which post, to whom, and what to suggest. Carries no text of the post.
 *
 * @param userId the post's author, who receives the DM
 * @param channelId the standup channel
 * @param ts the post's timestamp (the messenger turns it into a permalink)
 * @param channelName the channel's name, for the DM
 * @param category the blocker's kind
 * @param suggestion the suggestion that fits it
 * @param reasons the detector's cues, shown so people can judge the call
 */
public record Nudge(
        String userId,
        String channelId,
        String ts,
        String channelName,
        Category category,
        String suggestion,
        List<String> reasons) {
    public Nudge {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(suggestion, "suggestion");
        reasons = List.copyOf(reasons);
    }
}
