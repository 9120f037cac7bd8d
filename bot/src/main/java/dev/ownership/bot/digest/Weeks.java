package dev.ownership.bot.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** Team weeks: Monday to Sunday in the team's timezone. */
public final class Weeks {
    private Weeks() {}

    /** The Monday of the team week containing {@code instant}. */
    public static LocalDate startOf(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The first instant of the week starting on {@code monday}. */
    public static Instant begins(LocalDate monday, ZoneId zone) {
        return monday.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the week starting on {@code monday}. */
    public static Instant ends(LocalDate monday, ZoneId zone) {
        return monday.plusWeeks(1).atStartOfDay(zone).toInstant();
    }
}
