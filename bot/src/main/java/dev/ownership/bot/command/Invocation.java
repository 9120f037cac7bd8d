package dev.ownership.bot.command;

import java.util.Objects;

/**
 * One use of {@code /ownership}: who typed what, where.
 *
 * @param teamId the workspace it was typed in
 * @param userId who ran the command
 * @param channelId the channel it was typed in
 * @param channelName that channel's name as Slack reported it (may be {@code directmessage} or empty)
 * @param text the text after the command
 */
public record Invocation(String teamId, String userId, String channelId, String channelName, String text) {
    public Invocation {
        teamId = teamId == null ? "" : teamId;
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(channelId, "channelId");
        channelName = channelName == null ? "" : channelName;
        text = text == null ? "" : text;
    }
}
