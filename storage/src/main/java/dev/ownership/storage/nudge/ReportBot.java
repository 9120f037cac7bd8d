package dev.ownership.storage.nudge;

import java.time.Instant;
import java.util.Objects;

/**
 * The standup bot whose posts a team's channel reads as reports.
 *
 * @param channelId the team's channel
 * @param botUserId the bot's user id ({@code U…}), as the admin named it
 * @param botId the bot's id ({@code B…}), as its messages carry it
 * @param botName the bot's name as Slack reports it
 * @param setAt when an admin named it
 */
public record ReportBot(String channelId, String botUserId, String botId, String botName, Instant setAt) {
    public ReportBot {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(botUserId, "botUserId");
        Objects.requireNonNull(botId, "botId");
        Objects.requireNonNull(botName, "botName");
        Objects.requireNonNull(setAt, "setAt");
    }
}
