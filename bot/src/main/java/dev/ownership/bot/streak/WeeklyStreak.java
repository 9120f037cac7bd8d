package dev.ownership.bot.streak;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A weekly streak (learning, early risk): consecutive team weeks with at least one fact, from the week of the first
 * fact on. A week with a fact extends the streak, even a paused one: what people chose to share counts. A week
 * without one breaks it, unless the person was paused in that week (then it neither extends nor breaks) or it is
 * the current week, which is not over yet and never breaks it.
 */
final class WeeklyStreak {
    private WeeklyStreak() {}

    /**
     * The streak as it stood at {@code asOf}; facts after it are not known yet.
     *
     * @param facts when the person shared or answered, in any order
     * @param pausedWeek whether the person was paused in the week of a Monday
     * @param zone the team's timezone, which sets its weeks
     */
    static Streak compute(
            StreakKind kind, List<Instant> facts, Predicate<LocalDate> pausedWeek, ZoneId zone, Instant asOf) {
        Set<LocalDate> weeksWithFacts = new TreeSet<>();
        facts.stream()
                .filter(fact -> !fact.isAfter(asOf))
                .forEach(fact -> weeksWithFacts.add(TeamWeeks.weekOf(fact, zone)));
        if (weeksWithFacts.isEmpty()) {
            return Streak.none(kind);
        }
        LocalDate currentWeek = TeamWeeks.weekOf(asOf, zone);
        int current = 0;
        int best = 0;
        LocalDate runStart = null;
        boolean broken = false;
        for (LocalDate week = weeksWithFacts.iterator().next(); !week.isAfter(currentWeek); week = week.plusWeeks(1)) {
            if (weeksWithFacts.contains(week)) {
                runStart = current == 0 ? week : runStart;
                current++;
                best = Math.max(best, current);
            } else if (!week.equals(currentWeek) && !pausedWeek.test(week)) {
                current = 0;
                runStart = null;
                broken = true;
            }
        }
        return new Streak(kind, current, best, runStart == null ? null : TeamWeeks.startOf(runStart, zone), !broken);
    }
}
