package dev.ownership.storage.prompt;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/**
 * When a team's prompt (or digest) goes out.
 *
 * @param channelId the team's channel
 * @param kind {@code learning}, {@code risk}, {@code impact} or {@code digest}
 * @param days the days it goes out on
 * @param at the local time: each member's own for prompts, the team's for the digest
 * @param enabled whether it goes out at all ({@code schedule KIND off} keeps days and time for later)
 */
public record TeamSchedule(String channelId, String kind, Set<DayOfWeek> days, LocalTime at, boolean enabled) {
    public TeamSchedule {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        days = Set.copyOf(days);
    }
}
