package dev.ownership.scheduler;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a scheduled prompt fires for a person: at a local time on some days of the week, in the person's own
 * timezone, following daylight saving.
 *
 * <p>The rules are Quartz's, so that what the bot computes (a catch-up after downtime) and what the triggers do
 * agree: a local time that does not exist on a day (a spring-forward gap) has no occurrence that day, and a local
 * time that happens twice (a fall-back overlap) fires once, at its second occurrence. Immutable.
 *
 * @param days the days it fires on: the prompt's days that are also the team's working days
 * @param at the local time
 */
public record PromptCalendar(Set<DayOfWeek> days, LocalTime at) {
    private static final int SEARCH_DAYS = 15;

    public PromptCalendar {
        days = Set.copyOf(days);
        Objects.requireNonNull(at, "at");
    }

    /** The calendar of a prompt scheduled on {@code days} at {@code at}, for a team working on {@code workdays}. */
    public static PromptCalendar of(Set<DayOfWeek> days, Set<DayOfWeek> workdays, LocalTime at) {
        EnumSet<DayOfWeek> both = EnumSet.noneOf(DayOfWeek.class);
        both.addAll(days);
        both.retainAll(workdays);
        return new PromptCalendar(both, at.withSecond(0).withNano(0));
    }

    /** Whether it never fires (none of its days is a working day). */
    public boolean isEmpty() {
        return days.isEmpty();
    }

    /** The moment it fires on the local {@code date} in {@code zone}, if it fires that day. */
    public Optional<Instant> occurrenceOn(LocalDate date, ZoneId zone) {
        if (!days.contains(date.getDayOfWeek())) {
            return Optional.empty();
        }
        LocalDateTime local = date.atTime(at);
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                ZonedDateTime.of(local, zone).withLaterOffsetAtOverlap().toInstant());
    }

    /** The first moment strictly after {@code after} at which it fires in {@code zone}. */
    public Optional<Instant> nextAfter(Instant after, ZoneId zone) {
        LocalDate date = after.atZone(zone).toLocalDate();
        for (int i = 0; i < SEARCH_DAYS; i++) {
            Optional<Instant> occurrence = occurrenceOn(date.plusDays(i), zone);
            if (occurrence.isPresent() && occurrence.get().isAfter(after)) {
                return occurrence;
            }
        }
        return Optional.empty();
    }

    /** The Quartz cron expression that fires at these times, read in the person's timezone. */
    public String cronExpression() {
        if (days.isEmpty()) {
            throw new IllegalStateException("A prompt on no day has no cron expression");
        }
        String dayList = EnumSet.copyOf(days).stream()
                .map(day -> day.name().substring(0, 3).toUpperCase(Locale.ROOT))
                .collect(Collectors.joining(","));
        return "0 " + at.getMinute() + " " + at.getHour() + " ? * " + dayList;
    }
}
