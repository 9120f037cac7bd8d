package dev.ownership.bot.streak;

import dev.ownership.storage.pause.PauseRepository.Pause;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether a person was paused in a team's week: on at least one of the team's working days of that week. A pause
 * over a weekend alone does not hold a week; a holiday from Wednesday does, since the week's prompt may have been
 * missed because of it. Pause dates are the person's own dates, read as the team's dates of the same name.
 */
final class PausedWeeks implements Predicate<LocalDate> {
    private final List<Pause> pauses;
    private final Set<DayOfWeek> workdays;

    PausedWeeks(List<Pause> pauses, Set<DayOfWeek> workdays) {
        this.pauses = List.copyOf(pauses);
        this.workdays = workdays.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(workdays);
    }

    /** Whether the person was paused in the week of {@code monday}. */
    @Override
    public boolean test(LocalDate monday) {
        for (LocalDate day = monday; day.isBefore(monday.plusWeeks(1)); day = day.plusDays(1)) {
            if (workdays.contains(day.getDayOfWeek()) && paused(day)) {
                return true;
            }
        }
        return false;
    }

    private boolean paused(LocalDate day) {
        return pauses.stream().anyMatch(pause -> pause.covers(day));
    }
}
