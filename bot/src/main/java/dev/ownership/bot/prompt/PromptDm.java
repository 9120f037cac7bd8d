package dev.ownership.bot.prompt;

import java.util.List;
import java.util.Objects;

/**
 * A prompt to send by DM.
 *
 * @param userId who receives it
 * @param channelId the team's channel
 * @param channelName the channel's name, for the DM
 * @param type which prompt
 * @param occurrence which occurrence it is, carried by its buttons so an answer finds its delivery
 * @param questions the team's standup questions, for a standup; empty for the other prompts
 */
public record PromptDm(
        String userId,
        String channelId,
        String channelName,
        PromptType type,
        String occurrence,
        List<String> questions) {
    public PromptDm {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(channelName, "channelName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurrence, "occurrence");
        questions = List.copyOf(questions);
    }

    /** A prompt other than the standup, which asks no questions of the team's own. */
    public PromptDm(String userId, String channelId, String channelName, PromptType type, String occurrence) {
        this(userId, channelId, channelName, type, occurrence, List.of());
    }
}
