package dev.ownership.bot.nudge;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * A team's working days and hours, read in each person's own timezone: when a message may reach them.
 *
 * @param workdays days on which messages may arrive
 * @param start start of the working day
 * @param end end of the working day (exclusive)
 */
public record WorkingHours(Set<DayOfWeek> workdays, LocalTime start, LocalTime end) {
    public WorkingHours {
        workdays = Set.copyOf(workdays);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (workdays.isEmpty()) {
            throw new IllegalArgumentException("At least one working day is needed");
        }
    }

    /** Whether {@code localNow} (in the person's timezone) is within working hours. */
    public boolean isOpen(ZonedDateTime localNow) {
        LocalTime time = localNow.toLocalTime();
        return workdays.contains(localNow.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
    }

    /**
     * The last day on which a message about something that came up at {@code localThen} is still news: the working
     * day it came up on (or the next one, when it came up outside working hours) and the working day after that. A
     * nudge held back longer (the bot was down, or Slack access was revoked) would be about a stale standup.
     */
    public LocalDate lastTimelyDay(ZonedDateTime localThen) {
        ZonedDateTime first = nextOpening(localThen);
        return nextOpening(first.with(end)).toLocalDate();
    }

    /**
     * The first moment at or after {@code localNow} within working hours, in the same timezone. Daylight-saving
     * gaps are handled by {@link ZonedDateTime}: a start time that does not exist that day moves forward.
     */
    public ZonedDateTime nextOpening(ZonedDateTime localNow) {
        if (isOpen(localNow)) {
            return localNow;
        }
        ZonedDateTime candidate = localNow.toLocalTime().isBefore(start)
                ? localNow.with(start)
                : localNow.toLocalDate().plusDays(1).atTime(start).atZone(localNow.getZone());
        for (int i = 0; i < 8; i++) {
            if (workdays.contains(candidate.getDayOfWeek())) {
                return candidate;
            }
            candidate = candidate.toLocalDate().plusDays(1).atTime(start).atZone(localNow.getZone());
        }
        throw new IllegalStateException("No working day in a week: " + workdays);
    }
}
