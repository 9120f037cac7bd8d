package dev.ownership.bot.blocker;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** A team's working days as a calendar: the next and previous workday, and how many lie between two dates. */
record Workdays(Set<DayOfWeek> days) {
    Workdays {
        days = Set.copyOf(days);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("At least one working day is needed");
        }
    }

    LocalDate next(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!days.contains(next.getDayOfWeek())) {
            next = next.plusDays(1);
        }
        return next;
    }

    LocalDate previous(LocalDate date) {
        LocalDate previous = date.minusDays(1);
        while (!days.contains(previous.getDayOfWeek())) {
            previous = previous.minusDays(1);
        }
        return previous;
    }

    /** The workdays from {@code from} to {@code to}, both included. */
    int countInclusive(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (days.contains(day.getDayOfWeek())) {
                count++;
            }
        }
        return count;
    }

    /** Calendar days from {@code from} to {@code to}. */
    static long calendarDays(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
