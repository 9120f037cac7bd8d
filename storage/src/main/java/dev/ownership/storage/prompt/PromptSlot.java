package dev.ownership.storage.prompt;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * One enabled prompt schedule of a watched team, for the members who live in one timezone: what the scheduler
 * builds one trigger from.
 *
 * @param channelId the team's channel
 * @param kind {@code learning}, {@code risk} or {@code impact}
 * @param days the days the prompt is scheduled on
 * @param at the local time it fires at, in {@code zone}
 * @param workdays the team's working days; a prompt goes out only on days that are both
 * @param zone a timezone at least one member of the team lives in
 */
public record PromptSlot(
        String channelId, String kind, Set<DayOfWeek> days, LocalTime at, Set<DayOfWeek> workdays, ZoneId zone) {
    public PromptSlot {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        days = Set.copyOf(days);
        workdays = Set.copyOf(workdays);
    }
}
