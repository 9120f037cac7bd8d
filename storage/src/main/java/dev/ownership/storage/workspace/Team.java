package dev.ownership.storage.workspace;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A team: a watched standup channel with its leads, working days and hours, and timezone.
 *
 * @param channelId the standup channel, which identifies the team
 * @param workspaceId the Slack workspace the channel belongs to
 * @param channelName the channel's name when it was last seen, for display
 * @param timezone the team's timezone, which sets its weeks for streaks and the digest
 * @param watched whether the bot currently watches the channel
 * @param watchedBy the admin who last ran {@code watch}
 * @param watchedAt when the channel was last watched
 * @param workdays the days on which nudges and prompts are delivered
 * @param workStart start of working hours, in each person's own timezone
 * @param workEnd end of working hours, in each person's own timezone
 * @param leaderboard whether the team turned on a per-person leaderboard
 * @param leads the team's leads, sorted
 */
public record Team(
        String channelId,
        String workspaceId,
        String channelName,
        ZoneId timezone,
        boolean watched,
        String watchedBy,
        Instant watchedAt,
        Set<DayOfWeek> workdays,
        LocalTime workStart,
        LocalTime workEnd,
        boolean leaderboard,
        List<String> leads) {

    public Team {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(channelName, "channelName");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(watchedBy, "watchedBy");
        Objects.requireNonNull(watchedAt, "watchedAt");
        Objects.requireNonNull(workStart, "workStart");
        Objects.requireNonNull(workEnd, "workEnd");
        workdays = Set.copyOf(workdays);
        leads = List.copyOf(leads);
    }

    /** Whether {@code userId} is one of the team's leads. */
    public boolean isLead(String userId) {
        return leads.contains(userId);
    }
}
