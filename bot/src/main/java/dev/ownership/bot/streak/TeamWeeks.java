package dev.ownership.bot.streak;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * A team's weeks: Monday to Sunday in the team's timezone, named by their Monday. A timezone change re-reads the
 * history in the new weeks; nothing stored depends on it.
 */
public final class TeamWeeks {
    private TeamWeeks() {}

    /** The Monday of the team's week that contains {@code at}. */
    public static LocalDate weekOf(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** When the week of {@code monday} begins, in the team's timezone. */
    public static Instant startOf(LocalDate monday, ZoneId zone) {
        return monday.atStartOfDay(zone).toInstant();
    }

    /** When the week of {@code monday} ends (the next week's start). */
    public static Instant endOf(LocalDate monday, ZoneId zone) {
        return startOf(monday.plusWeeks(1), zone);
    }
}
